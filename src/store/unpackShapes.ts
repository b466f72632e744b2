/**
 * Spans, events, lanes and task results rebuilt on the page from their packed columns (packShapes.ts):
 * each record as one object literal with the fields every record has, in the simulator's key order (so they
 * all share one hidden class, what the drawing code then reads fast), then the optional fields it has, set
 * by name in the same loop (a field of a name or kind not expected is added afterwards, the general way).
 * Columns of another shape (a field missing, absent for some record, of another type) give null: the
 * caller rebuilds them the general way (traceTransfer.ts).
 */
import type { Lane, Span, TaskResult, TraceEvent } from '../sim/types';
import {
  ABSENT,
  NO_STRING,
  textValues,
  type Column,
  type NumCol,
  type PackedRecords,
  type StrCol,
  type TextCol,
} from './columns';

/** The column of a field every record has, or null (missing, of another kind, absent somewhere). */
function full(p: PackedRecords, key: string, kind: 'int' | 'num' | 'str' | 'text'): Column | null {
  const c = p.cols[p.keys.indexOf(key)];
  if (!c) return null;
  if (kind === 'text') return c.t === 'text' && c.ends.length === p.n ? c : null;
  if (kind === 'str') {
    if (c.t !== 'str') return null;
    const v = c.v;
    for (let i = 0; i < p.n; i++) if (v[i] < 0) return null;
    return c;
  }
  if (c.t !== 'int' && !(kind === 'num' && c.t === 'num')) return null;
  const absent = c.absent;
  if (absent) for (let i = 0; i < p.n; i++) if (absent[i] === 1) return null;
  return c;
}

const nums = (c: Column | null) => (c as NumCol | null)?.v ?? null;
const strs = (c: Column | null) => c as StrCol | null;
const texts = (c: Column | null) => (c === null ? null : textValues(c as TextCol));

/**
 * An optional field's column, when of the kind expected (`handled` notes it): each record's value is then
 * set by name in the record's own loop, a store as fast as in the literal. Null when no record has it, or
 * when it is of another kind (addRest sets those).
 */
function optNum(p: PackedRecords, key: string, handled: Set<string>) {
  const c = p.cols[p.keys.indexOf(key)];
  if (!c || (c.t !== 'num' && c.t !== 'int')) return null;
  handled.add(key);
  return { v: c.v, absent: c.absent ?? new Uint8Array(p.n) };
}
function optStr(p: PackedRecords, key: string, handled: Set<string>) {
  const c = p.cols[p.keys.indexOf(key)];
  if (!c || c.t !== 'str') return null;
  handled.add(key);
  return c;
}
function optBool(p: PackedRecords, key: string, handled: Set<string>) {
  const c = p.cols[p.keys.indexOf(key)];
  if (!c || c.t !== 'bool') return null;
  handled.add(key);
  return c.v;
}

/** Adds the fields of the columns neither in `fixed` nor `handled` to the records that have them. */
function addRest(out: object[], p: PackedRecords, fixed: readonly string[], handled: Set<string>): void {
  for (let k = 0; k < p.keys.length; k++) {
    const key = p.keys[k];
    if (!fixed.includes(key) && !handled.has(key)) addColumn(out as Record<string, unknown>[], key, p.cols[k]);
  }
}

function addColumn(out: Record<string, unknown>[], key: string, c: Column): void {
  const n = out.length;
  switch (c.t) {
    case 'int':
    case 'num': {
      const { v, absent } = c;
      for (let i = 0; i < n; i++) if (!absent || absent[i] !== 1) out[i][key] = v[i];
      return;
    }
    case 'str': {
      const { v, dict } = c;
      for (let i = 0; i < n; i++) if (v[i] !== NO_STRING) out[i][key] = dict[v[i]];
      return;
    }
    case 'bool': {
      const { v } = c;
      for (let i = 0; i < n; i++) if (v[i] !== ABSENT) out[i][key] = v[i] === 1;
      return;
    }
    case 'text': {
      const v = textValues(c);
      for (let i = 0; i < n; i++) out[i][key] = v[i];
      return;
    }
    case 'any': {
      const { v } = c;
      for (let i = 0; i < n; i++) if (v[i] !== undefined) out[i][key] = v[i];
    }
  }
}

const SPAN_KEYS = ['lane', 'task', 'step', 'worker', 'startMs', 'endMs', 'state'];

