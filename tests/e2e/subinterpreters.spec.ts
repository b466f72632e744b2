import { expect, test } from '@playwright/test';
import { hydrated, watchConsole } from './pages';

/** Subinterpreters, the sixth model: shown beside threads and processes, and asked about in a prediction. */

test('the threads article draws subinterpreters beside threads and processes', async ({ page }) => {
  const problems = watchConsole(page);
  await page.goto('/threads/');
  await page.waitForLoadState('networkidle');
  const figure = page.locator('figure.tl', { hasText: 'Four 250 ms counting loops on 2 cores' });
  await hydrated(figure);
  const headers = figure.locator('.tl-band-header');
  await expect(headers).toHaveCount(3);
  await expect(headers.nth(2)).toContainText('Subinterpreters');
  // Worker view: one lane per worker interpreter's thread.
  await expect(figure.getByText('interpreter 1', { exact: true }).first()).toBeAttached();
  expect(problems).toEqual([]);
});

test('the processes article asks which pool of two finishes first, and subinterpreters do', async ({ page }) => {
  const problems = watchConsole(page);
  await page.goto('/processes/');
  await page.waitForLoadState('networkidle');
  const question = page.locator('section.predict', { hasText: 'InterpreterPoolExecutor(2)' });
  await hydrated(question);
  await question.getByRole('radio', { name: 'Processes' }).check();
  await question.getByRole('button', { name: 'Check my guess' }).click();
  await expect(question.locator('.predict-verdict').first()).toHaveText(
    /^Not quite: you picked Processes; the answer is Subinterpreters\./,
  );
  expect(problems).toEqual([]);
});
