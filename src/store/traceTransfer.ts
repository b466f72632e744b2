/**
 * Traces as columns of typed arrays, to cross from the simulation worker to the page without copying an
 * object graph: every list of flat records (spans, events, tasks, lanes) becomes one column per field
 * (columns.ts); the arrays' buffers go in the message's transfer list. Records of the simulator's shapes
 * are packed and rebuilt field by field (packShapes.ts, unpackShapes.ts); others the general way here, by
 * their keys. `unpackTrace` gives back records equal to the originals (a field missing from a record stays
 * missing).
 */
import type { Trace } from '../sim/types';
import { ABSENT, NO_STRING, textAt, type Column, type PackedRecords } from './columns';
import { eventChunksOf, spanChunksOf } from '../sim/engine/traceColumns';
import { packEventChunks, packSpanChunks } from './packChunks';
import { packEvents, packLanes, packSpans, packTasks } from './packShapes';
import { unpackEvents, unpackLanes, unpackSpans, unpackTasks } from './unpackShapes';

export type { PackedRecords };

export interface PackedTrace {
  head: Omit<Trace, 'lanes' | 'spans' | 'events' | 'tasks'>;
  lanes: PackedRecords;
  spans: PackedRecords;
  events: PackedRecords;
  tasks: PackedRecords;
}

/** One field's values (undefined where a record lacks it) as a column. */
function packColumn(values: readonly unknown[]): Column {
  const n = values.length;
  let kind: 'int' | 'num' | 'str' | 'bool' | null = null;
  let missing = false;
  for (let i = 0; i < n; i++) {
    const v = values[i];
    if (v === undefined) {
      missing = true;
      continue;
    }
    const k =
      typeof v === 'number'
        ? Number.isInteger(v) && v >= -0x80000000 && v <= 0x7fffffff && !Object.is(v, -0)
          ? 'int'
          : 'num'
        : typeof v === 'string'
          ? 'str'
          : typeof v === 'boolean'
            ? 'bool'
            : null;
    if (k === null) return { t: 'any', v: [...values] };
    if (kind === null || kind === k) kind = k;
    else if ((kind === 'int' && k === 'num') || (kind === 'num' && k === 'int')) kind = 'num';
    else return { t: 'any', v: [...values] };
  }
  const absent = missing && (kind === 'int' || kind === 'num') ? new Uint8Array(n) : undefined;
  if (kind === 'str') {
    const index = new Map<string, number>();
    const dict: string[] = [];
    const v = new Int32Array(n);
    for (let i = 0; i < n; i++) {
      const s = values[i] as string | undefined;
      if (s === undefined) {
        v[i] = NO_STRING;
        continue;
      }
      let at = index.get(s);
      if (at === undefined) index.set(s, (at = dict.push(s) - 1));
      v[i] = at;
    }
    return { t: 'str', dict, v };
  }
  if (kind === 'bool') {
    const v = new Uint8Array(n);
    for (let i = 0; i < n; i++) {
      const b = values[i];
      v[i] = b === undefined ? ABSENT : b ? 1 : 0;
    }
    return { t: 'bool', v };
  }
  const v = kind === 'num' ? new Float64Array(n) : new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const x = values[i];
    if (x === undefined) absent![i] = 1;
    else v[i] = x as number;
  }
  return kind === 'num' ? { t: 'num', v: v as Float64Array, absent } : { t: 'int', v: v as Int32Array, absent };
}

export function packRecords(rows: readonly object[]): PackedRecords {
  const recs = rows as readonly Record<string, unknown>[];
  const keys: string[] = [];
  const seen = new Set<string>();
  for (const r of recs) {
    for (const k in r) {
      if (!seen.has(k)) {
        seen.add(k);
        keys.push(k);
      }
    }
  }
  return { n: recs.length, keys, cols: keys.map((k) => packColumn(recs.map((r) => r[k]))) };
}

function cell(c: Column, i: number): unknown {
  switch (c.t) {
    case 'int':
    case 'num':
      return c.absent?.[i] ? undefined : c.v[i];
    case 'str':
      return c.v[i] === NO_STRING ? undefined : c.dict[c.v[i]];
    case 'bool':
      return c.v[i] === ABSENT ? undefined : c.v[i] === 1;
    case 'text':
      return textAt(c, i);
    case 'any':
      return c.v[i];
  }
}

export function unpackRecords<T>(p: PackedRecords): T[] {
  const out = new Array<T>(p.n);
  const { keys, cols } = p;
  for (let i = 0; i < p.n; i++) {
    const r: Record<string, unknown> = {};
    for (let k = 0; k < keys.length; k++) {
      const v = cell(cols[k], i);
      if (v !== undefined) r[keys[k]] = v;
    }
    out[i] = r as T;
  }
  return out;
}

export function packTrace(trace: Trace): PackedTrace {
  const { lanes, spans, events, tasks, ...head } = trace;
  return {
    head,
    lanes: packLanes(lanes) ?? packRecords(lanes),
    spans: packSpans(spans) ?? packRecords(spans),
    events: packEvents(events) ?? packRecords(events),
    tasks: packTasks(tasks) ?? packRecords(tasks),
  };
}

/**
 * The same as packTrace, but a trace whose spans or events have not been built yet is packed from the
 * simulator's chunks (packChunks.ts), and they are never built.
 */
export function packTraceDirect(trace: Trace): PackedTrace {
  const sc = spanChunksOf(trace);
  const ec = eventChunksOf(trace);
  const head: Record<string, unknown> = {};
  for (const key of Object.keys(trace)) {
    if (key !== 'lanes' && key !== 'spans' && key !== 'events' && key !== 'tasks') {
      head[key] = trace[key as keyof Trace];
    }
  }
  const spans = sc !== null ? packSpanChunks(sc) : (packSpans(trace.spans) ?? packRecords(trace.spans));
  const fromChunks = ec !== null ? packEventChunks(ec) : null;
  const events = fromChunks ?? packEvents(trace.events) ?? packRecords(trace.events);
  const { lanes, tasks } = trace;
  return {
    head: head as PackedTrace['head'],
    lanes: packLanes(lanes) ?? packRecords(lanes),
    spans,
    events,
    tasks: packTasks(tasks) ?? packRecords(tasks),
  };
}

export function unpackTrace(p: PackedTrace): Trace {
  return {
    ...p.head,
    lanes: unpackLanes(p.lanes) ?? unpackRecords(p.lanes),
    spans: unpackSpans(p.spans) ?? unpackRecords(p.spans),
    events: unpackEvents(p.events) ?? unpackRecords(p.events),
    tasks: unpackTasks(p.tasks) ?? unpackRecords(p.tasks),
  } as Trace;
}

/** The buffers of a packed trace, for postMessage's transfer list. */
export function transferables(packed: readonly PackedTrace[]): ArrayBuffer[] {
  const out: ArrayBuffer[] = [];
  for (const p of packed) {
    for (const rec of [p.lanes, p.spans, p.events, p.tasks]) {
      for (const c of rec.cols) {
        if (c.t === 'any') continue;
        if (c.t === 'text') {
          out.push(c.ends.buffer as ArrayBuffer);
          continue;
        }
        out.push(c.v.buffer as ArrayBuffer);
        if ((c.t === 'int' || c.t === 'num') && c.absent) out.push(c.absent.buffer as ArrayBuffer);
      }
    }
  }
  return out;
}
