import { expect, test } from '@playwright/test';
import { keepScreenshot, openApp, simulatedSec } from './helpers.ts';

test('a worker that dies is reported, and Restart brings the run back', async ({ page }) => {
  await openApp(page);
  const worker = page.workers()[0];
  expect(worker).toBeDefined();
  await worker!.evaluate(() => self.close());

  const banner = page.getByRole('alert').filter({ hasText: 'The simulation stopped' });
  await expect(banner).toBeVisible();
  await keepScreenshot(page, 'crashed');
  // The rest of the page keeps working while the engine is down.
  await page.getByLabel('Speed', { exact: true }).selectOption('2');

  await banner.getByRole('button', { name: 'Restart' }).click();
  await expect(banner).toBeHidden();
  await page.getByRole('button', { name: 'Play' }).click();
  const restartedAt = await simulatedSec(page);
  await expect.poll(() => simulatedSec(page)).toBeGreaterThan(restartedAt + 0.5);
});
