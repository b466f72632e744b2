/**
 * Spans, events, lanes and task results (90 000 spans and 70 000 events for 10 000 tasks) packed field by
 * field in one loop over the records, in the simulation worker: each field read by name (`s.startMs`, many
 * times faster than `r[key]` for every key) and written straight into its typed column; an optional field
 * (a span's `sync`, an event's `fromTask`…) gets its column at the first record that has it. Records of
 * another shape (a field missing or of another type, a fraction where an index goes) give null, and the
 * caller packs them the general way (traceTransfer.ts). Fields a record's type does not name are not kept.
 */
import type { Lane, Span, TaskResult, TraceEvent } from '../sim/types';
import {
  Dict,
  isInt32,
  OptionalFlags,
  OptionalNumbers,
  OptionalStrings,
  textColumn,
  withOptional,
  type PackedRecords,
} from './columns';

const str = (d: Dict, v: Int32Array) => ({ t: 'str' as const, dict: d.dict, v });

export function packSpans(spans: readonly Span[]): PackedRecords | null {
  const n = spans.length;
  const lane = new Int32Array(n);
  const task = new Int32Array(n);
  const step = new Int32Array(n);
  const worker = new Int32Array(n);
  const startMs = new Float64Array(n);
  const endMs = new Float64Array(n);
  const state = new Int32Array(n);
  const states = new Dict();
  let sync: OptionalStrings | null = null;
  let holder: OptionalNumbers | null = null;
  let detail: OptionalStrings | null = null;
  for (let i = 0; i < n; i++) {
    const s = spans[i];
    const a = s.startMs;
    const b = s.endMs;
    const st = s.state;
    if (typeof a !== 'number' || typeof b !== 'number' || typeof st !== 'string') return null;
    if (!isInt32(s.lane) || !isInt32(s.task) || !isInt32(s.step) || !isInt32(s.worker)) return null;
    lane[i] = s.lane;
    task[i] = s.task;
    step[i] = s.step;
    worker[i] = s.worker;
    startMs[i] = a;
    endMs[i] = b;
    state[i] = states.at(st);
    if (s.sync !== undefined) {
      if (typeof s.sync !== 'string') return null;
      (sync ??= new OptionalStrings(n)).put(i, s.sync);
    }
    if (s.holder !== undefined) {
      if (typeof s.holder !== 'number') return null;
      (holder ??= new OptionalNumbers(n)).put(i, s.holder);
    }
    if (s.detail !== undefined) {
      if (typeof s.detail !== 'string') return null;
      (detail ??= new OptionalStrings(n)).put(i, s.detail);
    }
  }
  return withOptional(
    n,
    ['lane', 'task', 'step', 'worker', 'startMs', 'endMs', 'state'],
    [
      { t: 'int', v: lane },
      { t: 'int', v: task },
      { t: 'int', v: step },
      { t: 'int', v: worker },
      { t: 'num', v: startMs },
      { t: 'num', v: endMs },
      str(states, state),
    ],
    { sync, holder, detail },
  );
}

