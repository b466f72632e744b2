/** The messages between the page and the simulation worker (simWorker.ts, simClient.ts). */
import type { ModelId, ModelSettings, Scenario } from '../sim/types';
import type { PackedTrace } from './traceTransfer';

export interface RunRequest {
  type: 'run';
  id: number;
  scenario: Scenario;
  models: ModelId[];
  overrides?: ModelSettings;
  /** 'summary': tasks and metrics only (tables, figures in the prose). */
  trace?: 'full' | 'summary';
  /** The event cap of each model's run (PAGE_LIMITS.events.max). */
  maxEvents: number;
  /** Also find the sequential makespan when sequential is not among the models. */
  baseline?: boolean;
  /** When the page posted the request, in ms since the epoch (performance.timeOrigin + now), for the stages. */
  postedAt?: number;
}

export type ToWorker = RunRequest | { type: 'cancel'; id: number };

/**
 * Where a run's time went in the worker (ms): simulating, building the traces' records (0 when every trace
 * is packed straight from the simulator's buffers), packing them.
 */
export interface WorkerStages {
  simulateMs: number;
  materializeMs: number;
  packMs: number;
  /** From the page's posting of the request to the worker's starting it (delivery, the worker busy). */
  startWaitMs: number;
  /** The rest of the run's time in the worker: the turns between models, the sequential baseline. */
  otherMs: number;
  /** When the result was posted, in ms since the epoch (performance.timeOrigin + now: the page's clock). */
  postedAt: number;
}

export type FromWorker =
  | { type: 'progress'; id: number; done: number; total: number }
  | {
      type: 'done';
      id: number;
      traces: PackedTrace[];
      baselineMs: number | null;
      elapsedMs: number;
      stages: WorkerStages;
    }
  | { type: 'failed'; id: number; message: string }
  | { type: 'cancelled'; id: number };

/** What a cancelled run's promise is rejected with. */
export class RunCancelled extends Error {
  readonly cancelled = true;
  constructor() {
    super('the simulation was cancelled');
  }
}
