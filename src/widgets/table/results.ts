/**
 * One row per model for a <ModelTable>: the simulated total time and the speed-up over running the tasks
 * one after another. Summary traces only (no spans), and an event cap so that a huge workload typed into
 * the page cannot freeze it: a model that needs more events says so instead of a time. In the browser the
 * edited workload's rows are simulated in the page's worker (useRows.ts); here, synchronously.
 */
import type { ModelId, Scenario, Trace } from '../../sim';
import type { TableKit } from './kit';

/** Simulated events per model before the table gives up on it (a few hundred milliseconds of work). */
export const EVENT_CAP = 400_000;

/** Request latency (end − arrival) of a run, for workloads whose tasks arrive over time. */
export interface Latency {
  p50Ms: number;
  p95Ms: number;
}

export type Row =
  | { model: ModelId; ok: true; makespanMs: number; speedup: number | null; latency: Latency | null }
  | { model: ModelId; ok: false; reason: string };

type Simulate = TableKit['simulate'];

function run(simulate: Simulate, scenario: Scenario, model: ModelId): Outcome {
  try {
    return outcomeOf(simulate(scenario, model, { trace: 'summary', maxEvents: EVENT_CAP }));
  } catch (error) {
    // The simulator's SimulationError for a run that hit the cap.
    return reasonOf(error instanceof Error ? error.message : String(error));
  }
}

/** A model's makespan (with its latency percentiles), or why there is none. */
export type Outcome = number | string | { makespanMs: number; latency: Latency };

/** What the table keeps of a summary trace. */
export function outcomeOf(trace: Pick<Trace, 'makespanMs' | 'metrics'>): Outcome {
  const { p50Ms, p95Ms } = trace.metrics.latency;
  return { makespanMs: trace.makespanMs, latency: { p50Ms, p95Ms } };
}

const makespanOf = (o: Outcome): number | string => (typeof o === 'object' ? o.makespanMs : o);

/** The rows from each model's outcome (sequential's is the baseline of the speed-ups). */
export function rowsFrom(outcome: (model: ModelId) => Outcome, models: readonly ModelId[]): Row[] {
  const baseline = outcome('sequential');
  return models.map((model) => {
    const result = model === 'sequential' ? baseline : outcome(model);
    if (typeof result === 'string') return { model, ok: false, reason: result };
    const ms = typeof result === 'object' ? result.makespanMs : result;
    const base = makespanOf(baseline);
    const speedup = typeof base === 'number' && ms > 0 ? base / ms : null;
    const latency = typeof result === 'object' ? result.latency : null;
    return { model, ok: true, makespanMs: ms, speedup, latency };
  });
}

export function simulateRows(simulate: Simulate, scenario: Scenario, models: readonly ModelId[]): Row[] {
  const memo = new Map<ModelId, Outcome>();
  return rowsFrom((m) => {
    if (!memo.has(m)) memo.set(m, run(simulate, scenario, m));
    return memo.get(m)!;
  }, models);
}

/** What a failed run in the worker says, as the table says it. */
export const reasonOf = (message: string): string =>
  /event cap/.test(message) ? 'too large to simulate in the page' : message;

/** "sequential=10 s, processes=2.5 s" → { sequential: "10 s", processes: "2.5 s" }. */
export function parseFigures(text: string | undefined): Partial<Record<ModelId, string>> {
  const out: Partial<Record<ModelId, string>> = {};
  for (const part of (text ?? '').split(',')) {
    const eq = part.indexOf('=');
    if (eq < 0) continue;
    const key = part.slice(0, eq).trim() as ModelId;
    const value = part.slice(eq + 1).trim();
    if (key && value) out[key] = value;
  }
  return out;
}

/** Totals to the millisecond, like the measurements beside them: "10.214 s", "537.98 ms", "84.0 µs". */
export function formatTotal(ms: number): string {
  if (!Number.isFinite(ms)) return '—';
  if (ms >= 1000) return `${(ms / 1000).toFixed(3)} s`;
  if (ms >= 1) return `${ms.toFixed(2)} ms`;
  return `${(ms * 1000).toFixed(1)} µs`;
}

export function formatSpeedup(x: number | null): string {
  if (x === null || !Number.isFinite(x)) return '—';
  return `${x >= 100 ? Math.round(x) : x.toFixed(x >= 10 ? 1 : 2)}×`;
}
