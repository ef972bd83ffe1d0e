import { expect, test, type Page } from '@playwright/test';
import { control, openApp, simulatedSec } from './helpers.ts';

/** The accessible name of the focused element: its label, or its own text for a button. */
async function focusedName(page: Page): Promise<string> {
  return page.evaluate(() => {
    const element = document.activeElement as HTMLElement | null;
    if (!element) return '';
    const labels = (element as HTMLInputElement).labels;
    const label = labels && labels.length > 0 ? labels[0]?.textContent : null;
    return (label ?? element.textContent ?? '').trim();
  });
}

/** Presses Tab (or Shift+Tab) until the control called `name` has focus; fails if it never does. */
async function tabTo(page: Page, name: string, key = 'Tab'): Promise<void> {
  for (let presses = 0; presses < 60; presses++) {
    await page.keyboard.press(key);
    const focused = await focusedName(page);
    if (focused === name || focused.endsWith(name)) return;
  }
  throw new Error(`Tab never reached ${name}`);
}

async function stepsUp(page: Page, name: string): Promise<void> {
  const input = control(page, name);
  const before = Number(await input.inputValue());
  await page.keyboard.press('ArrowUp');
  await expect.poll(async () => Number(await input.inputValue())).toBeGreaterThan(before);
}

async function nextOption(page: Page, name: string): Promise<void> {
  const select = control(page, name);
  const before = await select.inputValue();
  await page.keyboard.press('ArrowDown');
  await expect(select).not.toHaveValue(before);
}

test('keyboard alone operates every control, in a logical order', async ({ page }) => {
  await openApp(page);
  await page.locator('body').focus();

  await tabTo(page, 'Play');
  await tabTo(page, 'Pause');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('achieved-speed')).toHaveText('paused');
  await tabTo(page, 'Step');
  const pausedAt = await simulatedSec(page);
  await page.keyboard.press('Space');
  await expect.poll(() => simulatedSec(page)).toBeGreaterThanOrEqual(pausedAt);
  await tabTo(page, 'Speed');
  await nextOption(page, 'Speed');
  await tabTo(page, 'Reset');
  await page.keyboard.press('Enter');
  await expect.poll(() => simulatedSec(page)).toBe(0);

  await tabTo(page, 'Scenario');
  await tabTo(page, 'Arrival rate');
  await stepsUp(page, 'Arrival rate');
  await tabTo(page, 'Load pattern');
  await nextOption(page, 'Load pattern');
  for (const name of ['Client timeout', 'CPU per request', 'I/O per request', 'Machines']) {
    await tabTo(page, name);
    await stepsUp(page, name);
  }
  for (const name of ['Cores per machine', 'Core speed']) {
    await tabTo(page, name);
    await stepsUp(page, name);
  }
  await tabTo(page, 'Balancer');
  await nextOption(page, 'Balancer');
  await tabTo(page, 'Architecture');
  await nextOption(page, 'Architecture');
  await expect(control(page, 'Workers per machine')).toBeVisible();
  for (const name of ['Workers per machine', 'Backlog', 'Queue capacity']) {
    await tabTo(page, name);
    await stepsUp(page, name);
  }
  await tabTo(page, 'When the queue is full');
  await nextOption(page, 'When the queue is full');

  await tabTo(page, 'Follow a request');
  await page.keyboard.press('Enter');

  // Back to the top with Shift+Tab, and play from the keyboard: the next request is followed.
  await tabTo(page, 'Play', 'Shift+Tab');
  await page.keyboard.press('Space');
  await expect(page.getByTestId('achieved-speed')).toHaveText(/running/);
  await expect(page.getByTestId('inspection')).toBeVisible();
});

test('focus is visible on every control', async ({ page }) => {
  await openApp(page);
  await page.locator('body').focus();
  await page.keyboard.press('Tab');
  const outline = await page.evaluate(() => {
    const element = document.activeElement;
    return element ? getComputedStyle(element).outlineStyle : 'none';
  });
  expect(outline).toBe('solid');
});
