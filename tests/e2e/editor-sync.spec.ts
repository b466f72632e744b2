import { expect, test, type Locator, type Page } from '@playwright/test';
import { decodeView } from '../../src/share/codec';
import { hydrated, watchConsole } from './pages';

/**
 * The workload editor on the coordination article's first editable figure, the lost update
 * (content/scenarios/coord-lost-update.json: four copies of T, each 25 rounds of read x, 2 ms of Python,
 * write x): a lock with acquire and release, a repeat group and an arrival, each re-simulated, and kept
 * through a reload.
 */
async function lostUpdate(page: Page, reload = false): Promise<Locator> {
  if (reload) await page.reload();
  else await page.goto('/coordinating/');
  await page.waitForLoadState('networkidle');
  const question = page.locator('section.predict').first();
  const id = await question.getAttribute('data-predict');
  const figure = page.locator(`figure.tl[data-predicted-by="${id}"]`);
  await hydrated(figure);
  // Answer the question first, so that the figure shows its totals.
  if ((await figure.getAttribute('data-sealed')) !== null) {
    await question.getByRole('radio', { name: '100' }).check();
    await question.getByRole('button', { name: 'Check my guess' }).click();
    await expect(figure).not.toHaveAttribute('data-sealed', '');
  }
  return figure;
}

/** Every band's total, as the headers show them. */
const totals = (figure: Locator) => figure.locator('.tl-band-total').allTextContents();

async function typeNumber(field: Locator, value: string): Promise<void> {
  await field.fill(value);
  await field.blur();
}

test('adds a lock with acquire and release, a repeat group and an arrival; each re-simulates and is kept', async ({
  page,
}) => {
  const problems = watchConsole(page);
  const figure = await lostUpdate(page);
  await figure.getByRole('button', { name: 'Edit workload' }).click();
  const editor = figure.getByRole('region', { name: /Workload editor/ });
  await expect(editor).toBeVisible();
  // The group as written: its count and its steps' kinds, the variable they name.
  await expect(editor.getByRole('spinbutton', { name: 'Task T, step 1 repeat count' })).toHaveValue('25');
  await expect(editor.getByRole('combobox', { name: 'Task T, step 1.1 kind' })).toHaveValue('read');
  await expect(editor.getByRole('combobox', { name: 'Task T, step 1.1 variable' })).toHaveValue('x');
  const before = await totals(figure);
  expect(before.length).toBeGreaterThan(0);

  // A lock, and 10 ms of Python under it in every round (15 rounds of six steps: within 100 steps a task).
  await editor.getByRole('combobox', { name: 'New primitive type' }).selectOption('lock');
  await editor.getByRole('button', { name: 'Add a primitive' }).click();
  await expect(editor.getByRole('textbox', { name: 'Primitive L name' })).toHaveValue('L');
  await typeNumber(editor.getByRole('spinbutton', { name: 'Task T, step 1 repeat count' }), '15');
  const addInGroup = editor.getByRole('button', { name: 'Add a step to Task T, step 1 (a group)' });
  await addInGroup.click();
  await addInGroup.click();
  await addInGroup.click();
  await editor.getByRole('combobox', { name: 'Task T, step 1.4 kind' }).selectOption('acquire');
  await expect(editor.getByRole('combobox', { name: 'Task T, step 1.4 primitive' })).toHaveValue('L');
  await editor.getByRole('combobox', { name: 'Task T, step 1.6 kind' }).selectOption('release');
  await editor.getByRole('radio', { name: 'milliseconds' }).check();
  await typeNumber(editor.getByRole('spinbutton', { name: 'Task T, step 1.5 duration, in milliseconds' }), '10');
  await expect.poll(() => totals(figure)).not.toEqual(before);
  const locked = await totals(figure);

  // Removing the lock the steps use is refused, and the message names the step.
  await editor.getByRole('button', { name: 'Remove primitive L' }).click();
  await expect(figure.locator('.tl-edit-status')).toContainText('names no primitive "L"');
  await expect(editor.getByRole('textbox', { name: 'Primitive L name' })).toBeVisible();

  // A repeat group at the end of the task: two rounds of 100 ms of Python.
  await editor.getByRole('button', { name: 'Add a repeat group to task T' }).click();
  await expect(editor.getByRole('spinbutton', { name: 'Task T, step 2 repeat count' })).toHaveValue('2');
  await expect.poll(() => totals(figure)).not.toEqual(locked);
  const grouped = await totals(figure);

  // T's copies arrive 50 ms apart from 200 ms.
  await typeNumber(editor.getByRole('spinbutton', { name: 'Task T arrival, in milliseconds' }), '200');
  await expect.poll(() => totals(figure)).not.toEqual(grouped);
  const late = await totals(figure);
  await typeNumber(editor.getByRole('spinbutton', { name: 'Task T spacing, in milliseconds' }), '50');
  await expect.poll(() => totals(figure)).not.toEqual(late);
  const arrived = await totals(figure);

  // The address and storage carry all of it: after a reload the editor shows the same workload.
  const linked = async () => {
    const params = new URLSearchParams(new URL(page.url()).hash.slice(1));
    const code = [...params.entries()].find(([k]) => k.startsWith('tl.'))?.[1];
    const decoded = code ? decodeView(code) : null;
    return decoded?.ok ? decoded.value.scenario : null;
  };
  await expect
    .poll(linked)
    .toMatchObject({ sync: { L: { type: 'lock' } }, tasks: [{ name: 'T', startAtMs: 200, everyMs: 50 }] });
  const again = await lostUpdate(page, true);
  await again.getByRole('button', { name: 'Edit workload' }).click();
  const editor2 = again.getByRole('region', { name: /Workload editor/ });
  await expect(editor2.getByRole('textbox', { name: 'Primitive L name' })).toHaveValue('L');
  await expect(editor2.getByRole('spinbutton', { name: 'Task T, step 1 repeat count' })).toHaveValue('15');
  await expect(editor2.getByRole('combobox', { name: 'Task T, step 1.6 kind' })).toHaveValue('release');
  await expect(editor2.getByRole('spinbutton', { name: 'Task T spacing, in milliseconds' })).toHaveValue('50');
  await expect(editor2.getByRole('spinbutton', { name: 'Task T arrival, in milliseconds' })).toHaveValue('200');
  await expect.poll(() => totals(again)).toEqual(arrived);
  expect(problems).toEqual([]);
});
