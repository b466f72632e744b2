/**
 * Traces as columns of typed arrays, to cross from the simulation worker to the page without copying an
 * object graph: every list of flat records (spans, events, tasks, lanes) becomes one typed array per field
 * (whole numbers in Int32Array, others in Float64Array, strings as indexes into a table of the distinct
 * strings, booleans as bytes); the arrays' buffers go in the message's transfer list. `unpackTrace` gives
 * back records equal to the originals (a field missing from a record stays missing).
 */
import type { Trace } from '../sim/types';
import {
  packEvents,
  packSpans,
  unpackEvents,
  unpackLanes,
  unpackSpans,
  unpackTasks,
  type Extra,
  type ShapedColumns,
} from './recordShapes';

type Column =
  | { t: 'int'; v: Int32Array; absent?: Uint8Array }
  | { t: 'num'; v: Float64Array; absent?: Uint8Array }
  | { t: 'str'; dict: string[]; v: Int32Array }
  | { t: 'bool'; v: Uint8Array }
  /** Anything else (rare nested values): kept as it is. */
  | { t: 'any'; v: unknown[] };

export interface PackedRecords {
  n: number;
  keys: string[];
  cols: Column[];
}

export interface PackedTrace {
  head: Omit<Trace, 'lanes' | 'spans' | 'events' | 'tasks'>;
  lanes: PackedRecords;
  spans: PackedRecords;
  events: PackedRecords;
  tasks: PackedRecords;
}

const ABSENT = 2;

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
        v[i] = -1;
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

/** Records packed by their shape's fields (recordShapes.ts), the optional ones the general way. */
function shaped(rows: readonly object[], s: ShapedColumns | null): PackedRecords {
  if (!s) return packRecords(rows);
  return {
    n: rows.length,
    keys: [...s.keys, ...s.optional.map((o) => o.key)],
    cols: [...s.cols, ...s.optional.map((o) => packColumn(o.values))],
  };
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
      return c.v[i] < 0 ? undefined : c.dict[c.v[i]];
    case 'bool':
      return c.v[i] === ABSENT ? undefined : c.v[i] === 1;
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
    lanes: packRecords(lanes),
    spans: shaped(spans, packSpans(spans)),
    events: shaped(events, packEvents(events)),
    tasks: packRecords(tasks),
  };
}

/** Copies field `key` of record i from its column onto a record, when the record has it. */
function setter(key: string, c: Column): Extra {
  switch (c.t) {
    case 'int':
    case 'num': {
      const { v, absent } = c;
      if (!absent) return (target, i) => void (target[key] = v[i]);
      return (target, i) => {
        if (absent[i] !== 1) target[key] = v[i];
      };
    }
    case 'str': {
      const { v, dict } = c;
      return (target, i) => {
        if (v[i] >= 0) target[key] = dict[v[i]];
      };
    }
    case 'bool': {
      const { v } = c;
      return (target, i) => {
        if (v[i] !== ABSENT) target[key] = v[i] === 1;
      };
    }
    case 'any': {
      const { v } = c;
      return (target, i) => {
        if (v[i] !== undefined) target[key] = v[i];
      };
    }
  }
}

type Unshape<T> = (keys: readonly string[], cols: readonly Column[], n: number, extra: Extra) => T[] | null;

/** Records of a known shape built by name (recordShapes.ts), plus their optional fields; else the general way. */
function unshaped<T>(p: PackedRecords, fixed: readonly string[], build: Unshape<T>): T[] {
  const rest: number[] = [];
  p.keys.forEach((k, i) => {
    if (!fixed.includes(k)) rest.push(i);
  });
  const setters = rest.map((k) => setter(p.keys[k], p.cols[k]));
  const extra: Extra =
    setters.length === 0
      ? () => {}
      : (target, i) => {
          for (let k = 0; k < setters.length; k++) setters[k](target, i);
        };
  return build(p.keys, p.cols, p.n, extra) ?? unpackRecords<T>(p);
}

const SPAN_KEYS = ['lane', 'task', 'step', 'worker', 'startMs', 'endMs', 'state'];
const EVENT_KEYS = ['task', 'lane', 'timeMs', 'kind'];
const LANE_KEYS = ['id', 'kind', 'label'];
const TASK_KEYS = ['name', 'arrivalMs', 'startMs', 'endMs', 'latencyMs'];

export function unpackTrace(p: PackedTrace): Trace {
  return {
    ...p.head,
    lanes: unshaped(p.lanes, LANE_KEYS, unpackLanes),
    spans: unshaped(p.spans, SPAN_KEYS, unpackSpans),
    events: unshaped(p.events, EVENT_KEYS, unpackEvents),
    tasks: unshaped(p.tasks, TASK_KEYS, unpackTasks),
  } as Trace;
}

/** The buffers of a packed trace, for postMessage's transfer list. */
export function transferables(packed: readonly PackedTrace[]): ArrayBuffer[] {
  const out: ArrayBuffer[] = [];
  for (const p of packed) {
    for (const rec of [p.lanes, p.spans, p.events, p.tasks]) {
      for (const c of rec.cols) {
        if (c.t === 'any') continue;
        out.push(c.v.buffer as ArrayBuffer);
        if ((c.t === 'int' || c.t === 'num') && c.absent) out.push(c.absent.buffer as ArrayBuffer);
      }
    }
  }
  return out;
}
