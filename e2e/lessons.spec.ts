import { expect, test, type Page } from '@playwright/test';
import { LESSONS } from '../src/lessons/catalogue.ts';
import { choose, keepScreenshot, metric, openApp, simulatedSec } from './helpers.ts';

/** Waits until simulated time has moved on by `bySec` from now. */
async function runFor(page: Page, bySec: number): Promise<void> {
  const from = await simulatedSec(page);
  await expect.poll(() => simulatedSec(page), { timeout: 30_000 }).toBeGreaterThan(from + bySec);
}

test('every lesson opens, plays, and walks through all its steps', async ({ page }) => {
  test.setTimeout(240_000);
  await openApp(page);
  for (const [index, lesson] of LESSONS.entries()) {
    await choose(page, 'Lesson', lesson.id);
    const panel = page.getByRole('region', { name: lesson.title });
    await expect(panel).toContainText(`Lesson ${index + 1} of ${LESSONS.length}`);
    for (const [k, step] of lesson.steps.entries()) {
      if (k > 0) await page.getByRole('button', { name: 'Next step' }).click();
      await expect(
        page.getByRole('button', { name: `Step ${k + 1}: ${step.title}` }),
      ).toHaveAttribute('aria-current', 'step');
      await expect(page.getByTestId('lesson-step')).toContainText(step.notice);
      await runFor(page, 0.2);
    }
    await keepScreenshot(page, `lesson-${index + 1}-${lesson.id}`);
    const last = index === LESSONS.length - 1;
    await expect(page.getByRole('button', { name: last ? 'Finish' : 'Next lesson' })).toBeVisible();
  }
});

test('a lesson step changes the running scenario live, and going back restores it', async ({
  page,
}) => {
  await openApp(page);
  await choose(page, 'Lesson', 'one-core');
  await expect(page.getByLabel('Threads per machine', { exact: true })).toHaveValue('1');
  await choose(page, 'Speed', '10');
  await runFor(page, 20);
  const oneThread = await metric(page, 'throughput');

  await page.getByRole('button', { name: 'Next step' }).click();
  await page.getByRole('button', { name: 'Next step' }).click();
  await expect(page.getByLabel('Threads per machine', { exact: true })).toHaveValue('32');
  await runFor(page, 20);
  // The lesson's claim, on screen: many threads give at least four times the throughput of one.
  expect(await metric(page, 'throughput')).toBeGreaterThan(4 * oneThread);

  await page.getByRole('button', { name: 'Previous step' }).click();
  await expect(page.getByLabel('Threads per machine', { exact: true })).toHaveValue('8');
});

test('presentation mode enlarges the page and keeps only the step controls', async ({ page }) => {
  await openApp(page);
  await choose(page, 'Lesson', 'many-copies');
  await page.getByRole('button', { name: 'Present' }).click();
  await expect(page.getByRole('button', { name: 'Present' })).toHaveAttribute(
    'aria-pressed',
    'true',
  );
  await expect(page.getByLabel('Cores per machine', { exact: true })).toBeVisible();
  await expect(page.getByLabel('Backlog', { exact: true })).toHaveCount(0);
  const size = await page
    .getByTestId('metric-throughput')
    .evaluate((e) => parseFloat(getComputedStyle(e.querySelector('.metric-value')!).fontSize));
  expect(size).toBeGreaterThan(30);
  await keepScreenshot(page, 'presentation-mode');
  await page.getByRole('button', { name: 'Present' }).click();
  await expect(page.getByLabel('Backlog', { exact: true })).toBeVisible();
});
