import { expect, test } from '@playwright/test';
import { choose, keepScreenshot, openApp, simulatedSec } from './helpers.ts';

// Screenshots of the main states, kept as test artefacts for people to look at: the charts with
// a theory line and a hover, and the message-queue picture on a laptop screen in both themes.

test('charts show theory beside measurement, with values on hover', async ({ page }) => {
  // Tall enough that every chart is on screen without scrolling the charts' column.
  await page.setViewportSize({ width: 1280, height: 1500 });
  await openApp(page);
  await choose(page, 'Scenario', 'mm1');
  await choose(page, 'Speed', '30');
  await page.getByRole('button', { name: 'Play' }).click();
  await expect.poll(() => simulatedSec(page), { timeout: 30_000 }).toBeGreaterThan(40);
  await expect(page.getByTestId('theory-note')).toContainText('Theory (M/M/1');

  const chart = page.getByRole('img', { name: /Latency, latest/ });
  const box = await chart.boundingBox();
  expect(box).not.toBeNull();
  await page.mouse.move(box!.x + box!.width * 0.6, box!.y + box!.height * 0.5);
  await expect(page.locator('.chart-tooltip')).toContainText('p99');
  await keepScreenshot(page, 'charts-theory');
});

for (const colorScheme of ['light', 'dark'] as const) {
  test(`the message-queue picture on a laptop screen (${colorScheme})`, async ({ page }) => {
    await page.setViewportSize({ width: 1440, height: 900 });
    await page.emulateMedia({ colorScheme });
    await openApp(page);
    await choose(page, 'Scenario', 'message-queue');
    await page.getByRole('button', { name: 'Play' }).click();
    await expect.poll(() => simulatedSec(page), { timeout: 30_000 }).toBeGreaterThan(1);
    await page.getByRole('button', { name: 'Follow a request' }).click();
    await expect(page.getByTestId('inspection')).toBeVisible();
    await keepScreenshot(page, `laptop-message-queue-${colorScheme}`);
  });
}
