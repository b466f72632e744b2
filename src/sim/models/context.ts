/** What every model driver gets: the expanded tasks, the resolved settings, the engine and the recorder. */
import { msToNs } from '../defaults';
import type { Recorder } from '../engine/recorder';
import { S } from '../engine/recorder';
import type { Sim } from '../engine/sim';
import type { SimThread } from '../engine/thread';
import type { ResolvedSettings, Task } from '../types';

export interface ModelContext {
  tasks: Task[];
  settings: ResolvedSettings;
  sim: Sim;
  rec: Recorder;
}

/**
 * Gives th step k of task t, run in place (no offloading):
 * cpu → bytecode (needs the GIL, scaled by cpuScale), native → a core without the GIL, io → a wait.
 * `blocking` and `offload` only matter under asyncio; elsewhere the step simply runs where the task runs.
 */
export function runStep(ctx: ModelContext, th: SimThread, t: number, k: number, cpuScale = 1): void {
  const step = ctx.tasks[t].steps[k];
  const ns = msToNs(step.durationMs);
  ctx.rec.stepStart(t, ctx.sim.now, th.lane);
  if (step.kind === 'cpu')
    ctx.sim.run(th, cpuScale === 1 ? ns : Math.round(ns * cpuScale), S.running, t, k, true, true);
  else if (step.kind === 'native') ctx.sim.run(th, ns, S.native, t, k, false, true);
  else ctx.sim.wait(th, ns, S.io, t, k);
}

/** Runs task t's steps one after another on th: call from driver.next; returns false when the task has no steps left. */
export function continueTask(ctx: ModelContext, th: SimThread, cpuScale = 1): boolean {
  const t = th.job;
  if (th.stepIdx >= ctx.tasks[t].steps.length) return false;
  runStep(ctx, th, t, th.stepIdx++, cpuScale);
  return true;
}
