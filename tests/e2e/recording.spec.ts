import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { expect, test } from '@playwright/test';
import { watchConsole } from './pages';
import { MODEL_IDS } from '../../src/sim/types';

const FIXTURE = resolve(import.meta.dirname, '../recorder/fixtures/downloader.json');

test('a recording opened on the playground: the recorded band above its replays, totals against it', async ({
  page,
}) => {
  const problems = watchConsole(page);
  await page.goto('/playground/');
  await page.waitForLoadState('networkidle');
  const playground = page.locator('.pg');
  await playground.locator('.pg-import input[type=file]').setInputFiles(FIXTURE);
  const panel = playground.locator('.pg-rec');
  await expect(panel.getByRole('heading', { name: 'Recorded: downloader.py' })).toBeVisible();
  await expect(panel.locator('.tl-band-model').first()).toHaveText(/Recorded · Python 3\.11\.7 · 2 cores/);
  const table = panel.getByRole('table', { name: 'Recorded total against the replays' });
  // The heading, the recorded run, and one replay per model.
  await expect(table.getByRole('row')).toHaveCount(1 + 1 + MODEL_IDS.length);
  await expect(table.locator('tr[data-model=threads] th')).toHaveText('Threads (GIL) (as recorded)');
  // Fewer models: the figure and the table follow.
  await panel.getByRole('checkbox', { name: 'Sequential' }).uncheck();
  await expect(table.getByRole('row')).toHaveCount(1 + 1 + MODEL_IDS.length - 1);
  await expect(table.locator('tr[data-model=sequential]')).toHaveCount(0);
  // Two boxes in quick succession, while the replays are simulated: both clicks count.
  await panel.getByRole('checkbox', { name: 'Sequential' }).check();
  await panel.getByRole('checkbox', { name: 'asyncio' }).uncheck();
  await expect(panel.getByRole('checkbox', { name: 'Sequential' })).toBeChecked();
  await expect(table.getByRole('row')).toHaveCount(1 + 1 + MODEL_IDS.length - 1);
  await expect(table.locator('tr[data-model=asyncio]')).toHaveCount(0);
  // The derived workload is the playground's workload, under every model.
  await expect(playground.getByRole('status').filter({ hasText: 'Opened downloader.json' })).toBeVisible();
  await panel.screenshot({ path: 'test-results/recording-panel.png' });
  await panel.getByRole('button', { name: 'Close the recording' }).click();
  await expect(panel).toHaveCount(0);
  expect(problems).toEqual([]);
});

test('a file that is not a recording gets a message naming the file and the field', async ({ page }) => {
  await page.goto('/playground/');
  await page.waitForLoadState('networkidle');
  await page.locator('.pg-import input[type=file]').setInputFiles({
    name: 'notes.json',
    mimeType: 'application/json',
    buffer: Buffer.from('{"format": "interleave-recording", "version": 7}'),
  });
  await expect(page.locator('.pg .pg-status')).toHaveText(/Not opened: notes\.json: version must be 1/);
});

test('a saved scenario file dropped on the playground opens as its workload', async ({ page }) => {
  await page.goto('/playground/');
  await page.waitForLoadState('networkidle');
  const file = readFileSync(join(import.meta.dirname, '../../content/scenarios/three-sleeps.json'));
  await page.locator('.pg-import input[type=file]').setInputFiles({
    name: 'my-sleeps.json',
    mimeType: 'application/json',
    buffer: file,
  });
  await expect(page.locator('.pg .pg-status')).toHaveText('Opened my-sleeps.json as the workload.');
  // The playground's figure now runs that workload: its three jobs are its lanes.
  const figure = page.locator('.pg figure.tl').first();
  for (const name of ['A', 'B', 'C'])
    await expect(figure.locator('.tl-lane-label', { hasText: name }).first()).toBeAttached();
  // A scenario file that breaks the schema is named with its field.
  const broken = JSON.parse(file.toString());
  broken.tasks[0].steps[0].kind = 'teleport';
  await page.locator('.pg-import input[type=file]').setInputFiles({
    name: 'broken.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify(broken)),
  });
  await expect(page.locator('.pg .pg-status')).toHaveText(/^Not opened: broken\.json.*tasks.*steps.*kind/);
});

test('the recorder is served for download', async ({ page }) => {
  const reply = await page.request.get('/interleave_record.py');
  expect(reply.status()).toBe(200);
  expect(await reply.text()).toContain('FORMAT = "interleave-recording"');
});
