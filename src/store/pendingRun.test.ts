import { afterEach, describe, expect, it } from 'vitest';
import { simulate } from '../sim/simulate';
import type { ModelId, ModelSettings, Scenario } from '../sim/types';
import { sequentialMakespan } from './baseline';
import { fitsOnPage } from './pendingRun';
import { createTimelineStore, setAsyncSimulation, type AsyncRun, type SimProgress } from './timelineStore';

const scenario: Scenario = {
  id: 'mix',
  title: 'mix',
  machine: { cores: 2 },
  tasks: [
    { name: 'calc', count: 2, steps: [{ kind: 'cpu', durationMs: 40 }] },
    { name: 'dl', steps: [{ kind: 'io', durationMs: 30 }] },
  ],
};

/** An asynchronous simulation the test finishes by hand: each run waits until `finish(i)` or `fail(i)`. */
function manualRuns(onPageWork = 0) {
  const runs: {
    models: ModelId[];
    overrides?: ModelSettings;
    progress: (p: SimProgress) => void;
    resolve: () => void;
    reject: (e: unknown) => void;
    cancelled: boolean | 'hard';
  }[] = [];
  setAsyncSimulation((sc, models, overrides, progress): AsyncRun => {
    let resolve!: () => void;
    let reject!: (e: unknown) => void;
    const result = new Promise<void>((ok, no) => ((resolve = ok), (reject = no))).then(() => ({
      traces: models.map((m) => simulate(sc, m, overrides)),
      baselineMs: sequentialMakespan(sc),
    }));
    const run = { models, overrides, progress, resolve, reject, cancelled: false as boolean | 'hard' };
    runs.push(run);
    return { result, cancel: (hard) => void (run.cancelled = hard ? 'hard' : true) };
  }, onPageWork);
  return runs;
}

const settle = () => new Promise((r) => setTimeout(r, 0));

afterEach(() => setAsyncSimulation(null));

describe('re-simulating asynchronously', () => {
  it('keeps the last good traces until the new ones arrive, then commits them in one update', async () => {
    const store = createTimelineStore({ scenario, models: ['asyncio', 'threads'], simulate });
    const runs = manualRuns();
    const before = store.getState().traces;
    store.getState().setOverrides({ switchIntervalMs: 1 });
    expect(store.getState().traces).toBe(before);
    expect(store.getState().pending).toEqual({ done: 0, total: 2 });
    runs[0].progress({ done: 1, total: 2 });
    expect(store.getState().pending).toEqual({ done: 1, total: 2 });
    const updates: { traces: unknown; pending: unknown }[] = [];
    store.subscribe((s) => updates.push({ traces: s.traces, pending: s.pending }));
    // The last model's progress comes just before the traces: it changes nothing on its own.
    runs[0].progress({ done: 2, total: 2 });
    expect(updates).toHaveLength(0);
    runs[0].resolve();
    await settle();
    expect(updates).toHaveLength(1);
    expect(updates[0].pending).toBeNull();
    expect(store.getState().traces).not.toBe(before);
    expect(store.getState().traces[1].settings.switchIntervalMs).toBe(1);
    expect(store.getState().revision).toBe(1);
  });

  it('a newer edit cancels the older run, whose late result is dropped', async () => {
    const store = createTimelineStore({ scenario, models: ['threads'], simulate });
    const runs = manualRuns();
    store.getState().setOverrides({ switchIntervalMs: 1 });
    store.getState().setOverrides({ switchIntervalMs: 2 });
    expect(runs[0].cancelled).toBe(true);
    runs[1].resolve();
    await settle();
    runs[0].resolve();
    await settle();
    expect(store.getState().traces[0].settings.switchIntervalMs).toBe(2);
    expect(store.getState().revision).toBe(1);
  });

  it('Cancel stops the run at once and puts back the workload the figure shows', async () => {
    const store = createTimelineStore({ scenario, models: ['threads'], simulate });
    const runs = manualRuns();
    const before = store.getState().traces;
    store.getState().setOverrides({ switchIntervalMs: 1 });
    store.getState().cancelPending();
    expect(runs[0].cancelled).toBe('hard');
    expect(store.getState()).toMatchObject({ overrides: undefined, pending: null, simError: null });
    runs[0].reject(new Error('late'));
    await settle();
    expect(store.getState().traces).toBe(before);
    expect(store.getState().simError).toBeNull();
  });
});

describe('re-simulating a small workload on the page', () => {
  const big: Scenario = { ...scenario, tasks: [{ name: 'dl', count: 2_000, steps: [{ kind: 'io', durationMs: 30 }] }] };

  it('fits the budget by the estimated events of all the models together', () => {
    expect(fitsOnPage(scenario, ['asyncio', 'threads'], undefined, 6_000)).toBe(true);
    expect(fitsOnPage(big, ['asyncio', 'threads'], undefined, 6_000)).toBe(false);
    expect(fitsOnPage(scenario, ['asyncio'], undefined, 0)).toBe(false);
  });

  it('commits at once, in the edit, and drops the result of a run still pending', async () => {
    const store = createTimelineStore({ scenario: big, models: ['asyncio'], simulate });
    const runs = manualRuns(6_000);
    store.getState().setOverrides({ switchIntervalMs: 1 });
    expect(runs).toHaveLength(1);
    expect(store.getState().pending).not.toBeNull();
    store.getState().setScenario(scenario);
    expect(runs).toHaveLength(1);
    expect(runs[0].cancelled).toBe(true);
    expect(store.getState()).toMatchObject({ scenario, pending: null, simError: null, revision: 1 });
    expect(store.getState().traces[0].settings.switchIntervalMs).toBe(1);
    runs[0].resolve();
    await settle();
    expect(store.getState().revision).toBe(1);
    expect(store.getState().scenario).toBe(scenario);
  });
});
