import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { fireEvent, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { preloadScenarios } from '../../content/scenarios';
import { beginPage } from '../../store/pageTimelines';
import { EditingTimeline as Timeline } from '../timeline/EditingTimeline';

beforeAll(() => preloadScenarios(['three-sleeps']));
beforeEach(() => {
  beginPage([]);
  localStorage.clear();
  history.replaceState(null, '', '/');
});

/** The three-sleeps timeline (A 2 s, B 3 s, C 1 s) with its editor open. */
async function openEditor() {
  const user = userEvent.setup();
  render(<Timeline scenario="three-sleeps" models="sequential asyncio" />);
  const figure = screen.getByRole('figure');
  await user.click(within(figure).getByRole('button', { name: 'Edit workload' }));
  // The editor's code is fetched on demand: slow on a busy machine.
  await screen.findByRole('region', { name: /Workload editor/ }, { timeout: 10_000 });
  return { user, figure };
}

const sequentialTotal = (figure: HTMLElement) => figure.querySelector('.tl-band-total')?.textContent;

describe('workload editor', () => {
  it('opens from the bar, toggles aria-expanded, and names every input after what it changes', async () => {
    const { figure } = await openEditor();
    expect(within(figure).getByRole('button', { name: 'Edit workload' })).toHaveAttribute('aria-expanded', 'true');
    for (const name of ['A', 'B', 'C']) {
      expect(within(figure).getByRole('slider', { name: `Task ${name}, step 1 duration` })).toBeInTheDocument();
      expect(
        within(figure).getByRole('spinbutton', { name: `Task ${name}, step 1 duration, in seconds` }),
      ).toBeInTheDocument();
      expect(within(figure).getByRole('combobox', { name: `Task ${name}, step 1 kind` })).toBeInTheDocument();
      expect(within(figure).getByRole('textbox', { name: `Task ${name} name` })).toBeInTheDocument();
    }
    for (const input of within(figure).getAllByRole('spinbutton', { name: /step/ })) {
      expect(input.getAttribute('aria-label')).toContain('duration');
    }
    for (const name of ['Cores', 'Switch interval, in milliseconds', 'Process start method', 'Python build']) {
      expect(within(figure).getByLabelText(new RegExp(name))).toBeInTheDocument();
    }
  });

  it('a duration change re-simulates at once: the total follows', async () => {
    const { figure } = await openEditor();
    expect(sequentialTotal(figure)).toBe('6.00 s');
    const b = within(figure).getByRole('spinbutton', { name: 'Task B, step 1 duration, in seconds' });
    fireEvent.change(b, { target: { value: '5' } });
    expect(sequentialTotal(figure)).toBe('8.00 s');
    fireEvent.change(within(figure).getByRole('slider', { name: 'Task C, step 1 duration' }), {
      target: { value: '0' },
    });
    expect(sequentialTotal(figure)).toBe('7.00 s');
  });

  it('clamps out-of-range values and says so in a status message', async () => {
    const { figure } = await openEditor();
    fireEvent.change(within(figure).getByRole('spinbutton', { name: 'Task A, step 1 duration, in seconds' }), {
      target: { value: '120' },
    });
    expect(within(figure).getByRole('status')).toHaveTextContent('Durations go from 0 to 60 s; set to 60 s.');
    expect(sequentialTotal(figure)).toBe('64.0 s');
    fireEvent.change(within(figure).getByRole('spinbutton', { name: 'Cores' }), { target: { value: '500' } });
    expect(within(figure).getByRole('status')).toHaveTextContent('Cores go from 1 to 128; set to 128.');
  });

  it('undo and redo with the buttons and with Ctrl+Z / Shift+Ctrl+Z; reset returns to the article', async () => {
    const { user, figure } = await openEditor();
    const a = within(figure).getByRole('spinbutton', { name: 'Task A, step 1 duration, in seconds' });
    fireEvent.focus(a);
    fireEvent.change(a, { target: { value: '4' } });
    expect(sequentialTotal(figure)).toBe('8.00 s');
    await user.click(within(figure).getByRole('button', { name: 'Undo' }));
    expect(sequentialTotal(figure)).toBe('6.00 s');
    await user.click(within(figure).getByRole('button', { name: 'Redo' }));
    expect(sequentialTotal(figure)).toBe('8.00 s');
    within(figure).getByRole('button', { name: 'Edit workload' }).focus();
    await user.keyboard('{Control>}z{/Control}');
    expect(sequentialTotal(figure)).toBe('6.00 s');
    await user.keyboard('{Control>}{Shift>}z{/Shift}{/Control}');
    expect(sequentialTotal(figure)).toBe('8.00 s');
    await user.click(within(figure).getByRole('button', { name: 'Reset' }));
    expect(sequentialTotal(figure)).toBe('6.00 s');
    expect(within(figure).getByRole('button', { name: 'Reset' })).toBeDisabled();
  });

  it('adds, duplicates and removes tasks and steps; changes a step kind', async () => {
    const { user, figure } = await openEditor();
    await user.click(within(figure).getByRole('button', { name: 'Duplicate task B' }));
    expect(within(figure).getByRole('textbox', { name: 'Task B2 name' })).toHaveValue('B2');
    expect(sequentialTotal(figure)).toBe('9.00 s');
    await user.click(within(figure).getByRole('button', { name: 'Remove task A' }));
    expect(sequentialTotal(figure)).toBe('7.00 s');
    await user.click(within(figure).getByRole('button', { name: 'Add a step to task C' }));
    expect(within(figure).getByRole('spinbutton', { name: 'Task C, step 2 duration, in seconds' })).toHaveValue(0.1);
    await user.selectOptions(within(figure).getByRole('combobox', { name: 'Task C, step 2 kind' }), 'io');
    await user.click(within(figure).getByRole('button', { name: 'Remove Task C, step 1' }));
    expect(within(figure).queryByRole('spinbutton', { name: 'Task C, step 2 duration, in seconds' })).toBeNull();
    await user.click(within(figure).getByRole('button', { name: 'Add a task' }));
    expect(within(figure).getByRole('textbox', { name: 'Task A name' })).toBeInTheDocument();
  });

  it('shows fewer models, but never none', async () => {
    const { user, figure } = await openEditor();
    await user.click(within(figure).getByRole('checkbox', { name: 'Sequential' }));
    expect(figure.querySelectorAll('.tl-band-header')).toHaveLength(1);
    await user.click(within(figure).getByRole('checkbox', { name: 'asyncio' }));
    expect(within(figure).getByRole('status')).toHaveTextContent('Show at least one model.');
    expect(figure.querySelectorAll('.tl-band-header')).toHaveLength(1);
  });

  it('switches duration units between seconds and milliseconds', async () => {
    const { user, figure } = await openEditor();
    await user.click(within(figure).getByRole('radio', { name: 'milliseconds' }));
    const b = within(figure).getByRole('spinbutton', { name: 'Task B, step 1 duration, in milliseconds' });
    expect(b).toHaveValue(3000);
    fireEvent.change(b, { target: { value: '1500' } });
    expect(sequentialTotal(figure)).toBe('4.50 s');
  });

  it('refuses a scenario file over 5 MB, and imports a valid one', async () => {
    const { user, figure } = await openEditor();
    const picker = within(figure).getByLabelText('Scenario file to import');
    const big = new File(['x'.repeat(5 * 1024 * 1024 + 1)], 'huge.json', { type: 'application/json' });
    await user.upload(picker, big);
    expect(await within(figure).findByText(/huge\.json is 5\.0 MB; scenario files up to 5 MB/)).toBeInTheDocument();
    const good = new File(
      [
        JSON.stringify({
          id: 'x',
          title: 'One wait',
          machine: { cores: 1 },
          tasks: [{ name: 'w', steps: [{ kind: 'io', durationMs: 250 }] }],
        }),
      ],
      'x.json',
      { type: 'application/json' },
    );
    await user.upload(picker, good);
    expect(await within(figure).findByText(/Imported “One wait” from x\.json/)).toBeInTheDocument();
    expect(sequentialTotal(figure)).toBe('250 ms');
  });
});
