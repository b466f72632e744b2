import { expect, test, type Page } from '@playwright/test';
import { hydrated, watchConsole } from './pages';

/** The playground's figure, started from a scenario of the guide. */
async function playground(page: Page, scenario: string) {
  await page.goto('/playground/');
  await page.waitForLoadState('networkidle');
  const pg = page.locator('.pg');
  await pg.getByRole('button', { name: 'Open the workload editor' }).click();
  await pg.getByRole('combobox', { name: 'Start from' }).selectOption(scenario);
  await expect(pg.getByRole('status').filter({ hasText: `Started from ${scenario}` })).toBeVisible();
  const figure = pg.locator('figure.tl').first();
  await figure.getByRole('button', { name: 'Jump to end' }).click();
  return figure;
}

test('a bounded queue has a depth track with its maxsize, in the window the reader zooms to', async ({ page }) => {
  const problems = watchConsole(page);
  const figure = await playground(page, 'coord-bounded-queue');
  const tracks = figure.getByRole('group', { name: 'queue q depth' });
  await expect(tracks.first()).toBeVisible();
  await expect(tracks.first()).toContainText('max 2 of 2');
  await expect(tracks.first().locator('.tl-track-limit')).toHaveCount(1);
  await figure.locator('.tl-tracks-box').screenshot({ path: 'test-results/sync-tracks-queue.png' });
  // The track follows the zoom window: the first few milliseconds hold at most one item.
  const before = await tracks.first().locator('.tl-track-line').getAttribute('d');
  await figure.getByRole('button', { name: 'Zoom in' }).click();
  await figure.getByRole('button', { name: 'Zoom in' }).click();
  await figure.getByRole('button', { name: 'Zoom in' }).click();
  await expect(figure).toHaveAttribute('data-view-end-ms', /.+/);
  await expect.poll(() => tracks.first().locator('.tl-track-line').getAttribute('d')).not.toBe(before);
  await figure.locator('.tl-tracks-box').screenshot({ path: 'test-results/sync-tracks-queue-zoomed.png' });
  // Reachable from the keyboard, described in words.
  await tracks.first().focus();
  await expect(tracks.first()).toBeFocused();
  const described = await tracks.first().getAttribute('aria-describedby');
  await expect(page.locator(`[id="${described}"]`)).toContainText('queue q depth: at most');
  expect(problems).toEqual([]);
});

test('a deadlock is marked on the axis and said in words, in the narration too', async ({ page }) => {
  const problems = watchConsole(page);
  const figure = await playground(page, 'coord-deadlock');
  const sentence = figure.locator('.tl-deadlock').first();
  await expect(sentence).toContainText('A holds L1 and waits for L2; B holds L2 and waits for L1');
  await expect(figure.locator('.tl-deadlock-mark').first()).toBeVisible();
  await expect(figure.locator('.tl-deadlock-axis').first()).toBeAttached();
  await expect(figure.locator('.tl-narration')).toContainText('deadlock: A holds L1 and waits for L2');
  await figure.screenshot({ path: 'test-results/sync-tracks-deadlock.png' });
  expect(problems).toEqual([]);
});

test('a lost update is marked on the shared variable’s track, with the final value against the expected', async ({
  page,
}) => {
  const problems = watchConsole(page);
  await page.goto('/threads/');
  const figure = page.locator('figure.tl').filter({ hasText: 'Two threads add one to x' });
  await hydrated(figure);
  const track = figure.getByRole('group', { name: 'shared x' }).first();
  await expect(track).toBeVisible();
  await expect(track).toContainText('1, expected 2');
  await expect(track.locator('.tl-lost')).toHaveCount(1);
  await expect(track.getByRole('listitem').first()).toHaveText(/lost update: .* update is lost/);
  await figure.screenshot({ path: 'test-results/sync-tracks-lost-update.png' });
  // The prerendered tracks hydrate in place once their code arrives: no hydration error.
  expect(problems).toEqual([]);
});

test('arrivals get the latency readout and strip; dark mode keeps them drawn', async ({ page }) => {
  const figure = await playground(page, 'serve-every-20ms');
  // Every model of the playground: a row each, p50, p95, max and throughput.
  const readout = figure.getByRole('table', { name: 'Latency, from arrival to end' });
  await expect(readout.getByRole('columnheader', { name: 'p95' })).toBeVisible();
  await expect(readout.getByRole('row', { name: /^Threads \(GIL\)/ })).toContainText(/ms.*ms.*ms.*tasks\/s/);
  const strip = figure.getByRole('group', { name: 'latency' }).first();
  await expect(strip).toBeVisible();
  const dots = await strip.locator('.tl-track-dots').getAttribute('d');
  expect((dots ?? '').split(/[Mm]/).length - 1).toBeGreaterThan(10);
  await figure.locator('.tl-tracks-box').screenshot({ path: 'test-results/sync-tracks-latency.png' });
  await page.emulateMedia({ colorScheme: 'dark', reducedMotion: 'reduce' });
  await page.evaluate(() => document.documentElement.setAttribute('data-theme', 'dark'));
  const stroke = await strip.locator('.tl-track-dots').evaluate((el) => getComputedStyle(el).stroke);
  expect(stroke).not.toBe('none');
  await figure.screenshot({ path: 'test-results/sync-tracks-latency-dark.png' });
});
