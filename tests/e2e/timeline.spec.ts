import { expect, test, type Locator, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { fullToolbar, hydrated, watchConsole } from './pages';

/**
 * The overview's compare timeline: A, B, C sleeping 2 s, 3 s and 1 s under four models. It answers the
 * question before it, so it opens sealed: answer, then pause the reveal's playback so each test starts still.
 */
async function sleepsFigure(page: Page): Promise<Locator> {
  await page.goto('/overview/');
  await page.waitForLoadState('networkidle');
  const figure = page.locator('figure.tl').filter({
    has: page.locator('figcaption', { hasText: 'Jobs A, B and C (sleeping 2 s, 3 s and 1 s) under each model' }),
  });
  await expect(figure).toHaveCount(1);
  const id = await figure.getAttribute('data-predicted-by');
  if (id === null) return hydrated(figure);
  const question = page.locator(`section.predict[data-predict="${id}"]`);
  await question.scrollIntoViewIfNeeded();
  await question.getByRole('radio', { name: '3 s' }).check();
  await question.getByRole('button', { name: 'Check my guess' }).click();
  await expect(figure).not.toHaveAttribute('data-sealed', '');
  await hydrated(figure);
  const pause = figure.getByRole('button', { name: 'Pause' });
  await expect(pause).toBeVisible();
  await pause.click();
  await expect(figure.getByRole('button', { name: 'Play' })).toBeVisible();
  return figure;
}

const num = async (slider: Locator, attr: string) => Number(await slider.getAttribute(attr));

test.describe('compare timeline on /overview/', () => {
  test('is a figure with a caption, one row per model, totals and speed-ups', async ({ page }) => {
    const figure = await sleepsFigure(page);
    await expect(figure.locator('figcaption')).toHaveText(/Jobs A, B and C/);
    for (const model of ['Sequential', 'asyncio', 'Threads', 'Processes']) {
      await expect(figure.getByText(new RegExp(`^${model}`)).first()).toBeVisible();
    }
    await expect(figure).toContainText('6.00 s');
    await expect(figure).toContainText(/2\.0\d?× faster/);
  });

  test('the playhead slider spans the longest run and follows the keyboard', async ({ page }) => {
    const figure = await sleepsFigure(page);
    const slider = figure.getByRole('slider', { name: /Time/ });
    expect(await num(slider, 'aria-valuemin')).toBe(0);
    const max = await num(slider, 'aria-valuemax');
    expect(max).toBeGreaterThan(5999);
    expect(max).toBeLessThan(6001);
    await slider.focus();
    await page.keyboard.press('Home');
    expect(await num(slider, 'aria-valuenow')).toBe(0);
    await expect(slider).toHaveAttribute('aria-valuetext', '0 s');
    await page.keyboard.press('ArrowRight');
    expect(await num(slider, 'aria-valuenow')).toBeCloseTo(max * 0.01, 3);
    await page.keyboard.press('PageUp');
    expect(await num(slider, 'aria-valuenow')).toBeCloseTo(max * 0.11, 3);
    await expect(slider).toHaveAttribute('aria-valuetext', /^660 ms$/);
    await page.keyboard.press('ArrowLeft');
    expect(await num(slider, 'aria-valuenow')).toBeCloseTo(max * 0.1, 3);
    await page.keyboard.press('PageDown');
    expect(await num(slider, 'aria-valuenow')).toBeCloseTo(0, 3);
    await page.keyboard.press('End');
    expect(await num(slider, 'aria-valuenow')).toBe(max);
    await expect(slider).toHaveAttribute('aria-valuetext', '6.00 s');
  });

  test('readouts and narration follow the playhead', async ({ page }) => {
    const figure = await sleepsFigure(page);
    const slider = figure.getByRole('slider', { name: /Time/ });
    await slider.focus();
    await page.keyboard.press('End');
    const rows = figure.locator('table.tl-readouts tbody tr');
    await expect(rows).toHaveCount(4);
    for (const row of await rows.all()) await expect(row).toContainText('3 / 3');
    await page.keyboard.press('Home');
    for (const row of await rows.all()) await expect(row).toContainText('0 / 3');
    // 2.5 s: under asyncio and threads, A (2 s) and C (1 s) are done and B is still sleeping.
    for (let i = 0; i < 4; i++) await page.keyboard.press('PageUp');
    await page.keyboard.press('ArrowRight');
    expect(await num(slider, 'aria-valuenow')).toBeCloseTo(2460, 0);
    await expect(rows.filter({ hasText: 'asyncio' })).toContainText('2 / 3');
    const live = figure.locator('[aria-live="polite"]');
    await expect(live).toContainText('2.46 s');
    // The asyncio code marks the line B is on (A and C have finished).
    const active = figure.locator('.tl-code .line.tl-line-active');
    await expect(active).toHaveCount(1);
    await expect(active).toHaveAttribute('data-tasks', 'B');
    await expect(active).toContainText('await asyncio.sleep(seconds)');
  });

  test('Step forward and Step back move from event to event', async ({ page }) => {
    const figure = await sleepsFigure(page);
    const slider = figure.getByRole('slider', { name: /Time/ });
    await slider.focus();
    await page.keyboard.press('Home');
    const forward = figure.getByRole('button', { name: 'Step forward' });
    const back = figure.getByRole('button', { name: 'Step back' });
    const seen: number[] = [];
    for (let i = 0; i < 4; i++) {
      await forward.click();
      seen.push(await num(slider, 'aria-valuenow'));
    }
    for (let i = 1; i < seen.length; i++) expect(seen[i]).toBeGreaterThan(seen[i - 1]);
    await back.click();
    expect(await num(slider, 'aria-valuenow')).toBe(seen[2]);
  });

  test('Play moves the playhead and turns into Pause; Pause stops it', async ({ page }) => {
    const figure = await sleepsFigure(page);
    const slider = figure.getByRole('slider', { name: /Time/ });
    await slider.focus();
    await page.keyboard.press('Home');
    await figure.getByRole('button', { name: 'Play' }).click();
    const pause = figure.getByRole('button', { name: 'Pause' });
    await expect(pause).toBeVisible();
    await expect.poll(() => num(slider, 'aria-valuenow')).toBeGreaterThan(300);
    await pause.click();
    await expect(figure.getByRole('button', { name: 'Play' })).toBeVisible();
    const stopped = await num(slider, 'aria-valuenow');
    await page.waitForTimeout(300);
    expect(await num(slider, 'aria-valuenow')).toBe(stopped);
  });

  test('plays to the end and stops there', async ({ page }) => {
    const figure = await sleepsFigure(page);
    const slider = figure.getByRole('slider', { name: /Time/ });
    await (await fullToolbar(figure)).getByLabel('Speed').selectOption('4');
    await slider.focus();
    await page.keyboard.press('PageDown');
    for (let i = 0; i < 8; i++) await page.keyboard.press('PageUp');
    await figure.getByRole('button', { name: 'Play' }).click();
    const max = await num(slider, 'aria-valuemax');
    await expect.poll(() => num(slider, 'aria-valuenow'), { timeout: 10_000 }).toBe(max);
    await expect(figure.getByRole('button', { name: 'Play' })).toBeVisible();
  });

  test('dragging on the chart scrubs, and a click seeks', async ({ page }) => {
    const figure = await sleepsFigure(page);
    const slider = figure.getByRole('slider', { name: /Time/ });
    const plot = figure.locator('.tl-plot').first();
    const box = (await plot.boundingBox())!;
    const y = box.y + Math.min(40, box.height / 3);
    await page.mouse.move(box.x + box.width * 0.1, y);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width * 0.5, y, { steps: 8 });
    expect(await num(slider, 'aria-valuenow')).toBeCloseTo(3000, -2);
    await page.mouse.move(box.x + box.width * 0.75, y, { steps: 4 });
    await page.mouse.up();
    expect(await num(slider, 'aria-valuenow')).toBeCloseTo(4500, -2);
    await page.mouse.click(box.x + box.width * 0.25, y);
    expect(await num(slider, 'aria-valuenow')).toBeCloseTo(1500, -2);
  });

  test('lanes switch between tasks and workers, and hovering a span names it', async ({ page }) => {
    const figure = await sleepsFigure(page);
    await (await fullToolbar(figure)).getByLabel('By worker').check();
    await expect(figure).toHaveAttribute('data-view', 'worker');
    await figure.getByLabel('By task').check();
    await expect(figure).toHaveAttribute('data-view', 'task');
    // The playhead's handle sits over the plot: move it to the end, clear of the first span.
    await figure.getByRole('slider', { name: /Time/ }).focus();
    await page.keyboard.press('End');
    const span = figure.locator('rect[data-s]').first();
    await span.hover();
    await expect(figure.getByRole('tooltip')).toContainText(/→/);
  });

  test('has no axe violations while playing, in both themes', async ({ page }) => {
    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      const figure = await sleepsFigure(page);
      await figure.getByRole('button', { name: 'Step forward' }).click();
      const results = await new AxeBuilder({ page }).include('figure.tl').analyze();
      expect(results.violations.map((v) => `${scheme} ${v.id}: ${v.nodes.map((n) => n.target).join(', ')}`)).toEqual(
        [],
      );
    }
  });
});

