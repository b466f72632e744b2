/**
 * The event log as rows: which events a task filter keeps, the row the playhead is on, the span an event
 * belongs to (a click on a row selects it), and fixed-height windowing (only the rows in view, plus a few,
 * are ever built, so a log of 100 000 events costs what a log of 30 does).
 */
import type { Trace, TraceEvent } from '../sim/types';
import { spanAt, type TraceIndex } from './traceIndex';

const EPS = 1e-9;

/** The events a log shows, in time order: all of them, or those a filter keeps. */
export interface EventRows {
  count: number;
  /** Index into trace.events of row `row`. */
  event(row: number): number;
}

const allRows = (n: number): EventRows => ({ count: n, event: (row) => row });

/**
 * The tasks a filter names: those whose name is the query (ignoring case), else those whose name contains
 * it. An empty query names every task (null).
 */
export function tasksMatching(trace: Trace, query: string): Uint8Array | null {
  const q = query.trim().toLowerCase();
  if (!q) return null;
  const names = trace.tasks.map((t) => t.name.toLowerCase());
  const exact = names.some((n) => n === q);
  const hit = new Uint8Array(trace.tasks.length);
  names.forEach((n, i) => (hit[i] = (exact ? n === q : n.includes(q)) ? 1 : 0));
  return hit;
}

/** The rows of the log: every event, or the events of (or handed over from) the tasks the filter names. */
export function eventRows(trace: Trace, query = ''): EventRows {
  const tasks = tasksMatching(trace, query);
  const events = trace.events;
  if (!tasks) return allRows(events.length);
  const named = (t: number | undefined) => t !== undefined && t >= 0 && t < tasks.length && tasks[t] === 1;
  const keep = new Int32Array(events.length);
  let n = 0;
  for (let i = 0; i < events.length; i++) if (named(events[i].task) || named(events[i].fromTask)) keep[n++] = i;
  const rows = keep.subarray(0, n);
  return { count: n, event: (row) => rows[row] };
}

/** The row the playhead at `timeMs` is on: the last event at or before it (-1 before the first). */
export function rowAtTime(trace: Trace, rows: EventRows, timeMs: number): number {
  let lo = 0;
  let hi = rows.count - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (trace.events[rows.event(mid)].timeMs <= timeMs + EPS) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}

/**
 * The span an event belongs to: on its task's lane (its worker's lane for runtime events), the span that
 * starts there, or for an ending, the one that ends there. -1 if there is none.
 */
export function spanOfEvent(ix: TraceIndex, e: TraceEvent): number {
  const taskLane = e.task >= 0 && e.task < ix.taskLane.length ? ix.taskLane[e.task] : -1;
  const lane = taskLane >= 0 ? taskLane : e.lane;
  if (lane < 0 || lane >= ix.laneStart.length - 1) return -1;
  const at = spanAt(ix, lane, e.timeMs);
  if (at >= 0) return at;
  return e.timeMs > 0 ? spanAt(ix, lane, e.timeMs - 1e-6) : -1;
}

/** Rows [first, last) to build for a list scrolled to `scrollTop` px, `viewportPx` tall, of `count` rows. */
export function visibleRows(
  scrollTop: number,
  viewportPx: number,
  rowPx: number,
  count: number,
  overscan = 6,
): { first: number; last: number } {
  if (count <= 0 || rowPx <= 0) return { first: 0, last: 0 };
  const top = Math.max(0, scrollTop);
  const first = Math.max(0, Math.min(count - 1, Math.floor(top / rowPx)) - overscan);
  const last = Math.min(count, Math.ceil((top + Math.max(0, viewportPx)) / rowPx) + overscan);
  return { first, last: Math.max(first, last) };
}

/**
 * Where to scroll a list so that `row` is in view: unchanged if it already is, else just enough to bring it
 * to the nearer edge (with `margin` rows of context where there is room).
 */
export function scrollToRow(row: number, scrollTop: number, viewportPx: number, rowPx: number, margin = 1): number {
  if (row < 0) return scrollTop;
  const top = row * rowPx;
  const bottom = top + rowPx;
  const pad = Math.min(margin * rowPx, Math.max(0, (viewportPx - rowPx) / 2));
  if (top - pad < scrollTop) return Math.max(0, top - pad);
  if (bottom + pad > scrollTop + viewportPx) return bottom + pad - viewportPx;
  return scrollTop;
}
