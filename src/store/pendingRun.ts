/**
 * The asynchronous path of a timeline store's re-simulation (see setAsyncSimulation in timelineStore.ts):
 * the new workload is shown in the state at once (so the next edit builds on it), the figure keeps the
 * traces it has until the new ones arrive, a run superseded by a newer edit is cancelled, and a failed or
 * cancelled run puts back the workload the figure shows. Workloads beyond the page's limits are refused
 * before anything runs (the error says what is too large).
 */
import { checkLimits, describeProblems, estimateEvents, PAGE_LIMITS } from '../sim/limits';
import type { ModelId, ModelSettings, Scenario, Trace } from '../sim/types';

export interface SimProgress {
  /** Models simulated so far, of `total`. */
  done: number;
  total: number;
}

export interface AsyncRun<R = { traces: Trace[]; baselineMs: number | null }> {
  result: Promise<R>;
  /** Skip the rest of the run; `hard`: stop it now, mid-model. */
  cancel(hard?: boolean): void;
}

export type AsyncSimulateFn = (
  scenario: Scenario,
  models: ModelId[],
  overrides: ModelSettings | undefined,
  onProgress: (p: SimProgress) => void,
) => AsyncRun;

/** Thrown (synchronously, state unchanged) for a workload the page will not simulate. */
export class LimitError extends Error {}

export function assertPageLimits(scenario: Scenario, overrides: ModelSettings | undefined): void {
  const problems = checkLimits(scenario, overrides ?? {}, PAGE_LIMITS);
  if (problems.length) throw new LimitError(`it is ${describeProblems(problems)}`);
}

/**
 * Estimated events (estimateEvents, all models together) a re-simulation may take on the page's own thread,
 * in the frame of the edit, rather than in the worker: a few milliseconds of simulating, less than the
 * worker's round trip, which lands after the edit's frame has been painted and so shows a frame later.
 */
export const ON_PAGE_WORK = 6_000;

/** Whether a re-simulation is small enough (within `budget`) to run on the page at once. */
export function fitsOnPage(
  scenario: Scenario,
  models: readonly ModelId[],
  overrides: ModelSettings | undefined,
  budget: number,
): boolean {
  return budget > 0 && models.length * estimateEvents(scenario, overrides) <= budget;
}

interface Workload {
  scenario: Scenario | null;
  models: ModelId[];
  overrides: ModelSettings | undefined;
}

interface PendingState extends Workload {
  pending: SimProgress | null;
  simError: string | null;
}

type Commit = (
  scenario: Scenario,
  models: ModelId[],
  overrides: ModelSettings | undefined,
  next: { traces: Trace[]; baselineMs: number | null },
  /** Set in the same update as the traces (one store update, one render). */
  extra?: Partial<PendingState>,
) => void;

export function pendingRuns(get: () => PendingState, set: (p: Partial<PendingState>) => void, commit: Commit) {
  let current: AsyncRun | null = null;
  /** What the figure shows while a run is pending. */
  let shown: Workload | null = null;
  let token = 0;

  const settle = () => {
    current = null;
    const back = shown;
    shown = null;
    return back;
  };

  /** Stops waiting for the pending run and cancels it (`hard`: at once); returns what settle() does. */
  const drop = (hard: boolean) => {
    token++;
    const run = current!;
    const back = settle();
    run.cancel(hard);
    return back;
  };

  return {
    start(simulate: AsyncSimulateFn, scenario: Scenario, models: ModelId[], overrides: ModelSettings | undefined) {
      assertPageLimits(scenario, overrides);
      const s = get();
      if (!current) shown = { scenario: s.scenario, models: s.models, overrides: s.overrides };
      current?.cancel();
      const mine = ++token;
      set({ scenario, models, overrides, pending: { done: 0, total: models.length }, simError: null });
      // The last model's progress is followed at once by the traces: the store changes once, with them.
      const run = simulate(scenario, models, overrides, (p) => {
        if (mine === token && p.done < p.total) set({ pending: p });
      });
      current = run;
      run.result.then(
        (next) => {
          if (mine !== token) return;
          settle();
          commit(scenario, models, overrides, next, { pending: null });
        },
        (error: unknown) => {
          if (mine !== token) return;
          const back = settle();
          const cancelled = (error as { cancelled?: boolean } | null)?.cancelled === true;
          const why = error instanceof Error ? error.message : String(error);
          set({ ...back, pending: null, simError: cancelled ? null : why });
        },
      );
    },
    /** The workload was simulated another way (on the page): the pending run's result is not wanted. */
    supersede() {
      if (current) drop(false);
    },
    /** The reader's Cancel: stop the run now and show the workload the figure has. */
    cancel() {
      if (current) set({ ...drop(true), pending: null, simError: null });
    },
  };
}
