import { expect, test, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { JS_BUDGET_KB } from '../../scripts/budgets.mjs';
import { hydrated, sitePaths } from './pages';

/**
 * The build counts, from its manifest, the JavaScript each page loads before the reader scrolls or acts
 * (scripts/budgets.mjs). This checks that count in a real browser: what a page actually fetches on load,
 * on a laptop screen and on a phone, stays within the budget; and that widgets whose code waits until the
 * reader scrolls near them (the model tables, Canvas for large traces) do load and work once scrolled to.
 */
const dist = join(process.cwd(), 'dist');
const gzipKb = (path: string) => gzipSync(readFileSync(join(dist, path)), { level: 9 }).length / 1024;

async function scriptsLoadedBy(page: Page, path: string): Promise<string[]> {
  const scripts = new Set<string>();
  page.on('response', (response) => {
    const url = new URL(response.url());
    if (url.pathname.endsWith('.js')) scripts.add(url.pathname);
  });
  await page.goto(path, { waitUntil: 'networkidle' });
  return [...scripts];
}

for (const viewport of [
  { name: 'laptop', width: 1280, height: 800 },
  { name: 'phone', width: 360, height: 740 },
]) {
  test(`every page loads at most ${JS_BUDGET_KB} KB of JavaScript (gzip) before the reader scrolls, on a ${viewport.name} screen`, async ({
    page,
  }) => {
    await page.setViewportSize(viewport);
    const measured: Record<string, number> = {};
    for (const path of await sitePaths(page)) {
      const fresh = await page.context().newPage();
      await fresh.setViewportSize(viewport);
      const kb = (await scriptsLoadedBy(fresh, path)).reduce((sum, p) => sum + gzipKb(p), 0);
      await fresh.close();
      measured[path] = Math.round(kb * 10) / 10;
    }
    console.log(`JavaScript on load (KB gzip, ${viewport.name}): ${JSON.stringify(measured)}`);
    const over = Object.entries(measured).filter(([, kb]) => kb > JS_BUDGET_KB);
    expect(over, 'pages over the budget').toEqual([]);
  });
}

test('a model table fetches its code when scrolled near, then answers a change', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  const scripts = await scriptsLoadedBy(page, '/choosing/');
  expect(scripts.some((p) => /ModelTable/.test(p))).toBe(false);
  const table = page.locator('.model-table-island').nth(1);
  const cores = table.getByRole('spinbutton', { name: /cpu cores/i });
  const before = await table.locator('table').textContent();
  await hydrated(table.locator('table'));
  const fetched = await page.evaluate(() => performance.getEntriesByType('resource').map((e) => e.name));
  expect(fetched.some((name) => /ModelTable/.test(name))).toBe(true);
  await cores.fill('1');
  await cores.press('Enter');
  await expect(table.locator('table')).not.toHaveText(before ?? '');
});

test('the ten-thousand-task timeline in the asyncio article draws on Canvas once scrolled to', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  const scripts = await scriptsLoadedBy(page, '/asyncio/');
  expect(scripts.some((p) => /CanvasMarks/.test(p))).toBe(false);
  const figure = page.locator('figure', { hasText: 'Ten thousand downloads on one event loop' });
  await figure.scrollIntoViewIfNeeded();
  await expect(figure.locator('canvas')).toHaveCount(1, { timeout: 10_000 });
});
