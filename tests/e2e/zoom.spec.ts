import { expect, test, type Locator, type Page } from '@playwright/test';
import { hydrated } from './pages';

/** The threads article's two counting loops (sequential and threads sharing the GIL). */
async function twoLoops(page: Page): Promise<Locator> {
  await page.goto('/threads/');
  await page.waitForLoadState('networkidle');
  return hydrated(page.locator('figure.tl').filter({ hasText: 'Two counting loops: one after another' }));
}

const view = async (figure: Locator) => ({
  start: Number(await figure.getAttribute('data-view-start-ms')),
  end: Number(await figure.getAttribute('data-view-end-ms')),
});

test.describe('zoom and pan', () => {
  test('buttons zoom in, out and fit, and the window line says what is shown', async ({ page }) => {
    const figure = await twoLoops(page);
    const full = await view(figure);
    expect(full.start).toBe(0);
    expect(full.end).toBeGreaterThan(2000);
    await expect(figure.locator('.tl-window-text')).toHaveText(/^Showing all 2\.20 s$/);
    await figure.getByRole('button', { name: 'Zoom in', exact: true }).click();
    const half = await view(figure);
    expect(half.end - half.start).toBeCloseTo(full.end / 2, 3);
    await expect(figure.locator('.tl-window-text')).toHaveText(/^Showing .+ – .+ of 2\.20 s$/);
    await figure.getByRole('button', { name: 'Zoom out', exact: true }).click();
    expect((await view(figure)).end - (await view(figure)).start).toBeCloseTo(full.end, 3);
    await figure.getByRole('button', { name: 'Zoom in', exact: true }).click();
    await figure.getByRole('button', { name: 'Fit', exact: true }).click();
    expect(await view(figure)).toEqual(full);
  });

  test('keys zoom, pan and fit on the focused chart', async ({ page }) => {
    const figure = await twoLoops(page);
    const slider = figure.getByRole('slider', { name: /Time/ });
    await slider.focus();
    await page.keyboard.press('Home');
    await page.keyboard.press('+');
    await page.keyboard.press('w');
    const z = await view(figure);
    expect(z.end - z.start).toBeCloseTo(2200.168 / 4, 1);
    await page.keyboard.press('d');
    const panned = await view(figure);
    expect(panned.start).toBeGreaterThan(z.start);
    await page.keyboard.press('Shift+ArrowLeft');
    await expect.poll(async () => (await view(figure)).start).toBeLessThan(panned.start);
    await page.keyboard.press('s');
    expect((await view(figure)).end - (await view(figure)).start).toBeCloseTo(2200.168 / 2, 1);
    await page.keyboard.press('0');
    expect(await view(figure)).toEqual({ start: 0, end: 2200.168 });
  });

  test('Ctrl+wheel zooms about the pointer; a plain wheel scrolls the page', async ({ page }) => {
    const figure = await twoLoops(page);
    const plot = figure.locator('.tl-plot');
    const box = (await plot.boundingBox())!;
    const x = box.x + box.width * 0.25;
    await page.mouse.move(x, box.y + 40);
    const before = await page.evaluate(() => window.scrollY);
    await page.mouse.wheel(0, 100);
    await expect.poll(() => page.evaluate(() => window.scrollY)).toBeGreaterThan(before);
    expect(await view(figure)).toEqual({ start: 0, end: 2200.168 });
    const box2 = (await plot.boundingBox())!;
    const x2 = box2.x + box2.width * 0.25;
    await page.mouse.move(x2, box2.y + 40);
    await page.keyboard.down('Control');
    await page.mouse.wheel(0, -300);
    await page.keyboard.up('Control');
    await expect.poll(async () => (await view(figure)).end).toBeLessThan(2200);
    const z = await view(figure);
    // The instant under the pointer (a quarter of the way in) stays where it was.
    const anchor = z.start + 0.25 * (z.end - z.start);
    expect(Math.abs(anchor - 0.25 * 2200.168)).toBeLessThan(5);
  });

  test('dragging the overview strip pans the window', async ({ page }) => {
    const figure = await twoLoops(page);
    await figure.getByRole('button', { name: 'Zoom in', exact: true }).click();
    await figure.getByRole('button', { name: 'Zoom in', exact: true }).click();
    const z = await view(figure);
    const strip = (await figure.locator('.tl-overview').boundingBox())!;
    const grab = strip.x + strip.width * ((z.start + z.end) / 2 / 2200.168);
    await page.mouse.move(grab, strip.y + strip.height / 2);
    await page.mouse.down();
    await page.mouse.move(grab + strip.width * 0.2, strip.y + strip.height / 2, { steps: 5 });
    await page.mouse.up();
    const p = await view(figure);
    expect(p.start).toBeCloseTo(z.start + 0.2 * 2200.168, -1);
    expect(p.end - p.start).toBeCloseTo(z.end - z.start, 3);
  });

  test('at a 30 ms window every GIL hand-off is drawn as a flow, and a waiting span explains who holds the GIL', async ({
    page,
  }) => {
    const figure = await twoLoops(page);
    await page.evaluate(() => {
      const fig = [...document.querySelectorAll('figure.tl')].find((f) =>
        f.textContent?.includes('Two counting loops: one after another'),
      )!;
      fig.scrollIntoView({ block: 'start' });
    });
    // Zoom with the keyboard to about 34 ms (2.2 s / 64), then pan to the start.
    await figure.getByRole('slider', { name: /Time/ }).focus();
    await page.keyboard.press('Home');
    for (let i = 0; i < 6; i++) await page.keyboard.press('+');
    const w = await view(figure);
    expect(w.start).toBe(0);
    expect(w.end).toBeCloseTo(2200.168 / 64, 2);
    await expect(figure.locator('.tl-window-flows')).toContainText('GIL hand-off');
    const inView = Number((await figure.locator('.tl-window-flows').textContent())!.match(/(\d+) GIL hand-off/)![1]);
    expect(inView).toBeGreaterThanOrEqual(5);
    await expect(figure.locator('line.tl-flow--gil')).toHaveCount(inView);
    // Move the playhead on by 1 % of the run (22 ms, still in the window) so that the slices are not veiled.
    await figure.getByRole('slider', { name: /Time/ }).focus();
    await page.keyboard.press('ArrowRight');
    expect((await view(figure)).start).toBe(0);
    await page.screenshot({ path: 'test-results/threads-30ms.png' });
    // Click a waiting span of thread 1 (the lane's hatched wait between 20.5 and 25.6 ms).
    const rows = figure.locator('.tl-lane-label', { hasText: /^thread 1$/ });
    // The lanes sit below the code panel: bring thread 1 into the viewport so the click lands on it.
    await rows.first().scrollIntoViewIfNeeded();
    const plot = (await figure.locator('.tl-plot').boundingBox())!;
    const label = (await rows.first().boundingBox())!;
    const x = plot.x + plot.width * (24.5 / (w.end - w.start));
    await page.mouse.click(x, label.y + label.height / 2);
    const details = figure.getByRole('region', { name: /details/ });
    await expect(details).toBeVisible();
    await expect(details).toContainText('waiting for the GIL');
    await expect(details).toContainText(/held by thread 2 since \d/);
    await page.screenshot({ path: 'test-results/threads-details.png' });
    await page.keyboard.press('Escape');
    await expect(details).toHaveCount(0);
  });

  test('Shift+drag selects a range, splits it per lane, and zooms to it', async ({ page }) => {
    const figure = await twoLoops(page);
    const plot = (await figure.locator('.tl-plot').boundingBox())!;
    const label = (await figure
      .locator('.tl-lane-label', { hasText: /^thread 1$/ })
      .first()
      .boundingBox())!;
    const y = label.y + label.height / 2;
    await page.keyboard.down('Shift');
    await page.mouse.move(plot.x + plot.width * 0.1, y);
    await page.mouse.down();
    await page.mouse.move(plot.x + plot.width * 0.3, y, { steps: 4 });
    await page.mouse.up();
    await page.keyboard.up('Shift');
    const range = figure.getByRole('group', { name: 'Selected range' });
    await expect(range).toContainText(/thread 1: running Python \d+ %, waiting for the GIL \d+ %/);
    await range.getByRole('button', { name: 'Zoom to selection' }).click();
    const w = await view(figure);
    expect(w.start).toBeCloseTo(220, -1);
    expect(w.end).toBeCloseTo(660, -1);
  });

  test('narration stays quiet while playing and speaks once on pause', async ({ page }) => {
    const figure = await twoLoops(page);
    const live = figure.locator('.tl-narration');
    await figure.getByRole('button', { name: 'Jump to start' }).click();
    await expect(live).toContainText(/^0 s/);
    const said: string[] = [];
    await page.exposeFunction('tlSaid', (t: string) => said.push(t));
    await live.evaluate((el) => {
      new MutationObserver(() =>
        (window as unknown as { tlSaid(t: string): void }).tlSaid(el.textContent ?? ''),
      ).observe(el, { childList: true, subtree: true, characterData: true });
    });
    await figure.getByRole('button', { name: 'Play' }).click();
    await page.waitForTimeout(1200);
    expect(said).toHaveLength(0);
    await figure.getByRole('button', { name: 'Pause' }).click();
    await expect.poll(() => said.length).toBe(1);
  });
});

