/**
 * Fast lookups into a trace: the spans of each lane, the span under a time, which state each
 * task is in at a time. Built once per trace object and cached.
 */
import type { Span, SpanState, Trace } from '../sim/types';

export interface TraceIndex {
  trace: Trace;
  /** Spans sorted by lane, then start (the trace's own order, or a sorted copy). */
  spans: readonly Span[];
  /** Spans of lane l are spans[laneStart[l] .. laneStart[l + 1]). */
  laneStart: Int32Array;
  /** Lane index of each task's lane (-1 if the task has no lane). */
  taskLane: Int32Array;
  /** Task end times, sorted ascending. */
  taskEnds: Float64Array;
}

const cache = new WeakMap<Trace, TraceIndex>();

function isSorted(spans: readonly Span[]): boolean {
  for (let i = 1; i < spans.length; i++) {
    const a = spans[i - 1];
    const b = spans[i];
    if (a.lane > b.lane || (a.lane === b.lane && a.startMs > b.startMs)) return false;
  }
  return true;
}

export function indexTrace(trace: Trace): TraceIndex {
  const hit = cache.get(trace);
  if (hit) return hit;
  const spans = isSorted(trace.spans)
    ? trace.spans
    : [...trace.spans].sort((a, b) => a.lane - b.lane || a.startMs - b.startMs);
  const n = trace.lanes.length;
  const laneStart = new Int32Array(n + 1);
  for (const s of spans) if (s.lane >= 0 && s.lane < n) laneStart[s.lane + 1]++;
  for (let l = 0; l < n; l++) laneStart[l + 1] += laneStart[l];
  const taskLane = new Int32Array(trace.tasks.length).fill(-1);
  trace.lanes.forEach((lane, i) => {
    if (lane.kind === 'task' && lane.task !== undefined && lane.task >= 0 && lane.task < taskLane.length) {
      taskLane[lane.task] = i;
    }
  });
  // A task a deadlock left unfinished never counts as done.
  const taskEnds = Float64Array.from(
    trace.tasks.filter((t) => !t.unfinished),
    (t) => t.endMs,
  ).sort();
  const ix: TraceIndex = { trace, spans, laneStart, taskLane, taskEnds };
  cache.set(trace, ix);
  return ix;
}

/** Index (into ix.spans) of the span on `lane` covering time t (half-open), or -1. */
export function spanAt(ix: TraceIndex, lane: number, t: number): number {
  let lo = ix.laneStart[lane];
  let hi = ix.laneStart[lane + 1] - 1;
  let found = -1;
  // Last span with startMs <= t.
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (ix.spans[mid].startMs <= t) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  if (found < 0) return -1;
  // Zero-length or overlapping neighbours: walk back to one that still covers t.
  for (let i = found; i >= ix.laneStart[lane] && i > found - 4; i--) {
    if (ix.spans[i].endMs > t) return i;
  }
  return -1;
}

/** Number of values in a sorted array that are <= t. */
export function countAtOrBelow(sorted: ArrayLike<number>, t: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid] <= t) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** For each state, the tasks in it at time t (read from the task lanes), in task order. */
export type TaskStates = Map<SpanState, number[]>;

const lastStates = new WeakMap<TraceIndex, { t: number; value: TaskStates }>();

export function taskStatesAt(ix: TraceIndex, t: number): TaskStates {
  const hit = lastStates.get(ix);
  if (hit && hit.t === t) return hit.value;
  const out: TaskStates = new Map();
  const { taskLane } = ix;
  for (let task = 0; task < taskLane.length; task++) {
    const lane = taskLane[task];
    if (lane < 0) continue;
    const i = spanAt(ix, lane, t);
    if (i < 0) continue;
    const state = ix.spans[i].state;
    let list = out.get(state);
    if (!list) out.set(state, (list = []));
    list.push(task);
  }
  lastStates.set(ix, { t, value: out });
  return out;
}

export function taskName(trace: Trace, task: number): string {
  return task >= 0 && task < trace.tasks.length ? trace.tasks[task].name : 'runtime';
}
