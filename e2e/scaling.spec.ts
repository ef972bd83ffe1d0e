import { expect, test } from '@playwright/test';
import {
  choose,
  control,
  cpuBoundOverload,
  keepScreenshot,
  metric,
  openApp,
  setNumber,
} from './helpers.ts';

test.describe('live controls change the run', () => {
  test.beforeEach(async ({ page }) => {
    await openApp(page);
  });

  test('raising cores per machine raises throughput under CPU-bound overload', async ({ page }) => {
    await choose(page, 'Speed', '5');
    await cpuBoundOverload(page, 2000);
    await setNumber(page, 'Threads per machine', 64);
    await setNumber(page, 'Cores per machine', 4);

    // Four cores finish at most 4 / 12 ms = 333 requests a second.
    await expect.poll(() => metric(page, 'throughput'), { timeout: 30_000 }).toBeGreaterThan(250);
    await expect.poll(() => metric(page, 'cpu')).toBeGreaterThan(90);
    const before = await metric(page, 'throughput');
    expect(before).toBeLessThan(420);

    await setNumber(page, 'Cores per machine', 16);
    await expect
      .poll(() => metric(page, 'throughput'), { timeout: 30_000 })
      .toBeGreaterThan(2.5 * before);
    await keepScreenshot(page, 'cores-raised');
  });

  test('overload with a small backlog shows drops on screen and in the counters', async ({
    page,
  }) => {
    await choose(page, 'Speed', '2');
    await cpuBoundOverload(page, 1000);
    await setNumber(page, 'Backlog', 2);

    await expect.poll(() => metric(page, 'dropped'), { timeout: 30_000 }).toBeGreaterThan(20);
    await expect(page.getByTestId('metric-dropped')).toHaveText(/^\d+ Dropped$/);
    await expect(page.getByTestId('drop-reasons')).toContainText(/\d+ dropped: backlog full/);
    await expect(page.getByRole('img', { name: /Drops and timeouts, latest/ })).toBeVisible();
    await expect(page.getByTestId('topology')).toBeVisible();
    await keepScreenshot(page, 'drops');
  });

  test('a refused value names its field and rule; the control keeps its last good value', async ({
    page,
  }) => {
    const cores = control(page, 'Cores per machine');
    await cores.fill('0');
    await cores.press('Enter');
    await expect(page.getByRole('alert')).toContainText('machines.cores: must be at least 1');
    await expect(cores).toHaveValue('4');
    const before = await metric(page, 'completed');
    await expect.poll(() => metric(page, 'completed')).toBeGreaterThan(before);
  });
});
