/**
 * Turns the recorder's flat typed-array buffers into the contract's Span and TraceEvent objects, with
 * internal lane ids renumbered to trace lane indexes (laneOf; -1 = lane left out).
 */
import { SPAN_STATES } from '../types';
import type { Metrics, Span, TaskResult, Trace, TraceEvent } from '../types';
import { E_FIRST_AUX, E_GIL_HANDOFF, E_LOOP_SWITCH, E_TIMER_LATE, EVENT_KINDS } from './codes';

const NS_PER_MS = 1e6;

/** What a waiting span says about its primitive (Span.sync / holder / detail). */
export interface SpanInfo {
  sync?: string;
  holder?: number;
  detail?: 'empty' | 'full';
}

/**
 * Spans are stored in chunks of 2^chunkBits spans: span k is entry k & (2^chunkBits − 1) of chunk
 * k >> chunkBits, its times 2 numbers in `spT` (start, end, ns), its integers 6 in `spI` (lane, state,
 * task, step, worker, info: an index into `infos`, or -1; lane -1: dropped); `n` spans. Output: sorted
 * by lane, then start.
 */
export function materializeSpans(
  spT: readonly Float64Array[],
  spI: readonly Int32Array[],
  chunkBits: number,
  n: number,
  laneOf: Int32Array,
  laneCount: number,
  infos: readonly SpanInfo[] = [],
): Span[] {
  const mask = (1 << chunkBits) - 1;
  // Counting sort by output lane (stable: each lane's spans are already in time order).
  const outLane = new Int32Array(n);
  const count = new Int32Array(laneCount + 1);
  for (let k = 0; k < n; k++) {
    const lane = spI[k >> chunkBits][6 * (k & mask)];
    const out = lane < 0 ? -1 : laneOf[lane];
    outLane[k] = out;
    if (out >= 0) count[out + 1]++;
  }
  for (let i = 1; i <= laneCount; i++) count[i] += count[i - 1];
  const total = count[laneCount];
  const order = new Int32Array(total);
  for (let k = 0; k < n; k++) {
    const out = outLane[k];
    if (out >= 0) order[count[out]++] = k;
  }
  const spans: Span[] = new Array<Span>(total);
  for (let i = 0; i < total; i++) {
    const k = order[i];
    const T = spT[k >> chunkBits];
    const I = spI[k >> chunkBits];
    const t2 = 2 * (k & mask);
    const j = 6 * (k & mask);
    const w = I[j + 4];
    const span: Span = {
      lane: outLane[k],
      startMs: T[t2] / NS_PER_MS,
      endMs: T[t2 + 1] / NS_PER_MS,
      state: SPAN_STATES[I[j + 1]],
      task: I[j + 2],
      step: I[j + 3],
      worker: w < 0 ? -1 : laneOf[w],
    };
    const info = I[j + 5];
    if (info >= 0) Object.assign(span, infos[info]);
    spans[i] = span;
  }
  return spans;
}

/**
 * Events are stored 5 numbers each: time, kind, task, lane, extra (fromTask, lateness in ns, or for the
 * coordination events an index into `aux`, whose fields are copied onto the event), in chunks of
 * 2^chunkBits events; `n` events.
 */
export function materializeEvents(
  chunks: readonly Float64Array[],
  chunkBits: number,
  n: number,
  laneOf: Int32Array,
  aux: readonly Partial<TraceEvent>[] = [],
): TraceEvent[] {
  const events: TraceEvent[] = new Array<TraceEvent>(n);
  const mask = (1 << chunkBits) - 1;
  for (let j = 0; j < n; j++) {
    const ev = chunks[j >> chunkBits];
    const i = 5 * (j & mask);
    const kind = ev[i + 1] | 0;
    const lane = ev[i + 3] | 0;
    const e: TraceEvent = {
      timeMs: ev[i] / NS_PER_MS,
      kind: EVENT_KINDS[kind],
      task: ev[i + 2] | 0,
      lane: lane < 0 ? -1 : laneOf[lane],
    };
    if (kind === E_GIL_HANDOFF || kind === E_LOOP_SWITCH) e.fromTask = ev[i + 4] | 0;
    else if (kind === E_TIMER_LATE) e.lateMs = ev[i + 4] / NS_PER_MS;
    else if (kind >= E_FIRST_AUX) Object.assign(e, aux[ev[i + 4] | 0]);
    events[j] = e;
  }
  return events;
}

/**
 * A Trace whose `spans` and `events`, when given as functions, are built on first read (from the
 * recorder's typed arrays): the properties are ordinary enumerable ones to every reader (JSON.stringify,
 * spread, structuredClone, equality in tests), in the contract's key order, and assignable. Given as
 * arrays, the trace is a plain object.
 */
export function lazyTrace(
  head: Pick<Trace, 'model' | 'scenarioId' | 'settings' | 'makespanMs' | 'lanes'>,
  spans: Span[] | (() => Span[]),
  events: TraceEvent[] | (() => TraceEvent[]),
  tasks: TaskResult[],
  metrics: Metrics,
): Trace {
  const { model, scenarioId, settings, makespanMs, lanes } = head;
  if (typeof spans !== 'function' && typeof events !== 'function') {
    return { model, scenarioId, settings, makespanMs, lanes, spans, events, tasks, metrics };
  }
  let s: Span[] | null = typeof spans === 'function' ? null : spans;
  let e: TraceEvent[] | null = typeof events === 'function' ? null : events;
  const buildSpans = spans as () => Span[];
  const buildEvents = events as () => TraceEvent[];
  return {
    model,
    scenarioId,
    settings,
    makespanMs,
    lanes,
    get spans(): Span[] {
      return s ?? (s = buildSpans());
    },
    set spans(v: Span[]) {
      s = v;
    },
    get events(): TraceEvent[] {
      return e ?? (e = buildEvents());
    },
    set events(v: TraceEvent[]) {
      e = v;
    },
    tasks,
    metrics,
  };
}
