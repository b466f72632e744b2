/**
 * Spans and events packed straight from the simulator's typed-array chunks (sim/engine/traceColumns.ts),
 * in the simulation worker, without building the objects first: the columns are the ones packShapes.ts
 * makes from the objects, value for value and in the same order (spans by lane, then start; strings
 * numbered in order of first use). An event whose extra fields are not of their type gives null, and the
 * caller packs the objects instead.
 */
import { SPAN_STATES } from '../sim/types';
import type { EventChunks, SpanChunks } from '../sim/engine/traceColumns';
import { Dict, OptionalFlags, OptionalNumbers, OptionalStrings, withOptional, type PackedRecords } from './columns';
import { E_FIRST_AUX, E_GIL_HANDOFF, E_LOOP_SWITCH, E_TIMER_LATE, EVENT_KINDS } from '../sim/engine/codes';

const NS_PER_MS = 1e6;

const str = (d: Dict, v: Int32Array) => ({ t: 'str' as const, dict: d.dict, v });

export function packSpanChunks(c: SpanChunks): PackedRecords {
  const { times, ints, count: n, chunkBits, laneOf, laneCount, infos } = c;
  const mask = (1 << chunkBits) - 1;
  // Counting sort by trace lane (stable: each lane's spans are already in time order).
  const outLane = new Int32Array(n);
  const first = new Int32Array(laneCount + 1);
  for (let k = 0; k < n; k++) {
    const l = ints[k >> chunkBits][6 * (k & mask)];
    const out = l < 0 ? -1 : laneOf[l];
    outLane[k] = out;
    if (out >= 0) first[out + 1]++;
  }
  for (let i = 1; i <= laneCount; i++) first[i] += first[i - 1];
  const total = first[laneCount];
  const order = new Int32Array(total);
  for (let k = 0; k < n; k++) {
    const out = outLane[k];
    if (out >= 0) order[first[out]++] = k;
  }
  const lane = new Int32Array(total);
  const task = new Int32Array(total);
  const step = new Int32Array(total);
  const worker = new Int32Array(total);
  const startMs = new Float64Array(total);
  const endMs = new Float64Array(total);
  const state = new Int32Array(total);
  const states = new Dict();
  const stateAt = new Int32Array(SPAN_STATES.length).fill(-1);
  let sync: OptionalStrings | null = null;
  let holder: OptionalNumbers | null = null;
  let detail: OptionalStrings | null = null;
  for (let i = 0; i < total; i++) {
    const k = order[i];
    const T = times[k >> chunkBits];
    const I = ints[k >> chunkBits];
    const t2 = 2 * (k & mask);
    const j = 6 * (k & mask);
    lane[i] = outLane[k];
    startMs[i] = T[t2] / NS_PER_MS;
    endMs[i] = T[t2 + 1] / NS_PER_MS;
    const s = I[j + 1];
    state[i] = stateAt[s] >= 0 ? stateAt[s] : (stateAt[s] = states.at(SPAN_STATES[s]));
    task[i] = I[j + 2];
    step[i] = I[j + 3];
    const w = I[j + 4];
    worker[i] = w < 0 ? -1 : laneOf[w];
    const at = I[j + 5];
    if (at < 0) continue;
    const info = infos[at];
    if (info.sync !== undefined) (sync ??= new OptionalStrings(total)).put(i, info.sync);
    if (info.holder !== undefined) (holder ??= new OptionalNumbers(total)).put(i, info.holder);
    if (info.detail !== undefined) (detail ??= new OptionalStrings(total)).put(i, info.detail);
  }
  return withOptional(
    total,
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

export function packEventChunks(c: EventChunks): PackedRecords | null {
  const { chunks, count: n, chunkBits, laneOf, aux } = c;
  const mask = (1 << chunkBits) - 1;
  const task = new Int32Array(n);
  const lane = new Int32Array(n);
  const timeMs = new Float64Array(n);
  const kind = new Int32Array(n);
  const kinds = new Dict();
  const kindAt = new Int32Array(EVENT_KINDS.length).fill(-1);
  let fromTask: OptionalNumbers | null = null;
  let lateMs: OptionalNumbers | null = null;
  let sync: OptionalStrings | null = null;
  let depth: OptionalNumbers | null = null;
  let variable: OptionalStrings | null = null;
  let value: OptionalNumbers | null = null;
  let lost: OptionalFlags | null = null;
  let text: OptionalStrings | null = null;
  for (let j = 0; j < n; j++) {
    const ev = chunks[j >> chunkBits];
    const i = 5 * (j & mask);
    const k = ev[i + 1] | 0;
    const l = ev[i + 3] | 0;
    timeMs[j] = ev[i] / NS_PER_MS;
    kind[j] = kindAt[k] >= 0 ? kindAt[k] : (kindAt[k] = kinds.at(EVENT_KINDS[k]));
    task[j] = ev[i + 2] | 0;
    lane[j] = l < 0 ? -1 : laneOf[l];
    if (k === E_GIL_HANDOFF || k === E_LOOP_SWITCH) (fromTask ??= new OptionalNumbers(n)).put(j, ev[i + 4] | 0);
    else if (k === E_TIMER_LATE) (lateMs ??= new OptionalNumbers(n)).put(j, ev[i + 4] / NS_PER_MS);
    else if (k >= E_FIRST_AUX) {
      const e = aux[ev[i + 4] | 0];
      if (e.task !== undefined || e.lane !== undefined || e.timeMs !== undefined || e.kind !== undefined) return null;
      if (e.fromTask !== undefined) {
        if (typeof e.fromTask !== 'number') return null;
        (fromTask ??= new OptionalNumbers(n)).put(j, e.fromTask);
      }
      if (e.lateMs !== undefined) {
        if (typeof e.lateMs !== 'number') return null;
        (lateMs ??= new OptionalNumbers(n)).put(j, e.lateMs);
      }
      if (e.sync !== undefined) {
        if (typeof e.sync !== 'string') return null;
        (sync ??= new OptionalStrings(n)).put(j, e.sync);
      }
      if (e.depth !== undefined) {
        if (typeof e.depth !== 'number') return null;
        (depth ??= new OptionalNumbers(n)).put(j, e.depth);
      }
      if (e.var !== undefined) {
        if (typeof e.var !== 'string') return null;
        (variable ??= new OptionalStrings(n)).put(j, e.var);
      }
      if (e.value !== undefined) {
        if (typeof e.value !== 'number') return null;
        (value ??= new OptionalNumbers(n)).put(j, e.value);
      }
      if (e.lost !== undefined) {
        if (typeof e.lost !== 'boolean') return null;
        (lost ??= new OptionalFlags(n)).put(j, e.lost);
      }
      if (e.text !== undefined) {
        if (typeof e.text !== 'string') return null;
        (text ??= new OptionalStrings(n)).put(j, e.text);
      }
    }
  }
  return withOptional(
    n,
    ['task', 'lane', 'timeMs', 'kind'],
    [{ t: 'int', v: task }, { t: 'int', v: lane }, { t: 'num', v: timeMs }, str(kinds, kind)],
    { fromTask, lateMs, sync, depth, var: variable, value, lost, text },
  );
}
