import { expect, test, type Locator, type Page } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';
import { hydrated, watchConsole } from './pages';

/**
 * The two articles about tasks that coordinate and requests that arrive: every figure renders and hydrates
 * without a console error, a prediction seals its figure and reveals it, the deadlock figure states the cycle
 * as the simulator reports it, and the reading order puts them between processes and choosing.
 */
const root = resolve(import.meta.dirname, '../..');

/** What `npm run simulate -- <scenario> --model <m> --json` reports: the simulator's own words and numbers. */
function simulated(scenario: string, model: string) {
  const out = execFileSync(
    resolve(root, 'node_modules/.bin/tsx'),
    ['scripts/simulate.ts', `content/scenarios/${scenario}.json`, '--model', model, '--json'],
    { cwd: root, encoding: 'utf8' },
  );
  return JSON.parse(out) as {
    metrics: {
      deadlock: { cycle: string; atMs: number } | null;
      shared: Record<string, { final: number; lostUpdates: number }>;
      latency: { p50Ms: number; p95Ms: number };
    };
  };
}

const ARTICLES = [
  { path: '/coordinating/', title: 'Coordinating tasks', figures: 12, predictions: 12 },
  { path: '/serving/', title: 'Serving requests', figures: 6, predictions: 6 },
];

const valueOf = async (slider: Locator) => Number(await slider.getAttribute('aria-valuenow'));

/** The figure a prediction is tied to. */
async function figureFor(page: Page, question: Locator): Promise<Locator> {
  const id = await question.getAttribute('data-predict');
  return page.locator(`figure.tl[data-predicted-by="${id}"]`);
}

for (const article of ARTICLES) {
  test(`${article.path} loads, every figure renders and hydrates, with no console error`, async ({ page }) => {
    const problems = watchConsole(page);
    await page.goto(article.path);
    await page.waitForLoadState('networkidle');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(article.title);
    const figures = page.locator('figure.tl');
    await expect(figures).toHaveCount(article.figures);
    await expect(page.locator('section.predict')).toHaveCount(article.predictions);
    for (const figure of await figures.all()) {
      await hydrated(figure);
      // The chart: lanes of spans drawn in SVG, or on a canvas for large traces.
      await expect(figure.locator('.tl-marks-box').first()).toBeVisible();
      await expect(figure.locator('svg.tl-marks, canvas').first()).toBeVisible();
      expect((await figure.locator('.tl-marks-box').first().boundingBox())?.height ?? 0).toBeGreaterThan(20);
      await expect(figure.getByRole('slider', { name: 'Time' })).toBeVisible();
      // Every figure here answers a question, so each opens sealed at t = 0.
      await expect(figure).toHaveAttribute('data-sealed', '');
      expect(await valueOf(figure.getByRole('slider', { name: 'Time' }))).toBe(0);
    }
    expect(problems).toEqual([]);
  });
}

test('the lost update: the prediction seals its figure, and Check reveals the simulated counter', async ({ page }) => {
  const problems = watchConsole(page);
  const { final, lostUpdates } = simulated('coord-lost-update', 'threads').metrics.shared.x;
  await page.goto('/coordinating/');
  await page.waitForLoadState('networkidle');
  const question = page.locator('section.predict').first();
  const figure = await figureFor(page, question);
  await expect(figure).toHaveAttribute('data-sealed', '');
  for (const total of await figure.locator('.tl-band-total, .tl-band-speedup, .tl-clock-total').all()) {
    await expect(total).toBeHidden();
  }
  await question.getByRole('radio', { name: '100' }).check();
  await question.getByRole('button', { name: 'Check my guess' }).click();
  const verdict = question.locator('.predict-verdict').first();
  await expect(verdict).toBeFocused();
  await expect(verdict).toHaveText(/^Not quite: you picked 100; the answer is \d+\./);
  await expect(question.getByRole('status')).toContainText(`x = ${final} (${lostUpdates} updates lost)`);
  await expect(figure).not.toHaveAttribute('data-sealed', '');
  const slider = figure.getByRole('slider', { name: 'Time' });
  await expect.poll(() => valueOf(slider)).toBeGreaterThan(0);
  await question.getByRole('button', { name: 'Try again' }).click();
  await expect(figure).toHaveAttribute('data-sealed', '');
  expect(await valueOf(slider)).toBe(0);
  expect(problems).toEqual([]);
});

