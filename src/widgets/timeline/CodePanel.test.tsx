import { beforeAll, describe, expect, it, vi } from 'vitest';
import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { Timeline } from './Timeline';
import { CodePanel } from './CodePanel';
import { WorkloadNote } from './WorkloadNote';
import { TimelineStoreProvider } from '../../store/context';
import { loadScenario, preloadScenarios } from '../../content/scenarios';
import { createTimelineStore } from '../../store/timelineStore';
import { simulate } from '../../sim';
import type { ModelId, Scenario } from '../../sim/types';
import { parseCodeLines, type CodeLineMap } from '../../timeline/codeLines';

beforeAll(() => preloadScenarios(['three-sleeps', 'mixed-cpu-io']));

/** The shape MDX gives a highlighted block: pre > code > span.line per line. */
function Code({ lines }: { lines: string[] }) {
  return (
    <pre className="shiki">
      <code>
        {lines.map((text, i) => (
          <span key={i} className="line">
            {text}
          </span>
        ))}
      </code>
    </pre>
  );
}

const SOURCE = ['import asyncio', '', 'async def job(name, seconds):', '    await asyncio.sleep(seconds)'];

describe('Timeline with code-line sync', () => {
  it('shows the code in the figure and marks the line each task is on as the playhead moves', () => {
    const { container } = render(
      <Timeline scenario="three-sleeps" models="sequential asyncio" codeModel="asyncio" codeLines="4">
        <Code lines={SOURCE} />
      </Timeline>,
    );
    const lines = container.querySelectorAll<HTMLElement>('figure .tl-code .line');
    expect(lines).toHaveLength(4);
    const slider = screen.getByRole('slider', { name: /Time/ });
    act(() => slider.focus());
    fireEvent.keyDown(slider, { key: 'Home' });
    fireEvent.keyDown(slider, { key: 'PageUp' }); // 600 ms: all three jobs are sleeping under asyncio
    expect(lines[3]).toHaveClass('tl-line-active');
    expect(lines[3].dataset.tasks).toBe('A B C');
    expect(lines[0]).not.toHaveClass('tl-line-active');
    for (let i = 0; i < 4; i++) fireEvent.keyDown(slider, { key: 'PageUp' }); // 3 000 ms: A and C are done
    expect(lines[3].dataset.tasks).toBe('B');
    fireEvent.keyDown(slider, { key: 'End' });
    expect(lines[3]).not.toHaveClass('tl-line-active');
  });

  it('a codeLines spec that is not line numbers shows an alert in place', () => {
    render(
      <Timeline scenario="three-sleeps" models="asyncio" codeLines="four">
        <Code lines={SOURCE} />
      </Timeline>,
    );
    expect(screen.getByRole('alert')).toHaveTextContent(/"four" is not a line number/);
  });

  it('a codeModel that is not shown is an error, not a silent fallback', () => {
    render(
      <Timeline scenario="three-sleeps" models="asyncio" codeModel="threads" codeLines="4">
        <Code lines={SOURCE} />
      </Timeline>,
    );
    expect(screen.getByRole('alert')).toHaveTextContent(/codeModel "threads"/);
  });
});

function threeSleeps(): Scenario {
  const entry = loadScenario('three-sleeps');
  if (!entry.ok) throw new Error(entry.error);
  return entry.scenario;
}

function editedFigure(models: ModelId[] = ['sequential', 'asyncio'], codeModel: ModelId = 'asyncio') {
  const scenario = threeSleeps();
  const store = createTimelineStore({ scenario, models, simulate });
  const map = (parseCodeLines('4') as { ok: true; map: CodeLineMap }).map;
  const utils = render(
    <TimelineStoreProvider store={store}>
      <CodePanel map={map} model={codeModel}>
        <Code lines={SOURCE} />
      </CodePanel>
      <figcaption>
        Three sleeps
        <WorkloadNote hasCode />
      </figcaption>
    </TimelineStoreProvider>,
  );
  // The reader doubles B's sleep and adds a task that computes.
  const edited: Scenario = {
    ...scenario,
    tasks: [
      ...scenario.tasks.map((t) => (t.name === 'B' ? { ...t, steps: [{ kind: 'io' as const, durationMs: 6000 }] } : t)),
      { name: 'calc', steps: [{ kind: 'cpu', durationMs: 500 }] },
    ],
  };
  return { store, scenario, edited, ...utils };
}

