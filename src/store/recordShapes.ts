/**
 * Spans and events, the two long lists of a trace (90 000 spans and 70 000 events for 10 000 tasks), packed
 * (and, with lanes and task results, unpacked) field by field rather than by a loop over keys: reading
 * `s.startMs` on records of one shape is many times faster than `r[key]` for every key, and building each record as one object literal gives them all
 * one hidden class (what the drawing code then reads fast). The fields every record has are written
 * directly into typed columns; the optional ones (a span's `sync`, an event's `depth`…) go through the
 * general packer of traceTransfer.ts, and only when some record has them. Records of another shape (a
 * field missing, a value out of its column's range) return null: the caller packs them the general way.
 */
import type { Lane, Span, TaskResult, TraceEvent } from '../sim/types';

type IntCol = { t: 'int'; v: Int32Array; absent?: Uint8Array };
type NumCol = { t: 'num'; v: Float64Array; absent?: Uint8Array };
type StrCol = { t: 'str'; dict: string[]; v: Int32Array };

/**
 * The fields a span or an event may have besides those typed below, each read by name (a read by a key
 * variable, `r[key]`, over 70 000 records costs several times more): packed the general way when present.
 */
type Getters<T> = readonly (readonly [string, (r: T) => unknown])[];
const SPAN_OPTIONAL: Getters<Span> = [
  ['sync', (s) => s.sync],
  ['holder', (s) => s.holder],
  ['detail', (s) => s.detail],
];
const EVENT_OPTIONAL: Getters<TraceEvent> = [
  ['fromTask', (e) => e.fromTask],
  ['lateMs', (e) => e.lateMs],
  ['sync', (e) => e.sync],
  ['depth', (e) => e.depth],
  ['var', (e) => e.var],
  ['value', (e) => e.value],
  ['lost', (e) => e.lost],
  ['text', (e) => e.text],
];

const isInt32 = (x: number) => (x | 0) === x && !Object.is(x, -0);

class Dict {
  readonly dict: string[] = [];
  private readonly index = new Map<string, number>();
  private last = '';
  private lastAt = -1;
  at(s: string): number {
    if (s === this.last && this.lastAt >= 0) return this.lastAt;
    let at = this.index.get(s);
    if (at === undefined) this.index.set(s, (at = this.dict.push(s) - 1));
    this.last = s;
    this.lastAt = at;
    return at;
  }
}

export interface ShapedColumns {
  keys: string[];
  cols: (IntCol | NumCol | StrCol)[];
  /** Optional fields some record has, with their values (undefined where a record has none). */
  optional: { key: string; values: unknown[] }[];
}

function present<T>(rows: readonly T[], optional: Getters<T>): ShapedColumns['optional'] {
  const out: ShapedColumns['optional'] = [];
  for (const [key, get] of optional) {
    let i = 0;
    while (i < rows.length && get(rows[i]) === undefined) i++;
    if (i === rows.length) continue;
    const values = new Array<unknown>(rows.length);
    for (let k = 0; k < rows.length; k++) values[k] = k < i ? undefined : get(rows[k]);
    out.push({ key, values });
  }
  return out;
}

export function packSpans(spans: readonly Span[]): ShapedColumns | null {
  const n = spans.length;
  const lane = new Int32Array(n);
  const task = new Int32Array(n);
  const step = new Int32Array(n);
  const worker = new Int32Array(n);
  const startMs = new Float64Array(n);
  const endMs = new Float64Array(n);
  const state = new Int32Array(n);
  const states = new Dict();
  for (let i = 0; i < n; i++) {
    const s = spans[i];
    if (typeof s.startMs !== 'number' || typeof s.endMs !== 'number' || typeof s.state !== 'string') return null;
    if (!isInt32(s.lane) || !isInt32(s.task) || !isInt32(s.step) || !isInt32(s.worker)) return null;
    lane[i] = s.lane;
    task[i] = s.task;
    step[i] = s.step;
    worker[i] = s.worker;
    startMs[i] = s.startMs;
    endMs[i] = s.endMs;
    state[i] = states.at(s.state);
  }
  return {
    keys: ['lane', 'task', 'step', 'worker', 'startMs', 'endMs', 'state'],
    cols: [
      { t: 'int', v: lane },
      { t: 'int', v: task },
      { t: 'int', v: step },
      { t: 'int', v: worker },
      { t: 'num', v: startMs },
      { t: 'num', v: endMs },
      { t: 'str', dict: states.dict, v: state },
    ],
    optional: present(spans, SPAN_OPTIONAL),
  };
}

export function packEvents(events: readonly TraceEvent[]): ShapedColumns | null {
  const n = events.length;
  const task = new Int32Array(n);
  const lane = new Int32Array(n);
  const timeMs = new Float64Array(n);
  const kind = new Int32Array(n);
  const kinds = new Dict();
  for (let i = 0; i < n; i++) {
    const e = events[i];
    if (typeof e.timeMs !== 'number' || typeof e.kind !== 'string' || !isInt32(e.task) || !isInt32(e.lane)) return null;
    task[i] = e.task;
    lane[i] = e.lane;
    timeMs[i] = e.timeMs;
    kind[i] = kinds.at(e.kind);
  }
  return {
    keys: ['task', 'lane', 'timeMs', 'kind'],
    cols: [
      { t: 'int', v: task },
      { t: 'int', v: lane },
      { t: 'num', v: timeMs },
      { t: 'str', dict: kinds.dict, v: kind },
    ],
    optional: present(events, EVENT_OPTIONAL),
  };
}