export function packEvents(events: readonly TraceEvent[]): PackedRecords | null {
  const n = events.length;
  const task = new Int32Array(n);
  const lane = new Int32Array(n);
  const timeMs = new Float64Array(n);
  const kind = new Int32Array(n);
  const kinds = new Dict();
  let fromTask: OptionalNumbers | null = null;
  let lateMs: OptionalNumbers | null = null;
  let sync: OptionalStrings | null = null;
  let depth: OptionalNumbers | null = null;
  let variable: OptionalStrings | null = null;
  let value: OptionalNumbers | null = null;
  let lost: OptionalFlags | null = null;
  let text: OptionalStrings | null = null;
  for (let i = 0; i < n; i++) {
    const e = events[i];
    const t = e.timeMs;
    const k = e.kind;
    if (typeof t !== 'number' || typeof k !== 'string' || !isInt32(e.task) || !isInt32(e.lane)) return null;
    task[i] = e.task;
    lane[i] = e.lane;
    timeMs[i] = t;
    kind[i] = kinds.at(k);
    if (e.fromTask !== undefined) {
      if (typeof e.fromTask !== 'number') return null;
      (fromTask ??= new OptionalNumbers(n)).put(i, e.fromTask);
    }
    if (e.lateMs !== undefined) {
      if (typeof e.lateMs !== 'number') return null;
      (lateMs ??= new OptionalNumbers(n)).put(i, e.lateMs);
    }
    if (e.sync !== undefined) {
      if (typeof e.sync !== 'string') return null;
      (sync ??= new OptionalStrings(n)).put(i, e.sync);
    }
    if (e.depth !== undefined) {
      if (typeof e.depth !== 'number') return null;
      (depth ??= new OptionalNumbers(n)).put(i, e.depth);
    }
    if (e.var !== undefined) {
      if (typeof e.var !== 'string') return null;
      (variable ??= new OptionalStrings(n)).put(i, e.var);
    }
    if (e.value !== undefined) {
      if (typeof e.value !== 'number') return null;
      (value ??= new OptionalNumbers(n)).put(i, e.value);
    }
    if (e.lost !== undefined) {
      if (typeof e.lost !== 'boolean') return null;
      (lost ??= new OptionalFlags(n)).put(i, e.lost);
    }
    if (e.text !== undefined) {
      if (typeof e.text !== 'string') return null;
      (text ??= new OptionalStrings(n)).put(i, e.text);
    }
  }
  return withOptional(
    n,
    ['task', 'lane', 'timeMs', 'kind'],
    [{ t: 'int', v: task }, { t: 'int', v: lane }, { t: 'num', v: timeMs }, str(kinds, kind)],
    { fromTask, lateMs, sync, depth, var: variable, value, lost, text },
  );
}

export function packLanes(lanes: readonly Lane[]): PackedRecords | null {
  const n = lanes.length;
  const id = new Array<string>(n);
  const kind = new Int32Array(n);
  const label = new Array<string>(n);
  const kinds = new Dict();
  let task: OptionalNumbers | null = null;
  for (let i = 0; i < n; i++) {
    const l = lanes[i];
    if (typeof l.id !== 'string' || typeof l.kind !== 'string' || typeof l.label !== 'string') return null;
    id[i] = l.id;
    kind[i] = kinds.at(l.kind);
    label[i] = l.label;
    if (l.task !== undefined) {
      if (typeof l.task !== 'number') return null;
      (task ??= new OptionalNumbers(n)).put(i, l.task);
    }
  }
  return withOptional(n, ['id', 'kind', 'label'], [textColumn(id), str(kinds, kind), textColumn(label)], {
    task,
  });
}

export function packTasks(tasks: readonly TaskResult[]): PackedRecords | null {
  const n = tasks.length;
  const name = new Array<string>(n);
  const arrivalMs = new Float64Array(n);
  const startMs = new Float64Array(n);
  const endMs = new Float64Array(n);
  const latencyMs = new Float64Array(n);
  let unfinished: OptionalFlags | null = null;
  for (let i = 0; i < n; i++) {
    const t = tasks[i];
    const { arrivalMs: a, startMs: s, endMs: e, latencyMs: l } = t;
    if (typeof t.name !== 'string') return null;
    if (typeof a !== 'number' || typeof s !== 'number' || typeof e !== 'number' || typeof l !== 'number') return null;
    name[i] = t.name;
    arrivalMs[i] = a;
    startMs[i] = s;
    endMs[i] = e;
    latencyMs[i] = l;
    if (t.unfinished !== undefined) {
      if (typeof t.unfinished !== 'boolean') return null;
      (unfinished ??= new OptionalFlags(n)).put(i, t.unfinished);
    }
  }
  return withOptional(
    n,
    ['name', 'arrivalMs', 'startMs', 'endMs', 'latencyMs'],
    [
      textColumn(name),
      { t: 'num', v: arrivalMs },
      { t: 'num', v: startMs },
      { t: 'num', v: endMs },
      { t: 'num', v: latencyMs },
    ],
    { unfinished },
  );
}
