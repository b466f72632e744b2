import { readFileSync } from 'node:fs';
import { expect, test, type Locator, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { parseScenario } from '../../src/sim/scenario/parse';
import { simulate } from '../../src/sim/simulate';
import type { ModelId, Scenario } from '../../src/sim/types';
import { decodeView, encodeView } from '../../src/share/codec';
import { fullToolbar, watchConsole } from './pages';

/**
 * The workload editor, against the built site, on the playground page's "downloads" timeline: ten
 * downloads of 5 s + 100 ms of parsing (content/scenarios/ten-downloads.json), drawn under four models.
 */
const CAPTION = 'The downloads in the sentence above';
const MODELS: ModelId[] = ['sequential', 'asyncio', 'threads', 'processes'];

async function downloads(page: Page, path = '/playground/'): Promise<Locator> {
  await page.goto(path);
  await page.waitForLoadState('networkidle');
  const figure = page.locator('figure.tl').filter({ hasText: CAPTION });
  await figure.scrollIntoViewIfNeeded();
  return figure;
}

/** The total time of the first band (sequential), as the band header shows it. */
const sequentialTotal = (figure: Locator) => figure.locator('.tl-band-total').first();

/**
 * The figure's edit notices (clamped values, imports, links), not the "Simulating…" progress that is also
 * a status while a slow re-simulation runs.
 */
const editStatus = (figure: Locator) => figure.getByRole('status').and(figure.locator('.tl-edit-status'));

async function openEditor(figure: Locator): Promise<void> {
  await figure.getByRole('button', { name: 'Edit workload' }).click();
  await expect(figure.getByRole('spinbutton', { name: 'Task file, step 1 duration, in seconds' })).toBeVisible();
}

async function setDownload(figure: Locator, seconds: string): Promise<void> {
  const input = figure.getByRole('spinbutton', { name: 'Task file, step 1 duration, in seconds' });
  await input.fill(seconds);
  await input.blur();
}

test.describe('editing a timeline', () => {
  test('changing a duration re-simulates: the total time changes', async ({ page }) => {
    const problems = watchConsole(page);
    const figure = await downloads(page);
    await expect(sequentialTotal(figure)).toHaveText('51.0 s');
    const threads = page.locator('.knob-result').first();
    await expect(threads).toHaveText(/^6\.\d\d s$/);
    await openEditor(figure);
    // Every duration input says so in its name.
    for (const input of await figure.getByRole('spinbutton', { name: /step \d+ duration/ }).all()) {
      expect(await input.getAttribute('aria-label')).toContain('duration');
    }
    await setDownload(figure, '2');
    await expect(sequentialTotal(figure)).toHaveText('21.0 s');
    // The sentence's computed figure follows the same timeline.
    await expect(threads).toHaveText(/^3\.\d\d s$/);
    // A value out of bounds is clamped, and the reader is told.
    await setDownload(figure, '500');
    await expect(editStatus(figure)).toContainText('set to 60 s');
    await expect(sequentialTotal(figure)).toHaveText('601 s');
    // Undo (button, then keyboard) and reset.
    await figure.getByRole('button', { name: 'Undo' }).click();
    await expect(sequentialTotal(figure)).toHaveText('21.0 s');
    await figure.getByRole('button', { name: 'Edit workload' }).focus();
    await page.keyboard.press('ControlOrMeta+z');
    await expect(sequentialTotal(figure)).toHaveText('51.0 s');
    await page.keyboard.press('ControlOrMeta+Shift+z');
    await expect(sequentialTotal(figure)).toHaveText('21.0 s');
    await figure.getByRole('button', { name: 'Reset' }).click();
    await expect(sequentialTotal(figure)).toHaveText('51.0 s');
    expect(problems).toEqual([]);
  });

  test('a draggable number in the prose changes the timeline with the arrow keys', async ({ page }) => {
    const figure = await downloads(page);
    const knob = page.getByRole('slider', { name: 'Download wait duration' });
    await expect(knob).toHaveText('5 s');
    await knob.focus();
    for (let i = 0; i < 10; i++) await page.keyboard.press('ArrowDown');
    await expect(knob).toHaveText('4 s');
    await expect(sequentialTotal(figure)).toHaveText('41.0 s');
    await page.keyboard.press('PageUp');
    await expect(knob).toHaveText('5 s');
    await expect(sequentialTotal(figure)).toHaveText('51.0 s');
  });

  test('the copied link opens the same view in a new browser', async ({ page, browser }) => {
    const figure = await downloads(page);
    await openEditor(figure);
    await setDownload(figure, '3');
    await figure.getByRole('spinbutton', { name: 'Task file copies' }).fill('4');
    await figure.getByRole('checkbox', { name: 'Free-threaded' }).check();
    const slider = figure.getByRole('slider', { name: /Time/ });
    await slider.focus();
    await page.keyboard.press('Home');
    await page.keyboard.press('PageUp');
    const playhead = await slider.getAttribute('aria-valuenow');
    await (await fullToolbar(figure)).getByRole('button', { name: 'Copy link' }).click();
    const link = await figure.getByRole('textbox', { name: 'Link to this view' }).inputValue();
    expect(link).toContain('tl.downloads=2.');

    const other = await browser.newContext();
    const fresh = await other.newPage();
    const problems = watchConsole(fresh);
    await fresh.goto(link);
    await fresh.waitForLoadState('networkidle');
    const again = fresh.locator('figure.tl').filter({ hasText: CAPTION });
    await expect(sequentialTotal(again)).toHaveText('12.4 s');
    await expect(again.locator('.tl-band-header')).toHaveCount(5);
    await expect(again.getByRole('slider', { name: /Time/ })).toHaveAttribute('aria-valuenow', playhead!);
    await expect(fresh.getByRole('slider', { name: 'Number of downloads' })).toHaveText('4');
    expect(problems).toEqual([]);
    await other.close();
  });

  test('edits survive a reload, until reset', async ({ page }) => {
    const figure = await downloads(page);
    await openEditor(figure);
    await setDownload(figure, '1');
    await expect(sequentialTotal(figure)).toHaveText('11.0 s');
    await expect.poll(() => page.url()).toContain('tl.downloads=');
    await page.reload();
    await page.waitForLoadState('networkidle');
    await expect(sequentialTotal(figure)).toHaveText('11.0 s');
    // Without the link, local storage still has them.
    await downloads(page, '/playground/');
    await expect(sequentialTotal(figure)).toHaveText('11.0 s');
    await expect(editStatus(figure)).toContainText('earlier changes');
    await figure.getByRole('button', { name: 'Reset' }).click();
    await expect(sequentialTotal(figure)).toHaveText('51.0 s');
    await expect.poll(() => page.url()).not.toContain('tl.downloads=');
    await downloads(page, '/playground/');
    await expect(sequentialTotal(figure)).toHaveText('51.0 s');
  });

  test('a tampered or outdated link shows a notice and the article’s workload', async ({ page }) => {
    for (const bad of ['1.not-really-a-view', '7.W10', '1.WyJzIiwgbnVsbCwgInQiLCBbMSwyXV0']) {
      const problems = watchConsole(page);
      const figure = await downloads(page, `/playground/?tl.downloads=${bad}`);
      await expect(editStatus(figure)).toContainText('could not be used');
      await expect(sequentialTotal(figure)).toHaveText('51.0 s');
      expect(problems).toEqual([]);
    }
  });

  test('a link whose workload breaks the schema names the field', async ({ page }) => {
    const figure = await downloads(page);
    await openEditor(figure);
    await setDownload(figure, '2');
    await (await fullToolbar(figure)).getByRole('button', { name: 'Copy link' }).click();
    const link = await figure.getByRole('textbox', { name: 'Link to this view' }).inputValue();
    const code = new URLSearchParams(new URL(link).hash.slice(1)).get('tl.downloads')!;
    const decoded = decodeView(code);
    if (!decoded.ok) throw new Error(`the copied link does not decode: ${decoded.message}`);
    const scenario = decoded.value.scenario as Scenario;
    // Re-encode with the codec itself, so the link is well formed and only the workload is wrong.
    const tampered = encodeView({
      ...decoded.value,
      scenario: { ...scenario, machine: { ...scenario.machine, cores: 0 } },
    });
    await page.goto('about:blank');
    const again = await downloads(page, `/playground/#tl.downloads=${tampered}`);
    await expect(editStatus(again)).toContainText('machine.cores');
    await expect(sequentialTotal(again)).toHaveText('51.0 s');
  });

  test('the exported trace is Chrome Trace Event JSON with one complete event per span', async ({ page }) => {
    const figure = await downloads(page);
    await openEditor(figure);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      fullToolbar(figure).then((f) => f.getByRole('button', { name: /^Trace/ }).click()),
    ]);
    const trace = JSON.parse(readFileSync((await download.path())!, 'utf8'));
    expect(Array.isArray(trace.traceEvents)).toBe(true);
    const scenario = parseScenario(
      JSON.parse(readFileSync('content/scenarios/ten-downloads.json', 'utf8')),
      'ten-downloads.json',
    );
    const traces = MODELS.map((m) => simulate(scenario, m));
    const complete = trace.traceEvents.filter((e: { ph: string }) => e.ph === 'X');
    expect(complete).toHaveLength(traces.reduce((n, t) => n + t.spans.length, 0));
    for (const e of complete) {
      expect(typeof e.name).toBe('string');
      expect(e.ts).toBeGreaterThanOrEqual(0);
      expect(e.dur).toBeGreaterThanOrEqual(0);
      expect(Number.isInteger(e.pid) && Number.isInteger(e.tid)).toBe(true);
    }
    const names = trace.traceEvents
      .filter((e: { ph: string; name: string }) => e.ph === 'M' && e.name === 'process_name')
      .map((e: { args: { name: string } }) => e.args.name);
    expect(names).toEqual(['Sequential', 'asyncio', 'Threads (GIL)', 'Processes']);
    const threads = trace.traceEvents.filter((e: { ph: string; name: string }) => e.name === 'thread_name');
    expect(threads).toHaveLength(traces.reduce((n, t) => n + t.lanes.length, 0));
  });

  test('a scenario file is imported; a broken one is refused naming the field', async ({ page }) => {
    const figure = await downloads(page);
    await openEditor(figure);
    const picker = figure.getByLabel('Scenario file to import');
    await picker.setInputFiles({
      name: 'two.json',
      mimeType: 'application/json',
      buffer: Buffer.from(
        JSON.stringify({
          id: 'two',
          title: 'Two waits',
          machine: { cores: 2 },
          tasks: [{ name: 'w', count: 2, steps: [{ kind: 'io', durationMs: 1500 }] }],
        }),
      ),
    });
    await expect(editStatus(figure)).toContainText('Imported “Two waits”');
    await expect(sequentialTotal(figure)).toHaveText('3.00 s');
    await picker.setInputFiles({
      name: 'bad.json',
      mimeType: 'application/json',
      buffer: Buffer.from(
        JSON.stringify({
          id: 'bad',
          title: 'Bad',
          machine: { cores: 2 },
          tasks: [{ name: 'x', steps: [{ kind: 'io' }] }],
        }),
      ),
    });
    await expect(editStatus(figure)).toContainText('tasks[0].steps[0].durationMs is required');
    await expect(sequentialTotal(figure)).toHaveText('3.00 s');
  });

  test('the open editor has no accessibility violations, in light and dark', async ({ page }) => {
    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      const figure = await downloads(page);
      await openEditor(figure);
      await setDownload(figure, '500');
      await expect(editStatus(figure)).toContainText('set to 60 s');
      // The re-simulation done: axe looks at the settled figure, not at the progress shown meanwhile.
      await expect(sequentialTotal(figure)).toHaveText('601 s');
      await expect(figure.locator('.ed-simstatus')).toHaveCount(0);
      const results = await new AxeBuilder({ page }).include('figure.tl').analyze();
      expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(', ')}`)).toEqual([]);
    }
  });
});
