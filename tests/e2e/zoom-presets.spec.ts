import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { hydrated } from './pages';

const view = async (figure: Locator) => ({
  start: Number(await figure.getAttribute('data-view-start-ms')),
  end: Number(await figure.getAttribute('data-view-end-ms')),
});

/** Records every value a figure's data-view-end-ms takes from now on. */
async function recordWindows(figure: Locator): Promise<() => Promise<string[]>> {
  await figure.evaluate((el) => {
    const seen: string[] = [];
    (el as unknown as { seen: string[] }).seen = seen;
    new MutationObserver(() => seen.push(el.getAttribute('data-view-end-ms') ?? '')).observe(el, {
      attributes: true,
      attributeFilter: ['data-view-end-ms'],
    });
  });
  return () => figure.evaluate((el) => (el as unknown as { seen: string[] }).seen);
}

async function openThreads(page: Page) {
  await page.goto('/threads/');
  await page.waitForLoadState('networkidle');
  return page.locator('figure.tl[data-figure="counters"]');
}

test.describe('zoom presets in the prose', () => {
  test('a preset scrolls to its figure and animates the window to its range', async ({ page }) => {
    const figure = await openThreads(page);
    expect(await view(figure)).toEqual({ start: 0, end: 2200.168 });
    const preset = page.getByRole('button', { name: 'Zoom into 30 ms of the two threads' });
    await preset.scrollIntoViewIfNeeded();
    const seen = await recordWindows(figure);
    await preset.click();
    await expect.poll(async () => view(figure)).toEqual({ start: 20, end: 50 });
    // Animated: the window passed through sizes between the two (how many frames depends on the machine).
    const ends = (await seen()).map(Number);
    expect(ends.filter((e) => e > 50 && e < 2200).length).toBeGreaterThanOrEqual(1);
    expect(ends[ends.length - 1]).toBe(50);
    // The figure's plot is in view now.
    const plot = (await figure.locator('.tl-plot').boundingBox())!;
    expect(plot.y).toBeGreaterThan(0);
    expect(plot.y).toBeLessThan(page.viewportSize()!.height);
    await expect(figure.locator('.tl-window-text')).toHaveText('Showing 20.0 ms – 50.0 ms of 2.20 s');
    await page.screenshot({ path: 'test-results/zoom-preset-threads.png' });
  });

  test('with reduced motion the window is set at once, in one step', async ({ page }) => {
    await page.emulateMedia({ reducedMotion: 'reduce' });
    const figure = await openThreads(page);
    const preset = page.getByRole('button', { name: 'Zoom into the first 35 ms' });
    const convoy = page.locator('figure.tl[data-figure="convoy"]');
    await preset.scrollIntoViewIfNeeded();
    // The figure has hydrated (it wakes as the page scrolls near it) before its window is watched.
    await hydrated(convoy);
    const seen = await recordWindows(convoy);
    await preset.click();
    expect(await view(convoy)).toEqual({ start: 0, end: 35 });
    expect(await seen()).toEqual(['35']);
    expect(await view(figure)).toEqual({ start: 0, end: 2200.168 });
  });

  test('a figure that has not hydrated yet wakes and takes the window', async ({ page }) => {
    await page.emulateMedia({ reducedMotion: 'reduce' });
    await page.goto('/asyncio/');
    await page.waitForLoadState('networkidle');
    const figure = page.locator('figure.tl[data-figure="offload"]');
    const island = figure.locator('xpath=ancestor::div[@data-island]');
    await expect(island).not.toHaveAttribute('data-ready', '');
    // Activated from the top of the page, without scrolling to it first.
    await page
      .getByRole('button', { name: 'Zoom into its first tick' })
      .evaluate((b) => (b as HTMLButtonElement).click());
    await expect(island).toHaveAttribute('data-ready', '', { timeout: 15_000 });
    await expect.poll(async () => view(figure)).toEqual({ start: 48, end: 58 });
    await expect(figure.locator('.tl-window-text')).toHaveText(/^Showing 48\.0 ms – 58\.0 ms of /);
  });

  test('a figure with a zoom prop opens zoomed, and Fit shows the whole run', async ({ page }) => {
    await page.goto('/threads/');
    const figure = await hydrated(
      page.locator('figure.tl').filter({ hasText: 'The same client with a 0.5 ms switch interval' }),
    );
    expect(await view(figure)).toEqual({ start: 0, end: 35 });
    await figure.getByRole('button', { name: 'Fit', exact: true }).click();
    expect((await view(figure)).end).toBeGreaterThan(900);
  });

  test('without JavaScript a preset reads as plain text', async ({ browser }) => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto('/threads/');
    await expect(page.getByText('Zoom into 30 ms of the two threads')).toBeVisible();
    await expect(page.getByRole('button', { name: 'Zoom into 30 ms of the two threads' })).toHaveCount(0);
    await context.close();
  });
});

