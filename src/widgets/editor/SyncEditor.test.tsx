import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { fireEvent, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { preloadScenarios } from '../../content/scenarios';
import { beginPage } from '../../store/pageTimelines';
import { EditingTimeline as Timeline } from '../timeline/EditingTimeline';

beforeAll(() => preloadScenarios(['three-sleeps', 'coord-lost-update']));
beforeEach(() => {
  beginPage([]);
  localStorage.clear();
  history.replaceState(null, '', '/');
});

async function openEditor(scenario: string, models: string) {
  const user = userEvent.setup();
  render(<Timeline scenario={scenario} models={models} />);
  const figure = screen.getByRole('figure');
  await user.click(within(figure).getByRole('button', { name: 'Edit workload' }));
  await screen.findByRole('region', { name: /Workload editor/ }, { timeout: 10_000 });
  return { user, figure, $: within(figure) };
}

const sequentialTotal = (figure: HTMLElement) => figure.querySelector('.tl-band-total')?.textContent;

// These walk through many edits of a 100-step workload, each re-simulated: more than the default 5 s on a busy machine.
describe('editor: coordination steps, groups and arrivals', { timeout: 30_000 }, () => {
  it('shows a written group truthfully: its count, its steps’ kinds and the variable they name', async () => {
    const { $ } = await openEditor('coord-lost-update', 'threads');
    expect($.getByRole('spinbutton', { name: 'Task T, step 1 repeat count' })).toHaveValue(25);
    expect($.getByRole('combobox', { name: 'Task T, step 1.1 kind' })).toHaveValue('read');
    expect($.getByRole('combobox', { name: 'Task T, step 1.1 variable' })).toHaveValue('x');
    expect($.getByRole('combobox', { name: 'Task T, step 1.2 kind' })).toHaveValue('cpu');
    expect($.getByRole('combobox', { name: 'Task T, step 1.3 kind' })).toHaveValue('write');
    expect($.getByRole('textbox', { name: 'Shared variable x name' })).toHaveValue('x');
    expect($.getByRole('spinbutton', { name: 'Task T spacing, in milliseconds' })).toHaveValue(0);
  });

  it('adds a lock, then acquire and release around the group’s work; undo takes it back', async () => {
    const { user, $ } = await openEditor('coord-lost-update', 'threads');
    await user.selectOptions($.getByRole('combobox', { name: 'New primitive type' }), 'lock');
    await user.click($.getByRole('button', { name: 'Add a primitive' }));
    expect($.getByRole('textbox', { name: 'Primitive L name' })).toHaveValue('L');
    // The page runs at most 100 steps per task once groups are repeated: 20 rounds of four leave room.
    fireEvent.change($.getByRole('spinbutton', { name: 'Task T, step 1 repeat count' }), { target: { value: '20' } });
    await user.click($.getByRole('button', { name: 'Add a step to Task T, step 1 (a group)' }));
    // A release before any acquire is refused with the format's message, naming the field.
    await user.selectOptions($.getByRole('combobox', { name: 'Task T, step 1.4 kind' }), 'release');
    expect($.getByRole('status')).toHaveTextContent(
      'Not changed: the workload: tasks[0].steps[0].steps[3] releases "L" without an acquire of it earlier in task "T".',
    );
    expect($.getByRole('combobox', { name: 'Task T, step 1.4 kind' })).toHaveValue('cpu');
    await user.click($.getByRole('button', { name: 'Add a step to task T' }));
    await user.selectOptions($.getByRole('combobox', { name: 'Task T, step 2 kind' }), 'acquire');
    expect($.getByRole('combobox', { name: 'Task T, step 2 primitive' })).toHaveValue('L');
    const timeout = $.getByRole('spinbutton', { name: 'Task T, step 2 timeout, in milliseconds' });
    fireEvent.focus(timeout);
    fireEvent.change(timeout, { target: { value: '50' } });
    fireEvent.blur(timeout);
    expect($.getByRole('spinbutton', { name: 'Task T, step 2 timeout, in milliseconds' })).toHaveValue(50);
    // Removing the lock a step uses is refused, and says which step.
    await user.click($.getByRole('button', { name: 'Remove primitive L' }));
    expect($.getByRole('status')).toHaveTextContent(/tasks\[0\]\.steps\[1\]\.sync names no primitive "L"/);
    expect($.getByRole('textbox', { name: 'Primitive L name' })).toBeInTheDocument();
    await user.click($.getByRole('button', { name: 'Add a step to task T' }));
    await user.selectOptions($.getByRole('combobox', { name: 'Task T, step 3 kind' }), 'release');
    expect($.getByRole('combobox', { name: 'Task T, step 3 primitive' })).toHaveValue('L');
    // Over the page's 100 steps per task: refused, with what is too large.
    fireEvent.change($.getByRole('spinbutton', { name: 'Task T, step 1 repeat count' }), { target: { value: '30' } });
    expect($.getByRole('status')).toHaveTextContent(
      /too large for the page: tasks\[0\]\.steps: 122 steps, at most 100/,
    );
    $.getByRole('button', { name: 'Edit workload' }).focus();
    await user.click($.getByRole('button', { name: 'Undo' }));
    expect($.getByRole('combobox', { name: 'Task T, step 3 kind' })).toHaveValue('cpu');
    expect($.queryByRole('combobox', { name: 'Task T, step 3 primitive' })).toBeNull();
    // Back past the added step, then past the timeout (refused changes left no undo step).
    await user.click($.getByRole('button', { name: 'Undo' }));
    expect($.queryByRole('combobox', { name: 'Task T, step 3 kind' })).toBeNull();
    await user.click($.getByRole('button', { name: 'Undo' }));
    expect($.getByRole('spinbutton', { name: 'Task T, step 2 timeout, in milliseconds' })).toHaveValue(null);
    await user.click($.getByRole('button', { name: 'Redo' }));
    expect($.getByRole('spinbutton', { name: 'Task T, step 2 timeout, in milliseconds' })).toHaveValue(50);
  });

  it('adds a repeat group, sets its count and removes it; the total follows', async () => {
    const { user, figure, $ } = await openEditor('three-sleeps', 'sequential asyncio');
    expect(sequentialTotal(figure)).toBe('6.00 s');
    await user.click($.getByRole('button', { name: 'Add a repeat group to task C' }));
    // A group of one 100 ms CPU step, twice.
    expect(sequentialTotal(figure)).toBe('6.20 s');
    fireEvent.change($.getByRole('spinbutton', { name: 'Task C, step 2 repeat count' }), { target: { value: '10' } });
    expect(sequentialTotal(figure)).toBe('7.00 s');
    // Typing a value that is not a count yet leaves the workload as it was and keeps what was typed.
    const count = $.getByRole('spinbutton', { name: 'Task C, step 2 repeat count' });
    fireEvent.change(count, { target: { value: '' } });
    expect(sequentialTotal(figure)).toBe('7.00 s');
    await user.click($.getByRole('button', { name: 'Remove Task C, step 2 (a group)' }));
    expect(sequentialTotal(figure)).toBe('6.00 s');
  });

  it('an arrival delays a task; spacing appears once the task has copies', async () => {
    const { figure, $ } = await openEditor('three-sleeps', 'sequential');
    expect($.queryByRole('spinbutton', { name: 'Task C spacing, in milliseconds' })).toBeNull();
    fireEvent.change($.getByRole('spinbutton', { name: 'Task C arrival, in milliseconds' }), {
      target: { value: '10000' },
    });
    expect(sequentialTotal(figure)).toBe('11.0 s');
    fireEvent.change($.getByRole('spinbutton', { name: 'Task C copies' }), { target: { value: '2' } });
    expect($.getByRole('spinbutton', { name: 'Task C spacing, in milliseconds' })).toHaveValue(0);
  });
});
