import { expect, test, type Page } from '@playwright/test';
import { encodeView } from '../../src/share/codec';
import type { Scenario } from '../../src/sim/types';
import { watchConsole } from './pages';

/**
 * Links beyond the page's limits (src/sim/limits.ts) on the playground's "downloads" timeline: each ends
 * in a notice or a clamped value, and the page still answers. Long main-thread tasks seen meanwhile are
 * printed (the figures are judged in npm run bench:ui, not here).
 */
const CAPTION = 'The downloads in the sentence above';

const heavy = (extra: Partial<Scenario>, count: number, durationMs: number): Scenario => ({
  id: 'heavy',
  title: 'Heavy',
  machine: { cores: 2 },
  tasks: [{ name: 'calc', count, steps: [{ kind: 'cpu', durationMs }] }],
  ...extra,
});

async function open(page: Page, scenario: Scenario) {
  await page.addInitScript(() => {
    const w = window as unknown as { longTasks: number[] };
    w.longTasks = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) w.longTasks.push(e.duration);
    }).observe({ type: 'longtask', buffered: true });
  });
  const code = encodeView({ scenario, models: ['sequential', 'threads'], timeMs: null, view: 'task' });
  await page.goto(`/playground/?tl.downloads=${code}`);
  const figure = page.locator('figure.tl').filter({ hasText: CAPTION });
  await figure.scrollIntoViewIfNeeded();
  return { figure, code };
}

async function answers(page: Page) {
  const t0 = Date.now();
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(r)));
  return Date.now() - t0;
}

test('a short link asking for 10 000 tasks of 60 s of computing ends in a notice', async ({ page }) => {
  const problems = watchConsole(page);
  const { figure, code } = await open(page, heavy({}, 10_000, 60_000));
  expect(code.length).toBeLessThan(200);
  await expect(figure.getByRole('status').first()).toContainText(/too large for the page: simulated work/);
  const frameMs = await answers(page);
  const longTasks = await page.evaluate(() => (window as unknown as { longTasks: number[] }).longTasks);
  console.log(
    `10 000 × 60 s link: ${code.length} characters; next frame ${frameMs} ms; long tasks ${JSON.stringify(longTasks.map(Math.round))}`,
  );
  expect(problems).toEqual([]);
});

test('a link with a pool of 10⁹ workers is clamped to the page’s largest pool, and says so', async ({ page }) => {
  const problems = watchConsole(page);
  const scenario = heavy({ modelSettings: { threads: { poolSize: 1e9 } } }, 4, 100);
  const { figure } = await open(page, scenario);
  await expect(figure.getByRole('status').first()).toContainText(/poolSize 1\D?000\D?000\D?000 became 1024/);
  await figure.getByRole('button', { name: 'Edit workload' }).click();
  await expect(figure.getByRole('region', { name: /Workload editor/ })).toBeVisible();
  const longTasks = await page.evaluate(() => (window as unknown as { longTasks: number[] }).longTasks);
  console.log(`pool 10⁹ link: long tasks ${JSON.stringify(longTasks.map(Math.round))}`);
  expect(problems).toEqual([]);
});
