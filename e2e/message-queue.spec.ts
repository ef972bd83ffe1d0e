import { expect, test } from '@playwright/test';
import { choose, cpuBoundOverload, keepScreenshot, metric, openApp, setNumber } from './helpers.ts';

test('a message-queue scenario shows the request queue filling', async ({ page }) => {
  await openApp(page);
  await choose(page, 'Architecture', 'message-queue');
  await expect(page.getByLabel('Workers per machine', { exact: true })).toBeVisible();
  await choose(page, 'Speed', '2');
  await setNumber(page, 'Queue capacity', 5000);
  await cpuBoundOverload(page, 1000);
  await page.getByRole('button', { name: 'Play' }).click();

  const queued = page.getByTestId('stage-queued');
  await expect.poll(() => metric(page, 'queue'), { timeout: 30_000 }).toBeGreaterThan(200);
  await expect(queued).toContainText('in the request queue');
  const first = parseFloat((await queued.textContent()) ?? '0');
  await expect
    .poll(async () => parseFloat((await queued.textContent()) ?? '0'))
    .toBeGreaterThan(first + 100);
  await expect(page.getByRole('heading', { name: 'Service loop' })).toBeVisible();
  await keepScreenshot(page, 'message-queue-filling');
});