test.describe('reduced motion', () => {
  test.use({ reducedMotion: 'reduce' });

  test('nothing moves on its own and every playhead not sealed by a question starts at the end', async ({ page }) => {
    await page.goto('/overview/');
    await page.waitForLoadState('networkidle');
    // A figure that answers a question opens sealed at 0 until the question is answered (predict.spec.ts).
    const open = page.locator('figure.tl:not([data-sealed])');
    expect(await open.count()).toBeGreaterThan(0);
    for (const slider of await open.getByRole('slider', { name: /Time/ }).all()) {
      await expect.poll(() => num(slider, 'aria-valuenow')).toBe(await num(slider, 'aria-valuemax'));
    }
    for (const slider of await page.locator('figure.tl[data-sealed]').getByRole('slider', { name: /Time/ }).all()) {
      expect(await num(slider, 'aria-valuenow')).toBe(0);
    }
  });
});

test.describe('ten thousand tasks', () => {
  test('the demo is linked from the home page, draws on a canvas and scrubs', async ({ page }) => {
    const problems = watchConsole(page);
    await page.goto('/');
    await page.getByRole('link', { name: /Ten thousand downloads/ }).click();
    await expect(page).toHaveURL(/\/ten-thousand-tasks\/$/);
    await page.waitForLoadState('networkidle');
    const figure = await hydrated(page.locator('figure.tl').first());
    await expect(figure.locator('canvas')).toBeVisible();
    const slider = figure.getByRole('slider', { name: /Time/ });
    const max = await num(slider, 'aria-valuemax');
    expect(max).toBeGreaterThan(3000);
    const box = (await figure.locator('.tl-plot').first().boundingBox())!;
    await page.mouse.move(box.x + 5, box.y + 20);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width / 2, box.y + 20, { steps: 20 });
    await page.mouse.up();
    expect(await num(slider, 'aria-valuenow')).toBeCloseTo(max / 2, -2);
    await expect(figure.locator('table.tl-readouts')).toContainText('/ 10 000');
    expect(problems).toEqual([]);
  });
});