/** A typed column with every value present, of the named field, or null. */
function column<C extends IntCol | NumCol | StrCol>(
  keys: readonly string[],
  cols: readonly { t: string }[],
  key: string,
  t: C['t'] | 'int|num',
): C['v'] | null {
  const c = cols[keys.indexOf(key)] as IntCol | NumCol | StrCol | undefined;
  if (!c) return null;
  if (t === 'int|num' ? c.t !== 'int' && c.t !== 'num' : c.t !== t) return null;
  if (c.t === 'str' ? c.v.some((x) => x < 0) : c.absent?.some((x) => x === 1)) return null;
  return c.v;
}

export type Extra = (target: Record<string, unknown>, i: number) => void;

/** Spans rebuilt as one-shape objects, or null when the columns are not the span shape. */
export function unpackSpans(keys: readonly string[], cols: readonly { t: string }[], n: number, extra: Extra) {
  const lane = column<IntCol>(keys, cols, 'lane', 'int');
  const task = column<IntCol>(keys, cols, 'task', 'int');
  const step = column<IntCol>(keys, cols, 'step', 'int');
  const worker = column<IntCol>(keys, cols, 'worker', 'int');
  const startMs = column<NumCol>(keys, cols, 'startMs', 'int|num');
  const endMs = column<NumCol>(keys, cols, 'endMs', 'int|num');
  const stateCol = cols[keys.indexOf('state')] as StrCol | undefined;
  const state = column<StrCol>(keys, cols, 'state', 'str');
  if (!lane || !task || !step || !worker || !startMs || !endMs || !state || !stateCol) return null;
  const names = stateCol.dict as Span['state'][];
  const out = new Array<Span>(n);
  for (let i = 0; i < n; i++) {
    const s: Span = {
      lane: lane[i],
      startMs: startMs[i],
      endMs: endMs[i],
      state: names[state[i]],
      task: task[i],
      step: step[i],
      worker: worker[i],
    };
    extra(s as unknown as Record<string, unknown>, i);
    out[i] = s;
  }
  return out;
}

/** Events rebuilt as one-shape objects, or null when the columns are not the event shape. */
export function unpackEvents(keys: readonly string[], cols: readonly { t: string }[], n: number, extra: Extra) {
  const task = column<IntCol>(keys, cols, 'task', 'int');
  const lane = column<IntCol>(keys, cols, 'lane', 'int');
  const timeMs = column<NumCol>(keys, cols, 'timeMs', 'int|num');
  const kindCol = cols[keys.indexOf('kind')] as StrCol | undefined;
  const kind = column<StrCol>(keys, cols, 'kind', 'str');
  if (!task || !lane || !timeMs || !kind || !kindCol) return null;
  const names = kindCol.dict as TraceEvent['kind'][];
  const out = new Array<TraceEvent>(n);
  for (let i = 0; i < n; i++) {
    const e: TraceEvent = { timeMs: timeMs[i], kind: names[kind[i]], task: task[i], lane: lane[i] };
    extra(e as unknown as Record<string, unknown>, i);
    out[i] = e;
  }
  return out;
}

/** Lanes rebuilt as one-shape objects (a task lane's `task` added after), or null. */
export function unpackLanes(keys: readonly string[], cols: readonly { t: string }[], n: number, extra: Extra) {
  const strs = ['id', 'kind', 'label'].map((k) => ({
    c: cols[keys.indexOf(k)] as StrCol | undefined,
    v: column<StrCol>(keys, cols, k, 'str'),
  }));
  if (strs.some((s) => !s.c || !s.v)) return null;
  const [id, kind, label] = strs.map((s) => ({ dict: s.c!.dict, v: s.v! }));
  const out = new Array<Lane>(n);
  for (let i = 0; i < n; i++) {
    const lane: Lane = {
      id: id.dict[id.v[i]],
      kind: kind.dict[kind.v[i]] as Lane['kind'],
      label: label.dict[label.v[i]],
    };
    extra(lane as unknown as Record<string, unknown>, i);
    out[i] = lane;
  }
  return out;
}

/** Task results rebuilt as one-shape objects, or null. */
export function unpackTasks(keys: readonly string[], cols: readonly { t: string }[], n: number, extra: Extra) {
  const nameCol = cols[keys.indexOf('name')] as StrCol | undefined;
  const name = column<StrCol>(keys, cols, 'name', 'str');
  const arrivalMs = column<NumCol>(keys, cols, 'arrivalMs', 'int|num');
  const startMs = column<NumCol>(keys, cols, 'startMs', 'int|num');
  const endMs = column<NumCol>(keys, cols, 'endMs', 'int|num');
  const latencyMs = column<NumCol>(keys, cols, 'latencyMs', 'int|num');
  if (!nameCol || !name || !arrivalMs || !startMs || !endMs || !latencyMs) return null;
  const out = new Array<TaskResult>(n);
  for (let i = 0; i < n; i++) {
    const t: TaskResult = {
      name: nameCol.dict[name[i]],
      arrivalMs: arrivalMs[i],
      startMs: startMs[i],
      endMs: endMs[i],
      latencyMs: latencyMs[i],
    };
    extra(t as unknown as Record<string, unknown>, i);
    out[i] = t;
  }
  return out;
}