test.describe('the event log', () => {
  /** The two-loop figure, its prediction answered: until then the log stays shut (it would tell the answer). */
  async function answeredThreads(page: Page) {
    // With reduced motion the answered figure jumps to its end instead of playing on under the test.
    await page.emulateMedia({ reducedMotion: 'reduce' });
    const figure = await hydrated(await openThreads(page));
    const id = await figure.getAttribute('data-predicted-by');
    if (id) {
      await expect(figure.locator('details.tl-log > summary')).toHaveText('Event log');
      const question = page.locator(`section.predict[data-predict="${id}"]`);
      await question.getByRole('radio').first().check();
      await question.getByRole('button', { name: 'Check my guess' }).click();
      await expect(figure).not.toHaveAttribute('data-sealed', '');
    }
    return figure;
  }

  async function openLog(figure: Locator) {
    await figure.locator('details.tl-log > summary').click();
    return figure.getByRole('listbox', { name: /^Events/ });
  }

  test('follows the playhead without moving focus or the page; a click on a row seeks and selects', async ({
    page,
  }) => {
    const figure = await answeredThreads(page);
    const lists = await openLog(figure);
    const threads = lists.nth(1);
    const slider = figure.getByRole('slider', { name: /Time/ });
    await slider.focus();
    await page.keyboard.press('Home');
    await page.keyboard.press('ArrowRight'); // 22 ms
    const current = threads.locator('[aria-current="true"]');
    await expect(current).toHaveCount(1);
    await expect(current.locator('.tl-log-time')).toHaveText(/^(2[0-2]|1\d)\.\d+ ms$/);
    const scrollY = await page.evaluate(() => window.scrollY);
    const before = await threads.evaluate((el) => el.scrollTop);
    await page.keyboard.press('PageUp'); // + 10 %: 242 ms, dozens of rows on
    await expect.poll(() => threads.evaluate((el) => el.scrollTop)).toBeGreaterThan(before);
    // The current row is inside the list's scrolled view.
    const inList = await current.evaluate((row) => {
      const list = row.closest('[role="listbox"]')!;
      const r = row.getBoundingClientRect();
      const l = list.getBoundingClientRect();
      return r.top >= l.top - 1 && r.bottom <= l.bottom + 1;
    });
    expect(inList).toBe(true);
    await expect(slider).toBeFocused();
    expect(await page.evaluate(() => window.scrollY)).toBe(scrollY);
    await page.screenshot({ path: 'test-results/event-log-follow.png' });

    // A click on a row seeks there and opens the details of its span.
    const first = threads.getByRole('option').filter({ hasText: 'GIL passes from' }).first();
    // The rows are reused as the list scrolls: hold on to this one by its id.
    const row = threads.locator(`[id="${await first.getAttribute('id')}"]`);
    const at = parseFloat((await row.locator('.tl-log-time').textContent())!);
    await row.click();
    // Until its prediction is answered, the figure's slider speaks in percent of the run.
    const sealed = (await figure.getAttribute('data-sealed')) !== null;
    const expected = sealed ? (at / 2200.168) * 100 : at;
    await expect.poll(async () => Number(await slider.getAttribute('aria-valuenow'))).toBeCloseTo(expected, 0);
    await expect(row).toHaveAttribute('aria-current', 'true');
    const details = figure.getByRole('region', { name: /details/ });
    await expect(details).toBeVisible();
    await expect(details).toContainText('running');

    // Arrow keys walk event by event.
    const pos = async () => Number(await threads.locator('[aria-current="true"]').getAttribute('aria-posinset'));
    const p0 = await pos();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    expect(await pos()).toBe(p0 + 2);
  });

  test('the open log, its current row and the presets have no axe violations', async ({ page }) => {
    const figure = await answeredThreads(page);
    await openLog(figure);
    await figure.getByRole('slider', { name: /Time/ }).focus();
    await page.keyboard.press('Home');
    await page.keyboard.press('ArrowRight');
    await expect(figure.locator('[aria-current="true"]').first()).toBeAttached();
    const results = await new AxeBuilder({ page })
      .include('figure[data-figure="counters"] details.tl-log')
      .include('.zoom-to')
      .analyze();
    expect(results.violations).toEqual([]);
  });

  test('filters by task', async ({ page }) => {
    const figure = await answeredThreads(page);
    const lists = await openLog(figure);
    await figure.getByLabel('Filter events by task').fill('counter-2');
    await expect(figure.locator('.tl-log-count')).toHaveText(/^\d+ of \d+ events$/);
    const rows = lists.nth(1).getByRole('option');
    const texts = await rows.allTextContents();
    expect(texts.length).toBeGreaterThan(3);
    // Its events (a start on its thread names the thread), and hand-offs to it or from it.
    for (const t of texts) expect(t).toMatch(/counter-2|thread 2/);
  });

  test('on the ten-thousand-task page it lists every event but builds only the rows in view', async ({ page }) => {
    await page.goto('/ten-thousand-tasks/');
    await page.waitForLoadState('networkidle');
    const target = page.locator('figure.tl').first();
    await target.scrollIntoViewIfNeeded();
    const island = target.locator('xpath=ancestor::div[@data-island]');
    if ((await island.count()) > 0) await expect(island.first()).toHaveAttribute('data-ready', '', { timeout: 30_000 });
    const figure = await hydrated(target);
    const list = await openLog(figure);
    const summary = (await figure.locator('details.tl-log > summary').textContent())!;
    const total = Number(summary.match(/\(([\d\s\u00a0\u202f]+) events\)/)![1].replace(/\D/g, ''));
    expect(total).toBeGreaterThanOrEqual(10_000);
    expect(await list.getByRole('option').count()).toBeLessThan(200);
    expect(await list.getByRole('option').first().getAttribute('aria-setsize')).toBe(String(total));
    // Scrolled to the middle, it shows the rows there, still only a few.
    await list.evaluate((el) => (el.scrollTop = el.scrollHeight / 2));
    await expect
      .poll(async () => Number(await list.getByRole('option').first().getAttribute('aria-posinset')))
      .toBeGreaterThan(total / 2 - 100);
    expect(await list.getByRole('option').count()).toBeLessThan(200);
    await list.scrollIntoViewIfNeeded();
    await page.screenshot({ path: 'test-results/event-log-10k.png' });
  });
});
