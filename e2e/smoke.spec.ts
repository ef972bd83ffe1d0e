import { expect, test } from '@playwright/test';

test('the built app opens with its name', async ({ page }) => {
  await page.goto('./');
  await expect(page.getByRole('heading', { name: 'Servicescope' })).toBeVisible();
});
