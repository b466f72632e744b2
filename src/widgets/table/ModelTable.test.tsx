import { beforeAll, describe, expect, it } from 'vitest';
import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { Suspense } from 'react';
import { renderToString } from 'react-dom/server';
import { hydrateRoot } from 'react-dom/client';
import { MODEL_LABELS, simulate, type ModelId, type Scenario } from '../../sim';
import { loadScenario, preloadScenarios } from '../../content/scenarios';
import { ModelTable as Bare, type ModelTableProps } from './ModelTable';
import { tableKit } from './kit';
import { ModelTable } from './index';
import { formatSpeedup, formatTotal } from './results';

beforeAll(() => preloadScenarios(['fib35-x4', 'ten-downloads', 'offload']));

/** The table as the registry hands it its shared modules. */
const ModelTableImpl = (props: ModelTableProps) => <Bare {...props} kit={tableKit} />;

const MODELS: ModelId[] = ['sequential', 'asyncio', 'threads', 'processes'];

function scenario(id: string): Scenario {
  const entry = loadScenario(id);
  if (!entry.ok) throw new Error(entry.error);
  return structuredClone(entry.scenario);
}

function cells(model: ModelId): string[] {
  const row = screen.getByRole('row', { name: new RegExp(`^${MODEL_LABELS[model].replace(/[()]/g, '\\$&')}`) });
  return within(row)
    .getAllByRole('cell')
    .map((c) => c.textContent ?? '');
}

/** What the table should say for a scenario, straight from the simulator. */
function expectTable(s: Scenario, models: ModelId[] = MODELS) {
  const base = simulate(s, 'sequential').makespanMs;
  for (const model of models) {
    const total = simulate(s, model).makespanMs;
    const [time, speedup] = cells(model);
    expect(time, model).toBe(formatTotal(total));
    expect(speedup, model).toBe(formatSpeedup(base / total));
  }
}

const input = (name: RegExp) => screen.getByRole('spinbutton', { name });

