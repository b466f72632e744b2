import { expect, test, type Locator } from '@playwright/test';
import { fullToolbar, watchConsole } from './pages';

/**
 * Predict, then reveal: the figure that answers a question opens at its start with its totals hidden, and
 * plays from 0 once the reader commits; "Try again" seals it again.
 */
const valueOf = async (slider: Locator) => Number(await slider.getAttribute('aria-valuenow'));

test('a prediction’s figure starts at 0 with totals hidden and plays after Check', async ({ page }) => {
  const problems = watchConsole(page);
  await page.goto('/threads/');
  await page.waitForLoadState('networkidle');
  const question = page.locator('section.predict').first();
  const id = await question.getAttribute('data-predict');
  const figure = page.locator(`figure.tl[data-predicted-by="${id}"]`);
  await expect(figure).toHaveAttribute('data-sealed', '');
  const slider = figure.getByRole('slider', { name: 'Time' });
  expect(await valueOf(slider)).toBe(0);
  // Sealed, the slider speaks in percent of the run: its range would give the total away.
  await expect(slider).toHaveAttribute('aria-valuemax', '100');
  await expect(slider).toHaveAttribute('aria-valuetext', '0% of the run');
  // Nor may the overview strip (the whole run in small) or the line that states the run's length.
  const leaks = figure.locator(
    '.tl-band-total, .tl-band-speedup, .tl-clock-total, .tl-window-line, .tl-overview-marks',
  );
  expect(await leaks.count()).toBeGreaterThanOrEqual(4);
  for (const total of await leaks.all()) await expect(total).toBeHidden();

  await question.scrollIntoViewIfNeeded();
  await question.getByRole('radio', { name: '4.4 s' }).check();
  await question.getByRole('button', { name: 'Check my guess' }).click();
  const verdict = question.locator('.predict-verdict').first();
  await expect(verdict).toHaveText(/^Not quite: you picked 4\.4 s; the answer is 2\.2 s\./);
  await expect(verdict).toBeFocused();
  await expect(figure).not.toHaveAttribute('data-sealed', '');
  await expect(slider).toHaveAttribute('aria-valuemax', /^2200(\.\d+)?$/);
  await expect(figure.getByRole('button', { name: 'Pause' })).toBeVisible();
  await expect.poll(() => valueOf(slider)).toBeGreaterThan(0);
  await expect(figure.locator('.tl-band-total').first()).toBeVisible();
  await expect(figure.locator('.tl-overview-marks')).toBeVisible();
  // Played to the answer: the threads band is marked, with the answer in words.
  await (await fullToolbar(figure)).getByLabel('Speed').selectOption('4');
  await expect(figure.locator('.tl-band-header[data-answer]')).toContainText('Threads', { timeout: 15_000 });
  await expect(figure.locator('.tl-answer')).toContainText('all done at 2.20 s');
  await page.screenshot({ path: 'test-results/predict-revealed.png' });

  await question.getByRole('button', { name: 'Try again' }).click();
  await expect(figure).toHaveAttribute('data-sealed', '');
  expect(await valueOf(slider)).toBe(0);
  await expect(question.getByRole('radio').first()).toBeFocused();
  await expect(question.getByRole('button', { name: 'Check my guess' })).toBeVisible();
  expect(problems).toEqual([]);
});

test('with reduced motion the reveal jumps to the end', async ({ browser }) => {
  const context = await browser.newContext({ reducedMotion: 'reduce' });
  const page = await context.newPage();
  await page.goto('/sequential/');
  await page.waitForLoadState('networkidle');
  const question = page.locator('section.predict').first();
  const id = await question.getAttribute('data-predict');
  const figure = page.locator(`figure.tl[data-predicted-by="${id}"]`);
  const slider = figure.getByRole('slider', { name: 'Time' });
  expect(await valueOf(slider)).toBe(0);
  await question.getByRole('radio', { name: 'C' }).check();
  await question.getByRole('button', { name: 'Check my guess' }).click();
  await expect(question.locator('.predict-verdict').first()).toHaveText(/^Right: C\./);
  await expect
    .poll(async () => (await valueOf(slider)) === Number(await slider.getAttribute('aria-valuemax')))
    .toBe(true);
  await expect(figure.locator('.tl-lane-label[data-answer]')).toHaveText(/C/);
  await context.close();
});

test('with JavaScript off the answer sits in a closed disclosure', async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto('/threads/');
  const question = page.locator('section.predict').first();
  const answer = question.locator('details');
  await expect(answer).not.toHaveAttribute('open', '');
  await expect(answer.locator('summary')).toHaveText('Show the answer');
  await answer.locator('summary').click();
  await expect(answer).toContainText('The answer is 2.2 s.');
  await context.close();
});

test('a table that answers a prediction keeps its numbers hidden until Check, then marks the answering row', async ({
  page,
}) => {
  const problems = watchConsole(page);
  await page.goto('/choosing/');
  await page.waitForLoadState('networkidle');
  const question = page.locator('section.predict').filter({ hasText: 'Four threads each compute fib(35)' });
  const id = await question.getAttribute('data-predict');
  const table = page.locator(`.mt[data-predicted-by="${id}"]`);
  await expect(table).toHaveAttribute('data-sealed', '');
  await expect(table.getByRole('table')).toHaveAccessibleName('fib(35) four times on 8 cores');
  // Every number (simulated, speed-up, the tutorial's) is hidden; the models are there.
  for (const cell of await table.locator('td').all()) await expect(cell).toBeHidden();
  await expect(table.getByRole('rowheader', { name: 'Threads (GIL)' })).toBeVisible();
  await expect(table.locator('.tl-sealed-note')).toBeVisible();

  await question.scrollIntoViewIfNeeded();
  await question.getByRole('radio', { name: '2.5 s' }).check();
  await question.getByRole('button', { name: 'Check my guess' }).click();
  const verdict = question.locator('.predict-verdict').first();
  await expect(verdict).toHaveText(/^Not quite: you picked 2\.5 s; the answer is 10 s\./);
  await expect(verdict).toBeFocused();
  await expect(table).not.toHaveAttribute('data-sealed', '');
  await expect(table.locator('td').first()).toBeVisible();
  await expect(table.locator('tr[data-answer] th')).toHaveText('Threads (GIL)');
  await expect(table.locator('.tl-answer')).toBeVisible();
  await table.scrollIntoViewIfNeeded();
  await page.screenshot({ path: 'test-results/predict-table-revealed.png' });

  await question.getByRole('button', { name: 'Try again' }).click();
  await expect(table).toHaveAttribute('data-sealed', '');
  await expect(table.locator('tr[data-answer]')).toHaveCount(0);
  expect(problems).toEqual([]);
});

test('a keyboard reader answers a far prediction before it is ready: Space chooses, Tab reaches Check, Enter reveals', async ({
  page,
}) => {
  const problems = watchConsole(page);
  await page.goto('/coordinating/');
  await page.waitForLoadState('networkidle');
  const question = page.locator('section.predict').last();
  const first = question.getByRole('radio').first();
  // Focus as Tab does, then the keys at once, before the question's island has hydrated.
  await first.focus();
  await page.keyboard.press('Space');
  await page.keyboard.press('Tab');
  await expect(question.getByRole('button', { name: 'Check my guess' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(question.getByRole('status')).toContainText(/^(Right|Not quite)/);
  await expect(first).toBeChecked();
  expect(problems).toEqual([]);
});
