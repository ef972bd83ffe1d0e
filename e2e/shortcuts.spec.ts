import { expect, test } from '@playwright/test';
import { choose, openApp } from './helpers.ts';

test('keyboard shortcuts play, pause, step, change speed, move through a lesson and reset', async ({
  page,
}) => {
  await openApp(page);
  const state = page.getByTestId('achieved-speed');
  const speed = page.getByLabel('Speed', { exact: true });
  await page.locator('body').click({ position: { x: 5, y: 700 } });

  await page.keyboard.press(' ');
  await expect(state).toHaveText('paused');
  const events = page.getByTestId('events');
  const eventCount = async () => Number(((await events.textContent()) ?? '').replace(/\D/g, ''));
  await expect(events).toBeVisible();
  const before = await eventCount();
  await page.keyboard.press('.');
  await expect.poll(eventCount).toBe(before + 1);

  await expect(speed).toHaveValue('1');
  await page.keyboard.press('+');
  await expect(speed).toHaveValue('2');
  await page.keyboard.press('-');
  await page.keyboard.press('-');
  await expect(speed).toHaveValue('0.5');

  await page.keyboard.press('k');
  await expect(state).toHaveText(/running/);

  await choose(page, 'Lesson', 'vertical-scaling');
  await page.locator('body').click({ position: { x: 5, y: 700 } });
  await page.keyboard.press('ArrowRight');
  await expect(page.getByRole('button', { name: 'Step 2: Eight cores' })).toHaveAttribute(
    'aria-current',
    'step',
  );
  await page.keyboard.press('p');
  await expect(page.getByRole('button', { name: 'Step 1: Two cores' })).toHaveAttribute(
    'aria-current',
    'step',
  );

  await page.keyboard.press('r');
  await expect(page.getByTestId('clock')).toHaveText(/^t = 0(\.0)? s/);

  await page.keyboard.press('?');
  const help = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(help).toBeVisible();
  await expect(help.getByRole('row')).toHaveCount(9);
  await page.keyboard.press('Escape');
  await expect(help).toBeHidden();
});

test('shortcut keys typed into a field stay in the field', async ({ page }) => {
  await openApp(page);
  const rate = page.getByLabel('Arrival rate', { exact: true });
  await rate.fill('');
  await rate.pressSequentially('12');
  await expect(rate).toHaveValue('12');
  await expect(page.getByTestId('achieved-speed')).toHaveText(/running/);
});
