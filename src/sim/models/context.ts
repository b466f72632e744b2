/** What every model driver gets: the expanded tasks, the resolved settings, the engine and the recorder. */
import { msToNs } from '../defaults';
import type { Recorder } from '../engine/recorder';
import { S } from '../engine/recorder';
import type { Sim } from '../engine/sim';
import type { SimThread } from '../engine/thread';
import type { Coord } from '../sync/coord';
import { BLOCKED } from '../sync/outcome';
import type { ResolvedSettings, Step, Task } from '../types';

export interface ModelContext {
  tasks: Task[];
  settings: ResolvedSettings;
  sim: Sim;
  rec: Recorder;
  /** Coordination primitives, shared variables and joins (sync/coord.ts); the model sets its flavour. */
  coord: Coord;
  /** Task indexes in the order they arrive (by startAtMs, ties in scenario order). */
  order: Int32Array;
  /** When each task arrives, ns. */
  arrivalNs: Float64Array;
}

/** Labels `${prefix} ${i}` for the first LABEL_CACHE_MAX of each prefix, kept between runs (10 000 threads, 10 000 labels). */
const LABEL_CACHE_MAX = 1 << 15;
const labelCache = new Map<string, string[]>();

/** The lane label `${prefix} ${i}` (thread 1, process 2 …), from the cache when there is one. */
export function numbered(prefix: string, i: number): string {
  if (i >= LABEL_CACHE_MAX) return `${prefix} ${i}`;
  let labels = labelCache.get(prefix);
  if (labels === undefined) labelCache.set(prefix, (labels = []));
  for (let k = labels.length; k <= i; k++) labels.push(`${prefix} ${k}`);
  return labels[i];
}

export function isPlain(step: Step): boolean {
  const k = step.kind;
  return k === 'cpu' || k === 'io' || k === 'native';
}

/**
 * Gives th step k of task t, run in place (no offloading):
 * cpu → bytecode (needs the GIL, scaled by cpuScale), native → a core without the GIL, io → a wait.
 * `blocking` and `offload` only matter under asyncio; elsewhere the step simply runs where the task runs.
 */
export function runStep(ctx: ModelContext, th: SimThread, t: number, k: number, cpuScale = 1): void {
  const step = ctx.tasks[t].steps[k];
  const ns = msToNs(step.durationMs);
  ctx.rec.stepStartNow(t, th.lane);
  if (step.kind === 'cpu')
    ctx.sim.run(th, cpuScale === 1 ? ns : Math.round(ns * cpuScale), S.running, t, k, true, true);
  else if (step.kind === 'native') ctx.sim.run(th, ns, S.native, t, k, false, true);
  else ctx.sim.wait(th, ns, S.io, t, k);
}

/** execThread results */
const STEP_DONE = 0; // the step is over and th was given no operation
const OP_GIVEN = 1; // th was given an operation that finishes the step
const PENDING = 2; // th was given an operation and the step is not over (it waits, or takes the GIL first)

/**
 * A coordination step on an OS thread. Calling acquire(), put() … is Python code: a thread that does not
 * hold its interpreter's GIL takes it first. A woken threading.Lock or join waiter retries in C, without
 * the GIL, and takes the GIL afterwards to go on. The step's durationMs (and any unpickling) runs after.
 */
function execThread(ctx: ModelContext, th: SimThread, t: number, k: number, cpuScale: number): number {
  const { sim, coord } = ctx;
  const inC = coord.retriesInC(t, k);
  if (th.gil !== null && !th.holdsGil && !inC) {
    sim.run(th, 0, S.running, t, k, true, false);
    return PENDING;
  }
  if (coord.attempt(t, k, th) === BLOCKED) return PENDING;
  const ns = Math.round(msToNs(ctx.tasks[t].steps[k].durationMs) * cpuScale) + coord.extraNs(t, k);
  if (ns > 0 || (th.gil !== null && !th.holdsGil)) {
    if (ns > 0) ctx.rec.stepStartNow(t, th.lane);
    sim.run(th, ns, S.running, t, k, true, ns > 0);
    return OP_GIVEN;
  }
  return STEP_DONE;
}

/** Runs task t's steps one after another on th: call from driver.next; returns false when the task has no steps left. */
export function continueTask(ctx: ModelContext, th: SimThread, cpuScale = 1): boolean {
  const t = th.job;
  const steps = ctx.tasks[t].steps;
  while (th.stepIdx < steps.length) {
    const k = th.stepIdx;
    if (isPlain(steps[k])) {
      th.stepIdx++;
      runStep(ctx, th, t, k, cpuScale);
      return true;
    }
    const r = execThread(ctx, th, t, k, cpuScale);
    if (r === PENDING) return true;
    th.stepIdx++;
    if (r === OP_GIVEN) return true;
  }
  return false;
}
