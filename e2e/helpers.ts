/**
 * What the browser tests do again and again: open the app and wait for it to run, set a control
 * the way a person would (by its label), read a headline figure (whose text starts with its
 * number), and keep a screenshot of a state for people to look at. Nothing here sleeps: every
 * wait is for something on the page.
 */
import { expect, type Locator, type Page } from '@playwright/test';

export const SCREENS_DIR = 'test-results/screens';

/** Opens the app and waits until simulated time is moving. */
export async function openApp(page: Page, path = './'): Promise<void> {
  await page.goto(path);
  await expect(page.getByRole('heading', { name: 'Servicescope' })).toBeVisible();
  await expect.poll(() => simulatedSec(page)).toBeGreaterThan(0);
}

/** A control by its exact visible label. */
export function control(page: Page, label: string): Locator {
  return page.getByLabel(label, { exact: true });
}

/** Types a value into a numeric control and commits it with Enter, as a person would. */
export async function setNumber(page: Page, label: string, value: number): Promise<void> {
  const input = control(page, label);
  await input.fill(String(value));
  await input.press('Enter');
  await expect(input).toHaveValue(String(value));
}

export async function choose(page: Page, label: string, value: string): Promise<void> {
  await control(page, label).selectOption(value);
  await expect(control(page, label)).toHaveValue(value);
}

/** The number a headline figure starts with. */
export async function metric(page: Page, name: string): Promise<number> {
  const text = (await page.getByTestId(`metric-${name}`).textContent()) ?? '';
  const value = parseFloat(text);
  if (Number.isNaN(value)) throw new Error(`metric-${name} does not start with a number: ${text}`);
  return value;
}

/** The simulated clock, 't = 12.3 s of 120 s', in seconds. */
export async function simulatedSec(page: Page): Promise<number> {
  const text = (await page.getByTestId('clock').textContent()) ?? '';
  const match = /t = ([\d.]+) s/.exec(text);
  return match ? Number(match[1]) : NaN;
}

/** A scenario that overloads one machine with CPU work: Poisson arrivals well above capacity. */
export async function cpuBoundOverload(page: Page, ratePerSec: number): Promise<void> {
  await choose(page, 'Load pattern', 'poisson');
  await setNumber(page, 'Arrival rate', ratePerSec);
  await setNumber(page, 'CPU per request', 12);
  await setNumber(page, 'I/O per request', 0);
}

export async function keepScreenshot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: `${SCREENS_DIR}/${name}.png` });
}
