/**
 * Turns the recorder's flat typed-array buffers into the contract's Span and TraceEvent objects, with
 * internal lane ids renumbered to trace lane indexes (laneOf; -1 = lane left out).
 */
import { SPAN_STATES } from '../types';
import type { Span, TraceEvent } from '../types';
import { E_FIRST_AUX, E_GIL_HANDOFF, E_LOOP_SWITCH, E_TIMER_LATE, EVENT_KINDS } from './codes';

const NS_PER_MS = 1e6;

/** What a waiting span says about its primitive (Span.sync / holder / detail). */
export interface SpanInfo {
  sync?: string;
  holder?: number;
  detail?: 'empty' | 'full';
}

/**
 * Spans are stored 8 numbers each: lane, start, end, state, task, step, worker, info (index into
 * `infos`, or -1). Output: sorted by lane, then start.
 */
export function materializeSpans(
  sp: Float64Array,
  n: number,
  laneOf: Int32Array,
  laneCount: number,
  infos: readonly SpanInfo[] = [],
): Span[] {
  // Counting sort by output lane (stable: each lane's spans are already in time order).
  const count = new Int32Array(laneCount + 1);
  for (let k = 0; k < n; k += 8) {
    const out = laneOf[sp[k] | 0];
    if (out >= 0) count[out + 1]++;
  }
  for (let i = 1; i <= laneCount; i++) count[i] += count[i - 1];
  const total = count[laneCount];
  const order = new Int32Array(total);
  for (let k = 0; k < n; k += 8) {
    const out = laneOf[sp[k] | 0];
    if (out >= 0) order[count[out]++] = k;
  }
  const spans: Span[] = new Array<Span>(total);
  for (let i = 0; i < total; i++) {
    const k = order[i];
    // `| 0` keeps integer fields as small integers (no boxed doubles per span).
    const w = sp[k + 6] | 0;
    const span: Span = {
      lane: laneOf[sp[k] | 0],
      startMs: sp[k + 1] / NS_PER_MS,
      endMs: sp[k + 2] / NS_PER_MS,
      state: SPAN_STATES[sp[k + 3] | 0],
      task: sp[k + 4] | 0,
      step: sp[k + 5] | 0,
      worker: w < 0 ? -1 : laneOf[w],
    };
    const info = sp[k + 7] | 0;
    if (info >= 0) Object.assign(span, infos[info]);
    spans[i] = span;
  }
  return spans;
}

/**
 * Events are stored 5 numbers each: time, kind, task, lane, extra (fromTask, lateness in ns, or for the
 * coordination events an index into `aux`, whose fields are copied onto the event).
 */
export function materializeEvents(
  ev: Float64Array,
  n: number,
  laneOf: Int32Array,
  aux: readonly Partial<TraceEvent>[] = [],
): TraceEvent[] {
  const events: TraceEvent[] = new Array<TraceEvent>(n / 5);
  for (let i = 0, j = 0; i < n; i += 5, j++) {
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
