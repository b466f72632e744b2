/** Event times for stepping (previous / next event) and the readable event log. */
import type { Trace, TraceEvent } from '../sim/types';
import { formatCount, formatTime } from './scale';
import { indexTrace, spanAt, taskName } from './traceIndex';
import { PALETTE } from './palette';
import { syncEventText } from './syncEventText';

const EPS = 1e-9;

/** Sorted, de-duplicated times worth stopping at: every event, 0 and each trace's end. */
export function eventTimes(traces: readonly Trace[]): Float64Array {
  let n = 0;
  for (const t of traces) n += t.events.length + 2;
  const all = new Float64Array(n);
  let k = 0;
  for (const t of traces) {
    all[k++] = 0;
    all[k++] = t.makespanMs;
    for (const e of t.events) all[k++] = e.timeMs;
  }
  all.sort();
  let m = 0;
  for (let i = 0; i < all.length; i++) {
    if (m === 0 || all[i] - all[m - 1] > EPS) all[m++] = all[i];
  }
  return all.slice(0, m);
}

/** The latest event time strictly before t (0 if none). */
export function prevEventTime(times: ArrayLike<number>, t: number): number {
  let lo = 0;
  let hi = times.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (times[mid] < t - EPS) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found < 0 ? 0 : times[found];
}

/** The earliest event time at or after t (or t if there is none). */
export function firstEventAtOrAfter(times: ArrayLike<number>, t: number): number {
  let lo = 0;
  let hi = times.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (times[mid] >= t - EPS) {
      found = mid;
      hi = mid - 1;
    } else lo = mid + 1;
  }
  return found < 0 ? t : times[found];
}

/** The earliest event time strictly after t (or `end` if none). */
export function nextEventTime(
  times: ArrayLike<number>,
  t: number,
  end = times.length ? times[times.length - 1] : 0,
): number {
  let lo = 0;
  let hi = times.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (times[mid] > t + EPS) {
      found = mid;
      hi = mid - 1;
    } else lo = mid + 1;
  }
  return found < 0 ? Math.max(end, t) : times[found];
}

/** One sentence for an event: "A starts", "GIL: A → B", "loop switches from A to B". */
export function describeEvent(trace: Trace, e: TraceEvent): string {
  const who = taskName(trace, e.task);
  const lane = e.lane >= 0 && e.lane < trace.lanes.length ? trace.lanes[e.lane].label : '';
  switch (e.kind) {
    case 'task-start':
      return `${who} starts`;
    case 'task-end':
      return `${who} finishes`;
    case 'step-start': {
      // Say what the step is, from the task's span that starts there.
      const ix = indexTrace(trace);
      const lane = e.task >= 0 && e.task < ix.taskLane.length ? ix.taskLane[e.task] : -1;
      const i = lane >= 0 ? spanAt(ix, lane, e.timeMs) : -1;
      return i >= 0 ? `${who} starts a step: ${PALETTE[ix.spans[i].state].label}` : `${who} starts its next step`;
    }
    case 'gil-handoff':
      return e.fromTask !== undefined && e.fromTask >= 0
        ? `GIL passes from ${taskName(trace, e.fromTask)} to ${who}`
        : `${who} takes the GIL`;
    case 'gil-drop-request':
      return `${who} asks the GIL holder to drop it`;
    case 'loop-switch':
      return e.fromTask !== undefined && e.fromTask >= 0
        ? `event loop switches from ${taskName(trace, e.fromTask)} to ${who}`
        : `event loop switches to ${who}`;
    case 'timer-late':
      return `${who}'s wake-up is handled ${formatTime(e.lateMs ?? 0)} late: the loop was busy`;
    case 'worker-start':
      return `${lane || 'a worker'} has started`;
    case 'sync-wake':
    case 'queue-depth':
    case 'shared-write':
    case 'deadlock':
      return syncEventText(trace, e);
    default:
      return `${e.kind} (${who})`;
  }
}

export interface LogEntry {
  timeMs: number;
  time: string;
  text: string;
}

export interface EventLog {
  entries: LogEntry[];
  total: number;
  /** "and 29 700 more events" when the list was cut, else "". */
  more: string;
}

/** The first `limit` events of a trace, described; step-start events are left out when noisy. */
export function eventLog(trace: Trace, limit = 300): EventLog {
  const entries: LogEntry[] = [];
  const total = trace.events.length;
  for (let i = 0; i < total && entries.length < limit; i++) {
    const e = trace.events[i];
    entries.push({ timeMs: e.timeMs, time: formatTime(e.timeMs), text: describeEvent(trace, e) });
  }
  const rest = total - entries.length;
  return { entries, total, more: rest > 0 ? `and ${formatCount(rest)} more event${rest === 1 ? '' : 's'}` : '' };
}