test('the deadlock figure states the cycle in the simulator’s words', async ({ browser }) => {
  const report = simulated('coord-deadlock', 'threads').metrics.deadlock;
  expect(report).not.toBeNull();
  expect(report!.cycle).toBe('A holds L1 and waits for L2; B holds L2 and waits for L1');
  const context = await browser.newContext({ reducedMotion: 'reduce' });
  const page = await context.newPage();
  const problems = watchConsole(page);
  await page.goto('/coordinating/');
  await page.waitForLoadState('networkidle');
  const question = page.locator('section.predict', { hasText: 'Which of the three hangs?' });
  const figure = await figureFor(page, question);
  await question.scrollIntoViewIfNeeded();
  await hydrated(figure);
  // Sealed, the figure does not give the answer away.
  await expect(figure).toHaveAttribute('data-sealed', '');
  await expect(figure.getByText(report!.cycle).filter({ visible: true })).toHaveCount(0);
  await question.getByRole('radio', { name: 'Threads (GIL)' }).check();
  await question.getByRole('button', { name: 'Check my guess' }).click();
  await expect(question.locator('.predict-verdict').first()).toHaveText(/^Right: Threads \(GIL\)\./);
  await expect(question.getByRole('status')).toContainText(report!.cycle);
  // With reduced motion the reveal jumps to the end: the note in the figure names the cycle.
  const note = figure.locator('.tl-answer');
  await expect(note).toHaveAttribute('data-reached', '');
  await expect(note).toContainText(report!.cycle);
  await expect(figure.locator('.tl-band-header[data-answer]')).toContainText('Threads');
  // The timeline's own deadlock marker says the same, at the time the simulator stopped.
  const marker = figure.locator('p.tl-deadlock');
  await expect(marker).toContainText(report!.cycle);
  expect(Number(await marker.getAttribute('data-deadlock-ms'))).toBeCloseTo(report!.atMs, 3);
  await figure.scrollIntoViewIfNeeded();
  await page.screenshot({ path: 'test-results/coordinating-deadlock-revealed.png' });
  expect(problems).toEqual([]);
  await context.close();
});

test('serving: a latency prediction reveals the simulated percentiles in the figure', async ({ browser }) => {
  const { p50Ms, p95Ms } = simulated('serve-every-20ms', 'sequential').metrics.latency;
  const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
  const context = await browser.newContext({ reducedMotion: 'reduce' });
  const page = await context.newPage();
  const problems = watchConsole(page);
  await page.goto('/serving/');
  await page.waitForLoadState('networkidle');
  const question = page.locator('section.predict').first();
  const figure = await figureFor(page, question);
  await expect(figure).toHaveAttribute('data-sealed', '');
  await question.getByRole('radio', { name: '64 ms' }).check();
  await question.getByRole('button', { name: 'Check my guess' }).click();
  await expect(question.locator('.predict-verdict').first()).toHaveText(
    /^Not quite: you picked 64 ms; the answer is 2 s\./,
  );
  await expect(question.getByRole('status')).toContainText(`a p95 latency of ${seconds(p95Ms)}`);
  const note = figure.locator('.tl-answer');
  await expect(note).toHaveAttribute('data-reached', '');
  await expect(note).toContainText(`latency p50 ${seconds(p50Ms)}, p95 ${seconds(p95Ms)}`);
  await figure.scrollIntoViewIfNeeded();
  await page.screenshot({ path: 'test-results/serving-every-20ms-revealed.png' });
  expect(problems).toEqual([]);
  await context.close();
});

test('the reading order: processes, coordinating, serving, choosing', async ({ page }) => {
  await page.goto('/coordinating/');
  const nav = page.getByRole('navigation', { name: 'Previous and next articles' });
  await expect(nav.locator('a[rel="prev"]')).toHaveAttribute('href', '/processes/');
  await expect(nav.locator('a[rel="next"]')).toHaveAttribute('href', '/serving/');
  await page.goto('/serving/');
  await expect(nav.locator('a[rel="prev"]')).toHaveAttribute('href', '/coordinating/');
  await expect(nav.locator('a[rel="next"]')).toHaveAttribute('href', '/choosing/');
  await page.goto('/');
  const titles = await page.locator('#articles li a').allTextContents();
  const at = (t: string) => titles.findIndex((x) => x.includes(t));
  expect(at('Processes')).toBeGreaterThanOrEqual(0);
  expect(at('Coordinating tasks')).toBe(at('Processes') + 1);
  expect(at('Serving requests')).toBe(at('Coordinating tasks') + 1);
  expect(at('Choosing a model')).toBe(at('Serving requests') + 1);
});

for (const [width, height] of [
  [1280, 900],
  [390, 844],
] as const) {
  test(`screenshots of both articles at ${width}×${height}`, async ({ page }) => {
    await page.setViewportSize({ width, height });
    for (const { path } of ARTICLES) {
      const name = path.replaceAll('/', '');
      await page.goto(path);
      await page.waitForLoadState('networkidle');
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow).toBeLessThanOrEqual(0);
      await page.screenshot({ path: `test-results/${name}-${width}x${height}-top.png` });
      const second = page.locator('figure.tl').nth(1);
      await hydrated(second);
      await page.screenshot({ path: `test-results/${name}-${width}x${height}-figure2.png` });
    }
  });
}
