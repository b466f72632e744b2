/** Turning recorded segments and asyncio resumptions into scenario steps. */
import type { Step } from '../types';
import { classifySegment, clip, type Cover } from './classify';
import { coreShareMs, ownContention, type Demand } from './demand';
import type { Held } from './held';
import type { RecordedSegment, RecordedTask, RecordedThread } from './types';

/** Waits shorter than this are noise of the sampling (one sample is 1 ms by default), not steps. */
const MIN_IO_MS = 0.2;
/** CPU slices shorter than this are bookkeeping the simulator already charges (task switches, starts). */
const MIN_CPU_MS = 0.01;

const round = (ms: number): number => Math.round(ms * 1000) / 1000;

/** Appends a step, merging it into the previous one when they are of the same kind. */
export function pushStep(steps: Step[], step: Step): void {
  const last = steps[steps.length - 1];
  if (
    last &&
    last.kind === step.kind &&
    (last.blocking ?? false) === (step.blocking ?? false) &&
    last.offload === step.offload
  ) {
    last.durationMs = round(last.durationMs + step.durationMs);
    return;
  }
  steps.push({ ...step, durationMs: round(step.durationMs) });
}

/** Drops the steps too short to matter; never returns an empty list. */
export function tidySteps(steps: Step[]): Step[] {
  const out: Step[] = [];
  for (const s of steps) {
    if (s.kind === 'io' && s.durationMs < MIN_IO_MS) continue;
    if ((s.kind === 'cpu' || s.kind === 'native') && !s.offload && s.durationMs < MIN_CPU_MS) continue;
    pushStep(out, s);
  }
  return out.length > 0 ? out : [{ kind: 'cpu', durationMs: 0 }];
}

/**
 * A thread's work in [fromMs, toMs): the wall time of every real wait, and for the rest its compute. Under
 * a GIL (`held`, see held.ts) that is the time it held the GIL: its share of the stretches in which it
 * wanted to run. Without one: the wall time of its running stretches. Where the program itself wanted
 * more cores than there are, its share of the cores, or its CPU time where that is more (the replay
 * decides again who waits for a core).
 */
export function threadSteps(
  thread: RecordedThread,
  fromMs: number,
  toMs: number,
  cover: Cover,
  gil: boolean,
  demand: Demand,
  held?: Held,
): Step[] {
  const steps: Step[] = [];
  // Compute while the program wanted more cores than there are, counted over the whole run of such
  // stretches: its CPU time, or its share of the cores where that is more (demand.ts coreShareMs). One
  // sample sees a thread run, the next sees it wait for the core, so the rule holds over the run, not
  // per sample.
  let contended = { cpuMs: 0, shareMs: 0 };
  const flush = () => {
    if (contended.cpuMs > 0 || contended.shareMs > 0)
      pushStep(steps, { kind: 'cpu', durationMs: Math.max(contended.cpuMs, contended.shareMs) });
    contended = { cpuMs: 0, shareMs: 0 };
  };
  for (const seg of clip(thread.segments, fromMs, toMs)) {
    const c = classifySegment(seg, cover, gil);
    const own = c.state !== 'io' && ownContention(demand, c.startMs, c.endMs);
    if (own && (c.state === 'running' || c.state === 'wait-core')) {
      const heldMs = held ? held.ms(thread.id, c.startMs, c.endMs) : c.endMs - c.startMs;
      const nativeMs = held ? held.nativeMs(thread.id, c.startMs, c.endMs) : 0;
      if (nativeMs === 0) {
        contended.cpuMs += c.state === 'running' ? Math.min(c.cpuMs, heldMs) : c.cpuMs;
        contended.shareMs += Math.min(heldMs, coreShareMs(demand, c.startMs, c.endMs));
        continue;
      }
    }
    flush();
    const heldMs = () => (held ? held.ms(thread.id, c.startMs, c.endMs) : c.endMs - c.startMs);
    const nativeMs = held ? held.nativeMs(thread.id, c.startMs, c.endMs) : 0;
    if (nativeMs > 0 && c.state !== 'io') {
      // C code beside the GIL's holder (held.ts): held time as cpu, the rest as native; where the program
      // wanted more cores than there are, no more than its CPU time.
      const gilMs = heldMs();
      const own = ownContention(demand, c.startMs, c.endMs) && gilMs + nativeMs > c.cpuMs;
      const scale = own ? c.cpuMs / (gilMs + nativeMs) : 1;
      pushStep(steps, { kind: 'cpu', durationMs: gilMs * scale });
      pushStep(steps, { kind: 'native', durationMs: nativeMs * scale });
      continue;
    }
    if (c.state === 'io') {
      pushStep(steps, { kind: 'cpu', durationMs: c.cpuMs });
      pushStep(steps, { kind: 'io', durationMs: c.endMs - c.startMs, label: c.label });
    } else if (c.state === 'running') {
      // Running the whole time: its wall time is what the work took on this machine, preemptions by other
      // programs included (where the program itself wanted more cores than there are, the samples that
      // caught it running also hold the time its own threads and processes took the core from it, and
      // the replay shares the cores again: that is the contended case above).
      pushStep(steps, { kind: 'cpu', durationMs: heldMs() });
    } else if (c.state === 'wait-core') {
      // Held up by other programs on the machine (see demand.ts): as long as it took here.
      pushStep(steps, { kind: 'cpu', durationMs: heldMs() });
    } else if (c.state === 'wait-gil' && held) {
      pushStep(steps, { kind: 'cpu', durationMs: heldMs() });
    } else pushStep(steps, { kind: 'cpu', durationMs: c.cpuMs });
  }
  flush();
  return tidySteps(steps);
}

