import { expect, test } from '@playwright/test';
import { watchConsole } from './pages';

test('the playground opens its editor when the reader reaches for it, and starts again from another scenario', async ({
  page,
}) => {
  const problems = watchConsole(page);
  await page.goto('/playground/');
  await page.waitForLoadState('networkidle');
  const playground = page.locator('.pg');
  await playground.getByRole('button', { name: 'Open the workload editor' }).click();
  const picker = playground.getByRole('combobox', { name: 'Start from' });
  await expect(picker).toBeVisible();
  await expect(playground.getByRole('spinbutton', { name: /duration/ }).first()).toBeVisible();
  await picker.selectOption('three-sleeps');
  await expect(playground.getByRole('status').filter({ hasText: 'Started from three-sleeps' })).toBeVisible();
  // Three sleeps of 2 s, 3 s and 1 s: 6 s one after another.
  await expect(playground.locator('.tl-band-total').first()).toHaveText('6.00 s');
  await picker.selectOption('');
  await expect(playground.getByRole('status').filter({ hasText: 'an empty workload' })).toBeVisible();
  expect(problems).toEqual([]);
});

test('pointing at the playground is enough to fetch its editor', async ({ page }) => {
  await page.goto('/playground/');
  await page.waitForLoadState('networkidle');
  await page.locator('.pg').hover();
  await expect(page.locator('.pg').getByRole('combobox', { name: 'Start from' })).toBeVisible();
});

test('reaching the playground by keyboard loads its editor and keeps the focus, now on the picker', async ({
  page,
}) => {
  await page.goto('/playground/');
  await page.waitForLoadState('networkidle');
  await page.locator('.pg').getByRole('button', { name: 'Open the workload editor' }).focus();
  const picker = page.locator('.pg').getByRole('combobox', { name: 'Start from' });
  await expect(picker).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(page.locator('.pg').getByRole('status').filter({ hasText: 'Started from' })).toBeVisible();
});
