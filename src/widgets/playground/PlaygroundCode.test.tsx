import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { preloadScenarios } from '../../content/scenarios';
import { beginPage } from '../../store/pageTimelines';
import { Playground } from './Playground';

beforeAll(() => preloadScenarios(['three-sleeps', 'mixed-cpu-io']));
beforeEach(() => {
  beginPage([]);
  localStorage.clear();
  history.replaceState(null, '', '/');
});

/** The playground on three sleeps (A 2 s, B 3 s, C 1 s), its program written. */
function openPlayground() {
  const utils = render(<Playground scenario="three-sleeps" />);
  const figure = screen.getByRole('figure');
  // The program is written as the panel renders, not fetched.
  const panel = within(figure).getByRole('tabpanel');
  expect(panel.querySelector('.tl-code')).toHaveAttribute('data-code', 'generated');
  return { ...utils, figure, panel };
}

/** The editor's and the recording's code are fetched on demand: slow on a busy machine. */
const LOADING = { timeout: 15_000 };

/** The editor's chunk stays loaded once a test has fetched it. */
function openEditor() {
  const button = screen.queryByRole('button', { name: 'Open the workload editor' });
  if (button) fireEvent.click(button);
}

const code = (panel: HTMLElement) => panel.querySelector('pre')!.textContent!;

