/**
 * Flows: who handed what to whom. A GIL hand-off goes from the thread that dropped the GIL to the one
 * that took it; a wake-up goes from the task whose release, put or set ended a wait to the task that
 * woke. Read generically from the trace's events: every event that names a `fromTask` other than its
 * own task is a flow (the event loop's own switches are not: the loop is not handed over by a task).
 * Each flow is placed on the rows where the two tasks are at that instant, once per layout.
 */
import type { Trace, TraceEvent } from '../sim/types';
import type { Band, TimelineLayout } from './layout';
import { spanAt } from './traceIndex';

export type FlowKind = 'gil' | 'wake';

export interface FlowMark {
  band: number;
  timeMs: number;
  kind: FlowKind;
  fromTask: number;
  toTask: number;
  /** Row indices within the band. */
  fromRow: number;
  toRow: number;
}

/** Which kind of flow an event is, or null when it is not one. */
export function flowKind(e: TraceEvent): FlowKind | null {
  if (e.fromTask === undefined || e.fromTask < 0 || e.task < 0 || e.fromTask === e.task) return null;
  if (e.kind === 'gil-handoff') return 'gil';
  if (e.kind === 'loop-switch') return null;
  return 'wake';
}

const EPS = 1e-7;

/** For each task, the rows (within the band, one lane each) that ever show it. */
function taskRows(band: Band): Map<number, number[]> {
  const out = new Map<number, number[]>();
  const add = (task: number, r: number) => {
    let list = out.get(task);
    if (!list) out.set(task, (list = []));
    if (!list.includes(r)) list.push(r);
  };
  const { trace, ix } = band;
  band.rows.forEach((row, r) => {
    if (row.grouped) return;
    const laneIndex = row.lanes[0];
    const lane = trace.lanes[laneIndex];
    if (!lane || lane.kind === 'gil' || lane.kind === 'core') return;
    if (lane.kind === 'task') {
      if (lane.task !== undefined) add(lane.task, r);
      return;
    }
    for (let i = ix.laneStart[laneIndex]; i < ix.laneStart[laneIndex + 1]; i++) {
      const t = ix.spans[i].task;
      if (t >= 0) add(t, r);
    }
  });
  return out;
}

/** The row showing `task` at t (or just before t when `before`), among its candidate rows. */
function rowAt(band: Band, rows: number[] | undefined, task: number, t: number, before: boolean): number {
  if (!rows || rows.length === 0) return -1;
  if (rows.length === 1) return rows[0];
  // Prefer the row where the task runs Python (the thread that held or takes the GIL), then any row showing it.
  let any = -1;
  for (const r of rows) {
    const lane = band.rows[r].lanes[0];
    const i = spanAt(band.ix, lane, before ? t - EPS : t);
    if (i < 0 || band.ix.spans[i].task !== task) continue;
    if (band.ix.spans[i].state === 'running') return r;
    if (any < 0) any = r;
  }
  return any;
}

const cache = new WeakMap<Band, FlowMark[]>();

/** The events of a trace that are flows, with their kind: read once per trace (a band is laid out anew when
 * lanes come out of their groups, unfold.ts, and then only these are looked at again). */
const eventCache = new WeakMap<Trace, { e: TraceEvent; kind: FlowKind }[]>();

function flowEvents(trace: Trace): { e: TraceEvent; kind: FlowKind }[] {
  const hit = eventCache.get(trace);
  if (hit) return hit;
  const out: { e: TraceEvent; kind: FlowKind }[] = [];
  for (const e of trace.events) {
    const kind = flowKind(e);
    if (kind) out.push({ e, kind });
  }
  eventCache.set(trace, out);
  return out;
}

/** Every flow of a band, sorted by time. */
export function bandFlows(band: Band): FlowMark[] {
  const hit = cache.get(band);
  if (hit) return hit;
  const rows = taskRows(band);
  const out: FlowMark[] = [];
  if (rows.size < 2) {
    cache.set(band, out);
    return out;
  }
  for (const { e, kind } of flowEvents(band.trace)) {
    const fromTask = e.fromTask as number;
    const fromRow = rowAt(band, rows.get(fromTask), fromTask, e.timeMs, true);
    const toRow = rowAt(band, rows.get(e.task), e.task, e.timeMs, false);
    if (fromRow < 0 || toRow < 0 || fromRow === toRow) continue;
    out.push({ band: band.index, timeMs: e.timeMs, kind, fromTask, toTask: e.task, fromRow, toRow });
  }
  cache.set(band, out);
  return out;
}

/**
 * Reads each band's trace for its flows ahead of time (the first narrow window of a large trace would
 * otherwise go through every event of it in one frame).
 */
export function prepareFlows(layout: TimelineLayout): void {
  for (const band of layout.bands) flowEvents(band.trace);
}

/** Every flow of a layout, band by band. */
export function layoutFlows(layout: TimelineLayout): FlowMark[][] {
  return layout.bands.map(bandFlows);
}
