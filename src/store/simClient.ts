/**
 * The page's side of the simulation worker: runs go to the worker and come back as traces (unpacked from
 * typed arrays). `cancel()` tells the worker to skip the rest of a run (a newer edit superseded it);
 * `cancel(true)` stops it at once, mid-model, by ending the worker (the runs it also had are sent to a
 * fresh one). `installWorkerSimulation` makes every timeline re-simulate this way (timelineStore.ts), but for
 * workloads small enough to simulate at once in the edit's own frame (ON_PAGE_WORK, pendingRun.ts).
 */
import { PAGE_LIMITS } from '../sim/limits';
import type { ModelId, ModelSettings, Scenario, Trace } from '../sim/types';
import { RunCancelled, type FromWorker, type RunRequest, type ToWorker, type WorkerStages } from './simProtocol';

import { ON_PAGE_WORK } from './pendingRun';
import { setAsyncSimulation, type AsyncRun, type SimProgress } from './timelineStore';
import { nextTurn, type Schedule } from './nextTurn';
import { unpackTrace, type PackedTrace } from './traceTransfer';
import { takeSimWorker } from './workerStart';

export { RunCancelled };

export interface WorkerLike {
  postMessage(message: ToWorker): void;
  terminate(): void;
  onmessage: ((e: MessageEvent<FromWorker>) => void) | null;
  onerror: ((e: ErrorEvent) => void) | null;
}

export interface RunResult {
  traces: Trace[];
  baselineMs: number | null;
  elapsedMs: number;
}

/** Where the last finished run's time went: the worker's stages, then the page's (ms, performance.now). */
export interface RunStages extends WorkerStages {
  /** When the result reached the page. */
  receivedAt: number;
  /** From the worker's post to the page's handler (copying the message, the page busy with other work). */
  transitMs: number;
  unpackMs: number;
}

export interface ClientRun {
  scenario: Scenario;
  models: ModelId[];
  overrides?: ModelSettings;
  trace?: 'full' | 'summary';
  baseline?: boolean;
  /** The event cap of each model's run (default: the page's, PAGE_LIMITS.events.max). */
  maxEvents?: number;
}

interface Pending {
  request: RunRequest;
  resolve(r: RunResult): void;
  reject(e: Error): void;
  onProgress?: (p: SimProgress) => void;
}

/** Records (spans, events, lanes, tasks) above which a result is unpacked and committed in separate tasks. */
export const SPLIT_RECORDS = 20_000;

const recordCount = (traces: readonly PackedTrace[]) =>
  traces.reduce((n, t) => n + t.spans.n + t.events.n + t.lanes.n + t.tasks.n, 0);

export class SimClient {
  private worker: WorkerLike | null = null;
  private schedule: Schedule | null = null;
  private lastId = 0;
  private readonly pending = new Map<number, Pending>();
  /** The stages of the last run that finished (for the benchmark), or null. */
  lastStages: RunStages | null = null;

  constructor(
    private readonly make: () => WorkerLike,
    private readonly maxEvents = PAGE_LIMITS.events.max,
  ) {}

  /** Runs in flight or queued (for tests and the benchmark). */
  get size(): number {
    return this.pending.size;
  }

  run(run: ClientRun, onProgress?: (p: SimProgress) => void): AsyncRun<RunResult> {
    const id = ++this.lastId;
    const request: RunRequest = { type: 'run', id, ...run, maxEvents: run.maxEvents ?? this.maxEvents };
    const result = new Promise<RunResult>((resolve, reject) => {
      this.pending.set(id, { request, resolve, reject, onProgress });
    });
    this.ensure().postMessage({ ...request, postedAt: performance.timeOrigin + performance.now() });
    return { result, cancel: (hard = false) => this.cancel(id, hard) };
  }

  private ensure(): WorkerLike {
    if (this.worker) return this.worker;
    const w = this.make();
    w.onmessage = (e) => this.receive(e.data);
    w.onerror = (e) => {
      e.preventDefault?.();
      this.failAll(`the simulation stopped (${e.message || 'worker error'})`);
    };
    this.worker = w;
    return w;
  }

  private receive(msg: FromWorker) {
    const p = this.pending.get(msg.id);
    if (!p) return;
    if (msg.type === 'progress') {
      p.onProgress?.({ done: msg.done, total: msg.total });
      return;
    }
    this.pending.delete(msg.id);
    if (msg.type === 'done') {
      const receivedAt = performance.now();
      const result = { traces: msg.traces.map(unpackTrace), baselineMs: msg.baselineMs, elapsedMs: msg.elapsedMs };
      const transitMs = performance.timeOrigin + receivedAt - msg.stages.postedAt;
      this.lastStages = { ...msg.stages, receivedAt, transitMs, unpackMs: performance.now() - receivedAt };
      // A large result is committed (and drawn) in a task of its own, after the one that unpacked it: two
      // shorter tasks rather than one long one. A small one at once, in this task.
      if (recordCount(msg.traces) > SPLIT_RECORDS) (this.schedule ??= nextTurn())(() => p.resolve(result));
      else p.resolve(result);
    } else if (msg.type === 'failed') p.reject(new Error(msg.message));
    else p.reject(new RunCancelled());
  }

  private cancel(id: number, hard: boolean) {
    const p = this.pending.get(id);
    if (!p) return;
    if (!hard || !this.worker) {
      this.worker?.postMessage({ type: 'cancel', id });
      return;
    }
    // Stop now: end the worker, give the others to a new one.
    this.pending.delete(id);
    p.reject(new RunCancelled());
    this.worker.terminate();
    this.worker = null;
    if (this.pending.size === 0) return;
    const w = this.ensure();
    for (const other of this.pending.values()) w.postMessage(other.request);
  }

  private failAll(message: string) {
    this.worker?.terminate();
    this.worker = null;
    for (const p of this.pending.values()) p.reject(new Error(message));
    this.pending.clear();
  }

  terminate(): void {
    this.failAll('the simulation was stopped');
  }
}

let shared: SimClient | null = null;

/** The page's one worker client, or null where there are no workers (the server, tests). */
export function pageSimClient(): SimClient | null {
  if (shared) return shared;
  if (typeof Worker !== 'function' || typeof window === 'undefined') return null;
  shared = new SimClient(() => takeSimWorker() as unknown as WorkerLike);
  return shared;
}

/** Every timeline re-simulates in the worker from now on; false where there are no workers. */
export function installWorkerSimulation(): boolean {
  const client = pageSimClient();
  if (!client) return false;
  setAsyncSimulation(
    (scenario, models, overrides, onProgress) =>
      client.run({ scenario, models, overrides, baseline: true }, onProgress),
    ON_PAGE_WORK,
  );
  return true;
}