/**
 * Labelled waits of the loop thread inside [fromMs, toMs): a synchronous call that blocked the loop (not
 * the selector, and not a wait for a core, which is compute held up).
 */
function blockedMs(loop: readonly RecordedSegment[] | undefined, fromMs: number, toMs: number): number {
  if (!loop) return 0;
  let sum = 0;
  for (const s of clip(loop, fromMs, toMs))
    if (s.state === 'waiting' && s.label && s.label !== 'select' && s.label !== 'core') sum += s.endMs - s.startMs;
  return sum;
}

/**
 * An asyncio task: each resumption is Python code on the loop (its CPU time, or what `work` makes of the
 * stretch, plus any blocking call the loop thread was caught waiting in: `blocked`, by default its
 * labelled waits); each await between is a wait, or a to_thread offload.
 */
export function taskSteps(
  task: RecordedTask,
  loop: readonly RecordedSegment[] | undefined,
  work?: (startMs: number, endMs: number, cpuMs: number) => number,
  blocked: (startMs: number, endMs: number) => number = (s, e) => blockedMs(loop, s, e),
): Step[] {
  const steps: Step[] = [];
  const events = [
    ...task.resumptions.map((r) => ({ at: r.startMs, r, w: undefined })),
    ...task.awaits.map((w) => ({ at: w.startMs, r: undefined, w })),
  ].sort((a, b) => a.at - b.at);
  for (const e of events) {
    if (e.r) {
      const stuck = blocked(e.r.startMs, e.r.endMs);
      pushStep(steps, { kind: 'cpu', durationMs: work ? work(e.r.startMs, e.r.endMs, e.r.cpuMs) : e.r.cpuMs });
      if (stuck > 0) pushStep(steps, { kind: 'io', durationMs: stuck, blocking: true, label: 'blocking call' });
    } else if (e.w) {
      // A sleep that was due before the task ran again waited for the loop after it: the replay's loop
      // makes that wait of its own, so the step is the sleep alone.
      const ms = (e.w.dueMs ?? e.w.endMs) - e.w.startMs;
      if (e.w.label === 'executor')
        pushStep(steps, { kind: 'cpu', durationMs: ms, offload: 'thread', label: 'to_thread' });
      else pushStep(steps, { kind: 'io', durationMs: ms, label: e.w.label ?? 'await' });
    }
  }
  return tidySteps(steps);
}
