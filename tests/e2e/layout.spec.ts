import { expect, test, type Locator, type Page } from '@playwright/test';
import { hydrated, sitePaths } from './pages';

/**
 * Figures that fit: heights at a laptop's screen, the code beside or above the chart, the compact toolbar,
 * Copy link and the exports in the toolbar, touch targets on a phone, the coordination figures with their
 * tracks open (sealed and revealed), and the ten-thousand-task figure zoomed in far enough to show one
 * download's Python, its active tasks out of their groups as lanes of their own.
 */

const TWO_LOOPS = 'Two counting loops: one after another, and as two threads sharing the GIL';

async function twoLoops(page: Page): Promise<Locator> {
  await page.goto('/threads/');
  await page.waitForLoadState('networkidle');
  return hydrated(page.locator('figure.tl').filter({ hasText: TWO_LOOPS }));
}

const box = async (l: Locator) => {
  const b = await l.boundingBox();
  if (!b) throw new Error('not laid out');
  return b;
};

test.describe('at 1280 × 900', () => {
  test.use({ viewport: { width: 1280, height: 900 } });

  test('no figure on any page is taller than 900 px, except the Playground', async ({ page }) => {
    test.setTimeout(180_000);
    const tall: string[] = [];
    let measured = 0;
    for (const path of await sitePaths(page)) {
      await page.goto(path);
      await page.waitForLoadState('networkidle');
      const figures = page.locator('figure.tl');
      const n = await figures.count();
      for (let i = 0; i < n; i++) {
        const figure = figures.nth(i);
        // The Playground is a workbench of its own: it may be as tall as the reader's workload makes it.
        if ((await figure.locator('xpath=ancestor::div[contains(concat(" ", @class, " "), " pg ")]').count()) > 0)
          continue;
        await figure.scrollIntoViewIfNeeded();
        // Timelines far down a page hydrate when scrolled near (their island is marked ready then).
        const island = figure.locator('xpath=ancestor::div[contains(concat(" ", @class, " "), " tl-island ")]');
        if ((await island.count()) > 0) await expect(island.first()).toHaveAttribute('data-ready', '');
        const { height } = await box(figure);
        measured++;
        if (height > 900) tall.push(`${path} #${i} ${Math.round(height)} px`);
      }
    }
    expect(measured).toBeGreaterThan(10);
    expect(tall).toEqual([]);
  });

  for (const path of ['/coordinating/', '/serving/']) {
    test(`${path}: every figure fits in 900 px with its tracks open, sealed and once its prediction is answered`, async ({
      browser,
    }) => {
      test.setTimeout(120_000);
      const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, reducedMotion: 'reduce' });
      const page = await context.newPage();
      await page.goto(path);
      await page.waitForLoadState('networkidle');
      const tall: string[] = [];
      const figures = page.locator('figure.tl');
      const n = await figures.count();
      expect(n).toBeGreaterThan(5);
      let withTracks = 0;
      for (let i = 0; i < n; i++) {
        const figure = await hydrated(figures.nth(i));
        const tracks = figure.locator('.tl-tracks-box');
        if ((await tracks.count()) > 0) {
          withTracks++;
          // Open: no disclosure folds them away, and every track stands drawn.
          await expect(figure.locator('details.tl-tracks-fold:not([open])')).toHaveCount(0);
          for (const track of await tracks.locator('.tl-track').all()) await expect(track).toBeVisible();
        }
        const sealed = (await box(figure)).height;
        if (sealed > 900) tall.push(`#${i} sealed ${Math.round(sealed)} px`);
        const id = await figure.getAttribute('data-predicted-by');
        if (!id) continue;
        const question = page.locator(`section.predict[data-predict="${id}"]`);
        await question.getByRole('radio').first().check();
        await question.getByRole('button', { name: 'Check my guess' }).click();
        await expect(figure).not.toHaveAttribute('data-sealed', '');
        // With reduced motion the reveal jumps to the end: the totals, the answer and the latency stand shown.
        await expect(figure.locator('.tl-answer')).toHaveAttribute('data-reached', '');
        const revealed = (await box(figure)).height;
        if (revealed > 900) tall.push(`#${i} revealed ${Math.round(revealed)} px`);
      }
      expect(withTracks).toBeGreaterThan(3);
      expect(tall).toEqual([]);
      await context.close();
    });
  }

  test('the code stands beside the chart, and its line markers still follow the playhead', async ({ page }) => {
    const figure = await twoLoops(page);
    const code = await box(figure.locator('.tl-body > .tl-code'));
    const chart = await box(figure.locator('.tl-chart'));
    expect(code.x + code.width).toBeLessThanOrEqual(chart.x);
    // Side by side: they overlap vertically.
    expect(code.y).toBeLessThan(chart.y + chart.height);
    expect(chart.y).toBeLessThan(code.y + code.height);
    const slider = figure.getByRole('slider', { name: 'Time' });
    await slider.focus();
    await page.keyboard.press('End');
    await page.keyboard.press('PageDown');
    await expect(figure.locator('.tl-code .tl-line-active').first()).toBeVisible();
  });

  test('a small figure shows a compact toolbar; "More" unfolds the full one from the keyboard', async ({ page }) => {
    const figure = await twoLoops(page);
    const more = figure.getByRole('button', { name: 'More', exact: true });
    await expect(more).toBeVisible();
    await expect(more).toHaveAttribute('aria-expanded', 'false');
    const toolbar = figure.locator('.tl-controls');
    // Compact: playback, zoom and the workload stay; speed, loop, lanes, link and export fold away.
    for (const name of ['Play', 'Zoom in', 'Zoom out', 'Fit', 'Edit workload'])
      await expect(toolbar.getByRole('button', { name, exact: true })).toBeVisible();
    await expect(figure.getByLabel('Speed')).toBeHidden();
    await expect(figure.getByRole('button', { name: 'Copy link' })).toBeHidden();
    const before = (await box(toolbar)).height;
    await more.focus();
    await page.keyboard.press('Enter');
    await expect(more).toHaveAttribute('aria-expanded', 'true');
    await expect(figure.getByLabel('Speed')).toBeVisible();
    await expect(figure.getByLabel('By worker')).toBeVisible();
    for (const name of ['Copy link', 'PNG', 'SVG']) await expect(toolbar.getByRole('button', { name })).toBeVisible();
    await expect(toolbar.getByRole('button', { name: /^Trace/ })).toBeVisible();
    expect((await box(toolbar)).height).toBeGreaterThan(before);
    await page.keyboard.press('Space');
    await expect(more).toHaveAttribute('aria-expanded', 'false');
    await expect(figure.getByLabel('Speed')).toBeHidden();
  });

  test('Copy link stands in the figure’s toolbar and hands out a link, without opening the editor', async ({
    page,
  }) => {
    await page.goto('/threads/');
    await page.waitForLoadState('networkidle');
    // A figure without code has room for the full toolbar.
    const figure = page.locator('figure.tl:not(:has(.tl-body--code))').first();
    await hydrated(figure);
    await expect(figure.getByRole('button', { name: 'More', exact: true })).toBeHidden();
    const copy = figure.locator('.tl-controls').getByRole('button', { name: 'Copy link' });
    await expect(copy).toBeVisible();
    await expect(figure.locator('.tl-editor')).toHaveCount(0);
    await copy.click();
    const link = await figure.getByRole('textbox', { name: 'Link to this view' }).inputValue();
    expect(new URL(link).pathname).toBe('/threads/');
    await expect(figure.locator('.tl-edit-status')).toContainText(/link/i);
  });
});

