import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { keepScreenshot, openApp } from './helpers.ts';

for (const colorScheme of ['light', 'dark'] as const) {
  test(`an accessibility scan finds no serious violations (${colorScheme})`, async ({ page }) => {
    await page.emulateMedia({ colorScheme });
    await openApp(page);
    await expect(page.getByRole('img', { name: /Throughput, latest/ })).toBeVisible();
    await keepScreenshot(page, `overview-${colorScheme}`);

    const results = await new AxeBuilder({ page }).analyze();
    const serious = results.violations.filter(
      (v) => v.impact === 'serious' || v.impact === 'critical',
    );
    const summary = serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(' | ')}`);
    expect(summary).toEqual([]);
  });
}