export function unpackSpans(p: PackedRecords): Span[] | null {
  const lane = nums(full(p, 'lane', 'int'));
  const task = nums(full(p, 'task', 'int'));
  const step = nums(full(p, 'step', 'int'));
  const worker = nums(full(p, 'worker', 'int'));
  const startMs = nums(full(p, 'startMs', 'num'));
  const endMs = nums(full(p, 'endMs', 'num'));
  const state = strs(full(p, 'state', 'str'));
  if (!lane || !task || !step || !worker || !startMs || !endMs || !state) return null;
  const names = state.dict as Span['state'][];
  const sv = state.v;
  const handled = new Set<string>();
  const sync = optStr(p, 'sync', handled);
  const holder = optNum(p, 'holder', handled);
  const detail = optStr(p, 'detail', handled);
  const out = new Array<Span>(p.n);
  for (let i = 0; i < p.n; i++) {
    const s: Span = {
      lane: lane[i],
      startMs: startMs[i],
      endMs: endMs[i],
      state: names[sv[i]],
      task: task[i],
      step: step[i],
      worker: worker[i],
    };
    if (sync !== null && sync.v[i] !== NO_STRING) s.sync = sync.dict[sync.v[i]];
    if (holder !== null && holder.absent[i] !== 1) s.holder = holder.v[i];
    if (detail !== null && detail.v[i] !== NO_STRING) s.detail = detail.dict[detail.v[i]] as Span['detail'];
    out[i] = s;
  }
  addRest(out, p, SPAN_KEYS, handled);
  return out;
}

const EVENT_KEYS = ['task', 'lane', 'timeMs', 'kind'];

export function unpackEvents(p: PackedRecords): TraceEvent[] | null {
  const task = nums(full(p, 'task', 'int'));
  const lane = nums(full(p, 'lane', 'int'));
  const timeMs = nums(full(p, 'timeMs', 'num'));
  const kind = strs(full(p, 'kind', 'str'));
  if (!task || !lane || !timeMs || !kind) return null;
  const names = kind.dict as TraceEvent['kind'][];
  const kv = kind.v;
  const handled = new Set<string>();
  const fromTask = optNum(p, 'fromTask', handled);
  const lateMs = optNum(p, 'lateMs', handled);
  const sync = optStr(p, 'sync', handled);
  const depth = optNum(p, 'depth', handled);
  const variable = optStr(p, 'var', handled);
  const value = optNum(p, 'value', handled);
  const lost = optBool(p, 'lost', handled);
  const text = optStr(p, 'text', handled);
  const out = new Array<TraceEvent>(p.n);
  for (let i = 0; i < p.n; i++) {
    const e: TraceEvent = { timeMs: timeMs[i], kind: names[kv[i]], task: task[i], lane: lane[i] };
    if (fromTask !== null && fromTask.absent[i] !== 1) e.fromTask = fromTask.v[i];
    if (lateMs !== null && lateMs.absent[i] !== 1) e.lateMs = lateMs.v[i];
    if (sync !== null && sync.v[i] !== NO_STRING) e.sync = sync.dict[sync.v[i]];
    if (depth !== null && depth.absent[i] !== 1) e.depth = depth.v[i];
    if (variable !== null && variable.v[i] !== NO_STRING) e.var = variable.dict[variable.v[i]];
    if (value !== null && value.absent[i] !== 1) e.value = value.v[i];
    if (lost !== null && lost[i] !== ABSENT) e.lost = lost[i] === 1;
    if (text !== null && text.v[i] !== NO_STRING) e.text = text.dict[text.v[i]];
    out[i] = e;
  }
  addRest(out, p, EVENT_KEYS, handled);
  return out;
}

const LANE_KEYS = ['id', 'kind', 'label'];

export function unpackLanes(p: PackedRecords): Lane[] | null {
  const id = texts(full(p, 'id', 'text'));
  const kind = strs(full(p, 'kind', 'str'));
  const label = texts(full(p, 'label', 'text'));
  if (!id || !kind || !label) return null;
  const kinds = kind.dict as Lane['kind'][];
  const handled = new Set<string>();
  const task = optNum(p, 'task', handled);
  const out = new Array<Lane>(p.n);
  for (let i = 0; i < p.n; i++) {
    const lane: Lane = { id: id[i], kind: kinds[kind.v[i]], label: label[i] };
    if (task !== null && task.absent[i] !== 1) lane.task = task.v[i];
    out[i] = lane;
  }
  addRest(out, p, LANE_KEYS, handled);
  return out;
}

const TASK_KEYS = ['name', 'arrivalMs', 'startMs', 'endMs', 'latencyMs'];

export function unpackTasks(p: PackedRecords): TaskResult[] | null {
  const name = texts(full(p, 'name', 'text'));
  const arrivalMs = nums(full(p, 'arrivalMs', 'num'));
  const startMs = nums(full(p, 'startMs', 'num'));
  const endMs = nums(full(p, 'endMs', 'num'));
  const latencyMs = nums(full(p, 'latencyMs', 'num'));
  if (!name || !arrivalMs || !startMs || !endMs || !latencyMs) return null;
  const handled = new Set<string>();
  const unfinished = optBool(p, 'unfinished', handled);
  const out = new Array<TaskResult>(p.n);
  for (let i = 0; i < p.n; i++) {
    const t: TaskResult = {
      name: name[i],
      arrivalMs: arrivalMs[i],
      startMs: startMs[i],
      endMs: endMs[i],
      latencyMs: latencyMs[i],
    };
    if (unfinished !== null && unfinished[i] !== ABSENT) t.unfinished = unfinished[i] === 1;
    out[i] = t;
  }
  addRest(out, p, TASK_KEYS, handled);
  return out;
}