test.describe('at 1000 × 800', () => {
  test.use({ viewport: { width: 1000, height: 800 } });

  test('the code stands above the chart', async ({ page }) => {
    const figure = await twoLoops(page);
    const code = await box(figure.locator('.tl-body > .tl-code'));
    const controls = await box(figure.locator('.tl-controls'));
    expect(code.y + code.height).toBeLessThanOrEqual(controls.y);
  });
});

test.describe('on a phone (390 × 844)', () => {
  test.use({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });

  test('toolbar buttons, zoom buttons, the slider and legend entries are at least 44 px', async ({ page }) => {
    const figure = await twoLoops(page);
    await figure.getByRole('button', { name: 'More', exact: true }).tap();
    const small: string[] = [];
    const check = async (what: string, l: Locator, both = true) => {
      const b = await box(l);
      if (b.height < 44 || (both && b.width < 44))
        small.push(`${what}: ${Math.round(b.width)} × ${Math.round(b.height)}`);
    };
    const buttons = figure.locator('.tl-controls button');
    for (let i = 0; i < (await buttons.count()); i++) {
      const b = buttons.nth(i);
      if (await b.isVisible()) await check((await b.getAttribute('aria-label')) ?? (await b.innerText()), b);
    }
    await check('speed', figure.getByLabel('Speed'));
    await check('by task', figure.locator('.tl-view label').first());
    await check('slider', figure.getByRole('slider', { name: 'Time' }));
    const legend = figure.locator('.tl-legend li');
    expect(await legend.count()).toBeGreaterThan(0);
    for (let i = 0; i < (await legend.count()); i++) await check(`legend ${i}`, legend.nth(i));
    expect(small).toEqual([]);
  });

  test('lane labels shorten to fit; a tap on a span opens the details panel with the whole name', async ({ page }) => {
    await page.goto('/threads/');
    await page.waitForLoadState('networkidle');
    // The first figure, by worker: five 2 s sleeps, one after another and one thread each.
    const figure = await hydrated(page.locator('figure.tl').first());
    const label = figure.locator('.tl-lane-label', { hasText: 'main thread' }).first();
    // Shortened to fit the narrow label column ("main", not "main t…"), the whole name kept in its title.
    await expect(label).toHaveAttribute('data-short', 'main');
    expect(await label.evaluate((el) => getComputedStyle(el, '::after').content)).toBe('"main"');
    expect(await label.evaluate((el) => el.scrollWidth <= el.clientWidth)).toBe(true);
    await expect(label).toHaveAttribute('title', 'main thread');
    const p = await box(figure.locator('.tl-plot'));
    const r = await box(label);
    await page.touchscreen.tap(p.x + p.width * 0.05, r.y + r.height / 2);
    const details = figure.getByRole('region', { name: /details/i });
    await expect(details).toBeVisible();
    await expect(details.locator('dd').first()).not.toBeEmpty();
    await expect(details).toContainText('main thread');
    const close = details.getByRole('button', { name: 'Close details' });
    const c = await box(close);
    expect(Math.min(c.width, c.height)).toBeGreaterThanOrEqual(44);
  });
});