describe('the playground’s code panel', () => {
  it('shows the program for the workload under the picked model, one tab per model shown', async () => {
    const { figure, panel } = openPlayground();
    const tabs = within(figure).getAllByRole('tab');
    expect(tabs.map((t) => t.textContent)).toEqual([
      'Sequential',
      'asyncio',
      'Threads (GIL)',
      'Free-threaded',
      'Processes',
      'Subinterpreters',
    ]);
    const asyncio = within(figure).getByRole('tab', { name: 'asyncio' });
    expect(asyncio).toHaveAttribute('aria-selected', 'true');
    expect(panel).toHaveAccessibleName('asyncio');
    expect(within(figure).getByRole('tablist')).toHaveAccessibleName('Python program for');
    expect(code(panel)).toContain('await asyncio.sleep(3.0)');
    expect(within(panel).getByText(/Python for this workload, asyncio/)).toBeInTheDocument();
    fireEvent.click(within(figure).getByRole('tab', { name: 'Threads (GIL)' }));
    expect(code(panel)).toContain('threading.Thread(target=b)');
    expect(panel).toHaveAccessibleName('Threads (GIL)');
  });

  it('moves between models from the keyboard, the focus on the picked tab', async () => {
    const { figure, panel } = openPlayground();
    const asyncio = within(figure).getByRole('tab', { name: 'asyncio' });
    act(() => asyncio.focus());
    fireEvent.keyDown(asyncio, { key: 'ArrowRight' });
    const threads = within(figure).getByRole('tab', { name: 'Threads (GIL)' });
    expect(threads).toHaveFocus();
    expect(threads).toHaveAttribute('aria-selected', 'true');
    expect(threads).toHaveAttribute('tabindex', '0');
    expect(asyncio).toHaveAttribute('tabindex', '-1');
    expect(code(panel)).toContain('thread.join()');
    fireEvent.keyDown(threads, { key: 'Home' });
    expect(within(figure).getByRole('tab', { name: 'Sequential' })).toHaveFocus();
    fireEvent.keyDown(document.activeElement!, { key: 'ArrowLeft' });
    expect(within(figure).getByRole('tab', { name: 'Subinterpreters' })).toHaveAttribute('aria-selected', 'true');
    expect(code(panel)).toContain('InterpreterPoolExecutor(');
  });

  it('is written afresh after an edit of the workload', async () => {
    const { figure, panel } = openPlayground();
    openEditor();
    const b = await within(figure).findByRole('spinbutton', { name: 'Task B, step 1 duration, in seconds' }, LOADING);
    fireEvent.change(b, { target: { value: '6' } });
    await waitFor(() => expect(code(panel)).toContain('await asyncio.sleep(6.0)'));
    expect(code(panel)).not.toContain('await asyncio.sleep(3.0)');
  }, 30_000);

  it('marks the line each task is on as the playhead moves', async () => {
    const { figure, panel } = openPlayground();
    const lines = () => [...panel.querySelectorAll<HTMLElement>('pre .line')];
    const lineOf = (text: string) => lines().find((l) => l.textContent!.includes(text))!;
    const slider = within(figure).getByRole('slider', { name: /Time/ });
    act(() => slider.focus());
    fireEvent.keyDown(slider, { key: 'Home' });
    fireEvent.keyDown(slider, { key: 'PageUp' });
    // Within the first second, under asyncio all three sleeps are waiting at once.
    expect(Number(slider.getAttribute('aria-valuenow'))).toBeLessThan(1000);
    for (const [task, text] of [
      ['A', 'asyncio.sleep(2.0)'],
      ['B', 'asyncio.sleep(3.0)'],
      ['C', 'asyncio.sleep(1.0)'],
    ]) {
      expect(lineOf(text)).toHaveClass('tl-line-active');
      expect(lineOf(text).dataset.tasks).toBe(task);
    }
    expect(lineOf('asyncio.gather')).not.toHaveClass('tl-line-active');
    // Under threads the same moment is marked in the threads' program.
    fireEvent.click(within(figure).getByRole('tab', { name: 'Threads (GIL)' }));
    await waitFor(() => expect(lineOf('time.sleep(3.0)')).toHaveClass('tl-line-active'));
    fireEvent.keyDown(slider, { key: 'End' });
    expect(panel.querySelector('.tl-line-active')).toBeNull();
  });

  it('Copy code puts the program shown on the clipboard', async () => {
    const writeText = vi.fn(() => Promise.resolve());
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
    const { panel } = openPlayground();
    fireEvent.click(within(panel).getByRole('button', { name: 'Copy code' }));
    await waitFor(() => expect(within(panel).getByRole('status')).toHaveTextContent('Copied'));
    const text = (writeText.mock.calls[0] as unknown as [string])[0];
    expect(text).toBe(code(panel).replace(/\n?$/, '\n'));
    expect(text).toContain('asyncio.run(main())');
  });

  it('follows a scenario picked to start from', async () => {
    const { panel } = openPlayground();
    openEditor();
    const picker = await screen.findByRole('combobox', { name: 'Start from' }, LOADING);
    fireEvent.change(picker, { target: { value: '' } });
    await screen.findByText('Started from an empty workload.', {}, LOADING);
    await waitFor(() =>
      expect(screen.getByRole('tabpanel').querySelector('pre')!.textContent).toContain('async def a():'),
    );
    expect(screen.getByRole('tabpanel').textContent).not.toContain('asyncio.sleep(3.0)');
    // The model picked is kept across the restart.
    expect(screen.getByRole('tab', { name: 'asyncio' })).toHaveAttribute('aria-selected', 'true');
    expect(panel).not.toBeInTheDocument();
  }, 30_000);

  it('follows the workload derived from a recording opened on it', async () => {
    const { container, panel } = openPlayground();
    const before = code(panel);
    const text = readFileSync(resolve(import.meta.dirname, '../../../tests/recorder/fixtures/downloader.json'), 'utf8');
    const input = container.querySelector<HTMLInputElement>('.pg-import input[type="file"]')!;
    fireEvent.change(input, { target: { files: [new File([text], 'downloader.json', { type: 'application/json' })] } });
    await screen.findByText('Opened downloader.json.', {}, LOADING);
    await waitFor(() => expect(screen.getByRole('tabpanel').querySelector('pre')!.textContent).not.toBe(before));
    const program = screen.getByRole('tabpanel').querySelector('pre')!.textContent!;
    expect(program).toContain('Recorded: downloader.py');
    expect(program).toContain('await asyncio.sleep(0.652729)  # socket');
    expect(program).not.toContain('asyncio.sleep(3.0)');
  }, 30_000);
});
