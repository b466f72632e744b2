import { beforeAll, describe, expect, it } from 'vitest';
import { render, screen, within } from '@testing-library/react';
import { MODEL_LABELS, simulate, type ModelId } from '../../sim';
import { loadScenario, preloadScenarios } from '../../content/scenarios';
import { ModelTable as Bare } from './ModelTable';
import { tableKit } from './kit';
import { formatTotal, rowsFrom } from './results';

beforeAll(() => preloadScenarios(['serve-every-20ms', 'fib35-x4']));

function row(model: ModelId): string[] {
  const r = screen.getByRole('row', { name: new RegExp(`^${MODEL_LABELS[model].replace(/[()]/g, '\\$&')}`) });
  return within(r)
    .getAllByRole('cell')
    .map((c) => c.textContent ?? '');
}

describe('ModelTable latency columns', () => {
  it('shows p50 and p95 latency per model when the tasks arrive over time', () => {
    render(<Bare scenario="serve-every-20ms" models="sequential threads" kit={tableKit} />);
    expect(screen.getByRole('columnheader', { name: 'Latency p50' })).toBeInTheDocument();
    expect(screen.getByRole('columnheader', { name: 'Latency p95' })).toBeInTheDocument();
    const entry = loadScenario('serve-every-20ms');
    if (!entry.ok) throw new Error(entry.error);
    for (const m of ['sequential', 'threads'] as const) {
      const { latency } = simulate(entry.scenario, m).metrics;
      const [, , p50, p95] = row(m);
      expect(p50, m).toBe(formatTotal(latency.p50Ms));
      expect(p95, m).toBe(formatTotal(latency.p95Ms));
    }
  });

  it('has no latency columns when every task starts at once', () => {
    render(<Bare scenario="fib35-x4" models="sequential threads" kit={tableKit} />);
    expect(screen.queryByRole('columnheader', { name: /Latency/ })).toBeNull();
    expect(row('threads')).toHaveLength(2);
  });

  it('rows carry latency from the run, and none from a bare makespan', () => {
    const rows = rowsFrom(
      (m) => (m === 'threads' ? { makespanMs: 10, latency: { p50Ms: 2, p95Ms: 3 } } : 20),
      ['sequential', 'threads'],
    );
    expect(rows[1]).toMatchObject({ ok: true, makespanMs: 10, speedup: 2, latency: { p50Ms: 2, p95Ms: 3 } });
    expect(rows[0]).toMatchObject({ ok: true, latency: null });
  });
});
