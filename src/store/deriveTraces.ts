/**
 * Where a timeline store's traces come from: `deriveTraces` simulates a workload's models at once, and
 * `setAsyncSimulation` sends re-simulations elsewhere (the page's worker) from then on.
 */
import { baselineOf } from '../sim/baseline';
import type { ModelId, ModelSettings, Scenario, Trace } from '../sim/types';
import type { BaselineFn } from './baseline';
import type { AsyncSimulateFn } from './pendingRun';

let current: { run: AsyncSimulateFn; onPageWork: number } | null = null;
/**
 * From now on, stores re-simulate through `fn` (the page's worker, simClient.ts): setScenario, setModels
 * and setOverrides return at once and the traces follow. null: synchronously again (the server, tests).
 * A workload whose estimated work fits `onPageWork` (pendingRun.ts) is still simulated at once on the page.
 */
export function setAsyncSimulation(fn: AsyncSimulateFn | null, onPageWork = 0): void {
  current = fn ? { run: fn, onPageWork } : null;
}

/** The re-simulation set by setAsyncSimulation, or null (simulate at once). */
export const asyncSimulation = () => current;

export type SimulateFn = (scenario: Scenario, model: ModelId, overrides?: ModelSettings) => Trace;
/** The sequential makespan without simulating it (optional shortcut for big scenarios): baseline.ts. */
export type { BaselineFn };

/** Traces for the models, plus the sequential makespan to compare against. Throws what simulate throws. */
export function deriveTraces(
  scenario: Scenario,
  models: readonly ModelId[],
  simulate: SimulateFn,
  overrides?: ModelSettings,
  baseline?: BaselineFn,
): { traces: Trace[]; baselineMs: number | null } {
  const traces = models.map((m) => simulate(scenario, m, overrides));
  const seq = traces.find((t) => t.model === 'sequential');
  // Sequential code that blocks for good gives no baseline (baseline.ts).
  let baselineMs: number | null = seq ? baselineOf(seq) : (baseline?.(scenario, overrides) ?? null);
  if (baselineMs === null && !seq) {
    try {
      baselineMs = baselineOf(simulate(scenario, 'sequential', overrides));
    } catch {
      baselineMs = null;
    }
  }
  return { traces, baselineMs };
}