test('the ten-thousand-download figure zooms into one download’s 0.2 ms of Python', async ({ page }) => {
  await page.goto('/asyncio/');
  await page.waitForLoadState('networkidle');
  const target = page.locator('figure.tl').filter({ hasText: 'Ten thousand downloads on one event loop' });
  await target.scrollIntoViewIfNeeded();
  // Ten thousand tasks take a while to simulate on a busy machine.
  await expect(target.locator('xpath=ancestor::div[@data-island]').first()).toHaveAttribute('data-ready', '', {
    timeout: 30_000,
  });
  const figure = await hydrated(target);
  // Ctrl+wheel about the instant one download's second step of Python starts (270.45 ms).
  const box = (await figure.locator('.tl-plot').boundingBox())!;
  for (let i = 0; i < 4; i++) {
    // Aim at 270.5 ms in the current window each time (a pixel is a few ms of the whole run).
    const v = await view(figure);
    await page.mouse.move(box.x + box.width * ((270.5 - v.start) / (v.end - v.start)), box.y + 30);
    await page.keyboard.down('Control');
    await page.mouse.wheel(0, -300);
    await page.keyboard.up('Control');
    await expect
      .poll(async () => (await view(figure)).end - (await view(figure)).start)
      .toBeLessThan((v.end - v.start) * 0.9);
  }
  const w = await view(figure);
  expect(w.end - w.start).toBeLessThan(2);
  expect(w.start).toBeLessThan(270.5);
  expect(w.end).toBeGreaterThan(270.5);
  await expect(figure.locator('.tl-legend')).toContainText('running Python');
  await page.screenshot({ path: 'test-results/ten-thousand-zoom.png' });
});
