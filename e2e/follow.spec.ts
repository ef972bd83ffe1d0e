import { expect, test } from '@playwright/test';
import { choose, keepScreenshot, openApp } from './helpers.ts';

test('slow motion lets one request be followed through the system', async ({ page }) => {
  await openApp(page);
  // Steady arrivals below capacity, so the followed request is served rather than dropped.
  await choose(page, 'Load pattern', 'poisson');
  await choose(page, 'Speed', '0.01');
  await page.getByRole('button', { name: 'Follow a request' }).click();

  await expect(page.getByTestId('inspection').getByRole('heading', { level: 3 })).toHaveText(
    /^Request \d+/,
  );
  const doing = page.getByTestId('inspection-doing');
  const seen: string[] = [];
  await expect
    .poll(
      async () => {
        const text = (await doing.textContent()) ?? '';
        if (seen[seen.length - 1] !== text) seen.push(text);
        return text;
      },
      { timeout: 45_000, intervals: [100] },
    )
    .toMatch(/^answered/);

  // The sentence moved through the stages on the way, and the timeline has them all in order.
  expect(seen.length).toBeGreaterThanOrEqual(3);
  expect(seen.some((s) => /on the network|waiting for a core|running on core/.test(s))).toBe(true);
  await expect(page.getByRole('list', { name: 'Timeline' }).getByRole('listitem')).toContainText([
    /sent/,
    /arrived at machine/,
    /started/,
    /received/,
  ]);
  await keepScreenshot(page, 'follow-a-request');
});