describe('CodePanel after the workload changes', () => {
  it('keeps the article code and says nothing while the workload is the article’s', () => {
    const { container } = editedFigure();
    expect(container.querySelector('.tl-code')).toHaveAttribute('data-code', 'article');
    expect(screen.queryByRole('button', { name: 'Copy code' })).toBeNull();
    expect(container.querySelector('figcaption')).toHaveTextContent(/^Three sleeps$/);
  });

  it('shows the generated program for the model in focus, a Copy button, and a caption that says so', async () => {
    const { store, edited, container } = editedFigure();
    act(() => store.getState().setScenario(edited));
    await screen.findByRole('button', { name: 'Copy code' });
    const code = container.querySelector('.tl-code')!;
    expect(code).toHaveAttribute('data-code', 'generated');
    expect(code.textContent).toContain('await asyncio.sleep(6.0)');
    expect(code.textContent).toContain('asyncio.run(main())');
    expect(code.textContent).not.toContain('async def job(name, seconds)');
    expect(container.querySelector('figcaption')).toHaveTextContent(/Workload changed.*program written for it/);
  });

  it('marks the generated lines each task is on as the playhead moves', async () => {
    const { store, edited, container } = editedFigure();
    act(() => store.getState().setScenario(edited));
    await screen.findByRole('button', { name: 'Copy code' });
    // The lines as drawn now (the program, once generated, may be drawn again when its markers arrive).
    const line = (text: string) =>
      [...container.querySelectorAll<HTMLElement>('.tl-code pre .line')].find((l) => l.textContent!.includes(text))!;
    // asyncio: calc runs first on the loop (0–500 ms), then the sleeps.
    act(() => store.setState({ timeMs: 100 }));
    await waitFor(() => expect(line('busy(15_409_')).toHaveClass('tl-line-active'));
    expect(line('busy(15_409_').dataset.tasks).toBe('calc');
    act(() => store.setState({ timeMs: 4000 }));
    await waitFor(() => expect(line('asyncio.sleep(6.0)')).toHaveClass('tl-line-active'));
    expect(line('asyncio.sleep(6.0)').dataset.tasks).toBe('B');
    expect(line('busy(15_409_')).not.toHaveClass('tl-line-active');
  });

  it('follows the first model shown when the code model is hidden', async () => {
    const { store, edited, container } = editedFigure();
    act(() => store.getState().setScenario(edited, ['sequential']));
    await waitFor(() =>
      expect(container.querySelector('.tl-code-generated')).toHaveAttribute('data-model', 'sequential'),
    );
    expect(container.querySelector('.tl-code')!.textContent).toContain('time.sleep(6.0)');
  });

  it('goes back to the article code when the workload is reset', async () => {
    const { store, scenario, edited, container } = editedFigure();
    act(() => store.getState().setScenario(edited));
    await screen.findByRole('button', { name: 'Copy code' });
    act(() => store.getState().setScenario(scenario));
    expect(container.querySelector('.tl-code')).toHaveAttribute('data-code', 'article');
    expect(screen.queryByRole('button', { name: 'Copy code' })).toBeNull();
    expect(container.querySelector('figcaption')).toHaveTextContent(/^Three sleeps$/);
  });

  it('Copy code puts the whole program on the clipboard and says so', async () => {
    const writeText = vi.fn(() => Promise.resolve());
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
    const { store, edited } = editedFigure();
    act(() => store.getState().setScenario(edited));
    fireEvent.click(await screen.findByRole('button', { name: 'Copy code' }));
    await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent('Copied'));
    const text = (writeText.mock.calls[0] as unknown as [string])[0];
    expect(text.startsWith('"""')).toBe(true);
    expect(text).toMatch(/print\(f"total: /);
  });

  it('without clipboard access, selects the program for the reader to copy', async () => {
    Object.defineProperty(navigator, 'clipboard', { value: undefined, configurable: true });
    const { store, edited } = editedFigure();
    act(() => store.getState().setScenario(edited));
    fireEvent.click(await screen.findByRole('button', { name: 'Copy code' }));
    await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent(/Ctrl\+C/));
    expect(window.getSelection()!.toString()).toContain('asyncio.run(main())');
  });
});