describe('<ModelTable>', () => {
  it('shows the simulated total and speed-up of every model', () => {
    render(<ModelTableImpl scenario="fib35-x4" models="sequential asyncio threads processes" />);
    expect(screen.getByRole('table', { name: 'fib(35) four times' })).toBeInTheDocument();
    expectTable(scenario('fib35-x4'));
  });

  it('re-simulates every cell when a duration, a count or the cores change', () => {
    render(<ModelTableImpl scenario="fib35-x4" />);
    fireEvent.change(input(/fib\(35\) duration/), { target: { value: '1' } });
    const s = scenario('fib35-x4');
    s.tasks[0].steps[0].durationMs = 1000;
    expectTable(s);
    fireEvent.change(input(/number of fib35 tasks/i), { target: { value: '6' } });
    s.tasks[0].count = 6;
    expectTable(s);
    fireEvent.change(input(/cpu cores/i), { target: { value: '2' } });
    s.machine.cores = 2;
    expectTable(s);
  });

  it('gives every input a name that says what it changes, with "duration" on every duration', () => {
    render(<ModelTableImpl scenario="offload" />);
    const names = screen
      .getAllByRole('spinbutton')
      .map((el) => el.getAttribute('aria-label') ?? el.closest('label')!.textContent);
    expect(names).toContain('CPU cores');
    expect(names).toContain('ticker: waiting duration (s)');
    expect(names).toContain('hash: asyncio.to_thread(work) duration (s)');
    for (const el of screen.getAllByRole('spinbutton')) {
      if (el.getAttribute('step') === 'any') expect(el.closest('label')!.textContent).toMatch(/duration/);
    }
  });

  it('clamps out-of-range values, says so, and simulates the clamped value', () => {
    render(<ModelTableImpl scenario="fib35-x4" />);
    fireEvent.change(input(/cpu cores/i), { target: { value: '500' } });
    expect(screen.getByRole('status')).toHaveTextContent('CPU cores can be at most 128: using 128.');
    const s = scenario('fib35-x4');
    s.machine.cores = 128;
    expectTable(s);
    fireEvent.change(input(/fib\(35\) duration/), { target: { value: '75' } });
    expect(screen.getByRole('status')).toHaveTextContent('fib(35) duration can be at most 60 s: using 60 s.');
    fireEvent.change(input(/cpu cores/i), { target: { value: '' } });
    expect(screen.getByRole('status')).toHaveTextContent('Enter a number for CPU cores.');
    fireEvent.blur(input(/cpu cores/i));
    expect(input(/cpu cores/i)).toHaveValue(128);
  });

  it('keeps all groups within 10 000 tasks', () => {
    render(<ModelTableImpl scenario="offload" models="sequential asyncio" />);
    fireEvent.change(input(/ticker: number of tasks/), { target: { value: '20000' } });
    expect(screen.getByRole('status')).toHaveTextContent('can be at most 9998 (at most 10 000 tasks in all)');
    expect(input(/ticker: number of tasks/)).toHaveAttribute('max', '9998');
  });

  it('changes the process pool and resets everything', () => {
    render(<ModelTableImpl scenario="ten-downloads" />);
    fireEvent.change(input(/process pool size/i), { target: { value: '10' } });
    const s = scenario('ten-downloads');
    s.modelSettings = { processes: { poolSize: 10 } };
    expectTable(s);
    const table = screen.getByRole('table');
    expect(table).toHaveAccessibleName(/Workload changed from the article’s$/);
    fireEvent.change(input(/download duration/i), { target: { value: '2' } });
    fireEvent.click(screen.getByRole('button', { name: 'Reset' }));
    expectTable(scenario('ten-downloads'));
    expect(input(/download duration/i)).toHaveValue(5);
    expect(table).not.toHaveAccessibleName(/changed/);
  });

  it('shows published and measured figures beside the simulated ones, and flags them once the workload changes', () => {
    render(
      <ModelTableImpl
        scenario="fib35-x4"
        reference="sequential=~10 s, processes=~2.5 s"
        referenceNote="an 8-core laptop."
        measured="threads=3.001 s"
      />,
    );
    expect(screen.getByRole('columnheader', { name: 'Tutorial' })).toBeInTheDocument();
    expect(screen.getByRole('columnheader', { name: 'Measured' })).toBeInTheDocument();
    expect(cells('processes')[2]).toBe('~2.5 s');
    expect(cells('threads')[3]).toBe('3.001 s');
    expect(cells('asyncio')[2]).toBe('—');
    fireEvent.change(input(/cpu cores/i), { target: { value: '4' } });
    expect(screen.getByText(/figures are for the original workload/)).toBeInTheDocument();
  });

  it('says a model is too large to simulate instead of freezing the page', () => {
    render(<ModelTableImpl scenario="fib35-x4" models="asyncio threads" />);
    fireEvent.change(input(/number of fib35 tasks/i), { target: { value: '2000' } });
    expect(cells('threads')[0]).toMatch(/too large to simulate/);
    expect(cells('asyncio')[0]).toBe(
      formatTotal(
        simulate({ ...scenario('fib35-x4'), tasks: [{ ...scenario('fib35-x4').tasks[0], count: 2000 }] }, 'asyncio')
          .makespanMs,
      ),
    );
  });

  it('reports an unknown scenario in place', () => {
    render(<ModelTableImpl scenario="no-such-thing" />);
    expect(screen.getByRole('alert')).toHaveTextContent('no-such-thing');
  });
});

describe('<ModelTable> on a prerendered page', () => {
  it('hydrates the server HTML without recoverable errors, then responds to input', async () => {
    const tag = <ModelTableImpl scenario="ten-downloads" reference="sequential=~50 s" />;
    // As the server renders the registered tag: the widget whole, inside the wrapper that watches the viewport.
    const html = renderToString(
      <div className="model-table-island">
        <Suspense fallback={null}>{tag}</Suspense>
      </div>,
    );
    expect(html).toContain('<table');
    expect(html).toContain(formatTotal(simulate(scenario('ten-downloads'), 'processes').makespanMs));
    const el = document.createElement('div');
    el.innerHTML = html;
    document.body.append(el);
    const errors: unknown[] = [];
    await act(async () => {
      hydrateRoot(el, <ModelTable scenario="ten-downloads" reference="sequential=~50 s" />, {
        onRecoverableError: (e) => errors.push(e),
      });
    });
    // The registered tag loads its code lazily in the browser; wait for it to take over the server HTML
    // (it answers input only once hydrated).
    const s = scenario('ten-downloads');
    s.machine.cores = 1;
    await waitFor(
      () => {
        fireEvent.change(within(el).getByRole('spinbutton', { name: /cpu cores/i }), { target: { value: '1' } });
        expectTable(s);
      },
      { timeout: 5000, interval: 25 },
    );
    expect(errors).toEqual([]);
    el.remove();
  });
});