/** From the keyboard: the playhead a little into the run, then zoom about it until the window is about 1 ms wide. */
async function zoomToAMillisecond(page: Page, figure: Locator) {
  await figure.getByRole('slider', { name: 'Time' }).focus();
  await page.keyboard.press('Home');
  for (let i = 0; i < 3; i++) await page.keyboard.press('PageUp');
  for (let i = 0; i < 40; i++) {
    const start = Number(await figure.getAttribute('data-view-start-ms'));
    const end = Number(await figure.getAttribute('data-view-end-ms'));
    if (end - start <= 1.2) break;
    await page.keyboard.press('+');
  }
}

test.describe('the ten-thousand-task figure', () => {
  test.use({ viewport: { width: 1280, height: 900 } });

  test('zoomed in to about a millisecond, one download’s Python is drawn and can be picked', async ({ page }) => {
    await page.goto('/ten-thousand-tasks/');
    await page.waitForLoadState('networkidle');
    const figure = await hydrated(page.locator('figure.tl').first());
    await zoomToAMillisecond(page, figure);
    const width =
      Number(await figure.getAttribute('data-view-end-ms')) - Number(await figure.getAttribute('data-view-start-ms'));
    expect(width).toBeLessThanOrEqual(1.2);
    await expect(figure.locator('.tl-legend')).toContainText('running Python');
    const canvas = figure.locator('canvas.tl-canvas');
    await expect(canvas).toHaveCount(1);
    // Pixels in the running-Python colour, and where they are.
    const found = async () =>
      canvas.evaluate((c: HTMLCanvasElement) => {
        const ctx = c.getContext('2d')!;
        const colour = getComputedStyle(c).getPropertyValue('--tl-running').trim();
        const probe = document.createElement('canvas').getContext('2d')!;
        probe.fillStyle = colour;
        const hex = probe.fillStyle as string;
        const want = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
        const { data, width, height } = ctx.getImageData(0, 0, c.width, c.height);
        let n = 0;
        let first = -1;
        const match = (i: number) =>
          data[i + 3] >= 250 &&
          Math.abs(data[i] - want[0]) + Math.abs(data[i + 1] - want[1]) + Math.abs(data[i + 2] - want[2]) <= 12;
        for (let i = 0; i < data.length; i += 4) {
          if (!match(i)) continue;
          n++;
          if (first < 0) first = i / 4;
        }
        if (!n) return { n };
        // The middle of the run of that colour on the first row where it shows.
        const y = Math.floor(first / width);
        let x1 = first % width;
        while (x1 + 1 < width && match((y * width + x1 + 1) * 4)) x1++;
        const x = Math.round(((first % width) + x1) / 2);
        let y1 = y;
        while (y1 + 1 < height && match(((y1 + 1) * width + x) * 4)) y1++;
        const r = c.getBoundingClientRect();
        return { n, x: r.left + (x / width) * r.width, y: r.top + ((y + y1 + 1) / 2 / height) * r.height };
      });
    await expect.poll(async () => (await found()).n).toBeGreaterThan(50);
    const at = await found();
    await page.mouse.click(at.x!, at.y!);
    const details = figure.getByRole('region', { name: /details/i });
    await expect(details).toBeVisible();
    await expect(details).toContainText(/running Python/i);
  });

  test('zoomed in, the tasks active in view come out of their groups as labelled lanes, and fold back', async ({
    page,
  }) => {
    await page.goto('/ten-thousand-tasks/');
    await page.waitForLoadState('networkidle');
    const figure = await hydrated(page.locator('figure.tl').first());
    const chart = figure.locator('.tl-chart');
    const height = (await box(chart)).height;
    const labels = figure.locator('.tl-lane-label');
    // The whole run: ten thousand tasks folded into group rows, no lane of its own.
    await expect(labels).toHaveCount(0);
    await zoomToAMillisecond(page, figure);
    // A few tasks, a lane each, named; the figure keeps its height.
    await expect.poll(() => labels.count()).toBeGreaterThan(0);
    const count = await labels.count();
    expect(count).toBeLessThanOrEqual(8);
    const names = await labels.allInnerTexts();
    for (const name of names) expect(name).toMatch(/^(quick|medium|slow)-\d+$/);
    expect((await box(chart)).height).toBe(height);
    // Its spans are clickable: a click on the running task's lane opens its details.
    const running = figure.locator('.tl-readouts td').nth(1);
    const runner = (await running.innerText()).trim();
    const lane = labels.filter({ hasText: new RegExp(`^${runner}$`) });
    await expect(lane).toHaveCount(1);
    const r = await box(lane);
    const playhead = Number(await figure.getByRole('slider', { name: 'Time' }).getAttribute('aria-valuenow'));
    const start = Number(await figure.getAttribute('data-view-start-ms'));
    const end = Number(await figure.getAttribute('data-view-end-ms'));
    const plot = await box(figure.locator('.tl-plot'));
    await page.mouse.click(plot.x + ((playhead - start) / (end - start)) * plot.width - 2, r.y + r.height / 2);
    const details = figure.getByRole('region', { name: /details/i });
    await expect(details).toBeVisible();
    await expect(details).toContainText(runner);
    await page.keyboard.press('Escape');
    await figure.screenshot({ path: 'test-results/ten-thousand-unfolded.png' });
    // Fit: they fold back into their groups.
    await figure.getByRole('button', { name: 'Fit' }).click();
    await expect(labels).toHaveCount(0);
    expect((await box(chart)).height).toBe(height);
  });
});
