import { expect, test } from '@playwright/test';
import { choose, control, openApp, setNumber, simulatedSec } from './helpers.ts';

test('a shared link reopens the scenario, the lesson step and the speed', async ({
  page,
  context,
}) => {
  await openApp(page);
  await choose(page, 'Lesson', 'horizontal-scaling');
  await page.getByRole('button', { name: 'Next step' }).click();
  await setNumber(page, 'Cores per machine', 3);
  await choose(page, 'Speed', '2');
  await expect(page).toHaveURL(/#v=1&s=.*lesson=horizontal-scaling&step=2&speed=2/);

  await page.getByRole('button', { name: 'Share' }).click();
  const dialog = page.getByRole('dialog', { name: 'Share this view' });
  const link = await dialog.getByLabel('Link').inputValue();
  await expect(dialog.getByLabel('Embed snippet')).toHaveValue(
    /<iframe src=".*embed=1&autoplay=1"/,
  );
  await dialog.getByRole('button', { name: 'Close' }).click();

  const other = await context.newPage();
  await other.goto(link);
  await expect(other.getByRole('region', { name: 'Horizontal scaling' })).toBeVisible();
  await expect(other.getByRole('button', { name: /^Step 2:/ })).toHaveAttribute(
    'aria-current',
    'step',
  );
  await expect(control(other, 'Cores per machine')).toHaveValue('3');
  await expect(control(other, 'Machines')).toHaveValue('4');
  await expect(control(other, 'Speed')).toHaveValue('2');
  await expect.poll(() => simulatedSec(other)).toBeGreaterThan(0);
});

test('a damaged link is explained and the default scenario opens', async ({ page }) => {
  await page.goto('./#v=1&s=not-a-scenario&speed=2');
  const alert = page.getByRole('alert').filter({ hasText: 'This link could not be opened' });
  await expect(alert).toContainText('link.s: the scenario is damaged');
  await expect.poll(() => simulatedSec(page)).toBeGreaterThan(0);
  await alert.getByRole('button', { name: 'Dismiss' }).click();
  await expect(alert).toBeHidden();
});

test('embed mode shows the picture and figures without the controls', async ({
  page: first,
  context,
}) => {
  await openApp(first);
  await first.getByRole('button', { name: 'Share' }).click();
  const snippet = await first.getByLabel('Embed snippet').inputValue();
  const src = /src="([^"]+)"/.exec(snippet)![1]!;
  const page = await context.newPage();
  await page.goto(src);
  await expect(page.getByTestId('topology')).toBeVisible();
  await expect(page.getByTestId('metric-throughput')).toBeVisible();
  await expect(page.getByLabel('Arrival rate')).toHaveCount(0);
  await expect(page.getByRole('link', { name: 'Open in Servicescope' })).toBeVisible();
  await expect.poll(() => simulatedSec(page)).toBeGreaterThan(0);
});
