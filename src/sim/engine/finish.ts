/**
 * The end of a recording: lanes in the contract's order (tasks, workers, cores, GILs; hidden lanes left
 * out), task results, and the spans and events, built as objects at once for a small trace or on first
 * read for a large one.
 */
import type { Lane, LaneKind, Span, TaskResult, TraceEvent } from '../types';
import type { SpanStore } from './buffers';
import { EVENT_CHUNK, EVENT_CHUNK_BITS, recycleChunks, recycleEvents, SPAN_CHUNK, SPAN_CHUNK_BITS } from './buffers';
import { CAT_GIL, CAT_TASK } from './codes';
import { materializeEvents, materializeSpans } from './materialize';
import type { SpanInfo } from './materialize';
import { offerChunks, type HeldChunks } from './traceColumns';

const NS_PER_MS = 1e6;

/** What a finished recording holds (the Recorder). */
export interface Recording {
  readonly laneCount: number;
  catOf(lane: number): number;
  isHidden(lane: number): boolean;
  readonly kind: readonly LaneKind[];
  readonly label: readonly string[];
  readonly taskNames: readonly string[];
  readonly taskArrival: Float64Array;
  readonly taskStart: Float64Array;
  readonly taskEnd: Float64Array;
  readonly spans: SpanStore;
  readonly evChunks: readonly Float64Array[];
  readonly nev: number;
  readonly infos: readonly SpanInfo[];
  readonly aux: readonly Partial<TraceEvent>[];
}

export interface Finished {
  lanes: Lane[];
  spans: Span[];
  events: TraceEvent[];
  tasks: TaskResult[];
  laneOf: Int32Array;
}

export interface FinishedLazy {
  lanes: Lane[];
  spans: Span[] | (() => Span[]);
  events: TraceEvent[] | (() => TraceEvent[]);
  tasks: TaskResult[];
  laneOf: Int32Array;
}

/** Lane ids by kind and index, kept between runs (the page re-simulates the same workload on every edit). */
const ID_CACHE_MAX = 1 << 15;
const idCache = new Map<LaneKind, string[]>();

/** `${kind}-${i}`, from the cache for the first ID_CACHE_MAX of each kind. */
function laneId(kind: LaneKind, i: number): string {
  if (i >= ID_CACHE_MAX) return `${kind}-${i}`;
  let ids = idCache.get(kind);
  if (ids === undefined) idCache.set(kind, (ids = []));
  for (let k = ids.length; k <= i; k++) ids.push(`${kind}-${k}`);
  return ids[i];
}

/**
 * A small trace (one span chunk, one event chunk) is built at once: that costs less than keeping its
 * buffers, and they go straight back for the next simulation.
 */
export function finishRecording(rec: Recording): FinishedLazy {
  const nl = rec.laneCount;
  const laneOf = new Int32Array(nl).fill(-1);
  const lanes: Lane[] = [];
  for (let cat = CAT_TASK; cat <= CAT_GIL; cat++) {
    for (let l = 0; l < nl; l++) {
      if (rec.catOf(l) !== cat || rec.isHidden(l)) continue;
      laneOf[l] = lanes.length;
      lanes.push(
        cat === CAT_TASK
          ? { id: laneId('task', l), kind: rec.kind[l], label: rec.label[l], task: l }
          : { id: laneId(rec.kind[l], lanes.length), kind: rec.kind[l], label: rec.label[l] },
      );
    }
  }
  const laneCount = lanes.length;
  const { infos, aux, taskNames } = rec;
  const nt = taskNames.length;
  const tasks = new Array<TaskResult>(nt);
  for (let t = 0; t < nt; t++) {
    const arrivalMs = rec.taskArrival[t] / NS_PER_MS;
    const startMs = rec.taskStart[t] / NS_PER_MS;
    const endMs = rec.taskEnd[t] / NS_PER_MS;
    tasks[t] = { name: taskNames[t], arrivalMs, startMs, endMs, latencyMs: endMs - arrivalMs };
  }
  const nsp = rec.spans.count;
  const nev = rec.nev;
  let spT: Float64Array[] | null = rec.spans.times;
  let spI: Int32Array[] | null = rec.spans.ints;
  let ev: readonly Float64Array[] | null = rec.evChunks;
  if (nsp - rec.spans.dropped <= SPAN_CHUNK && nev <= EVENT_CHUNK) {
    const spans = materializeSpans(spT, spI, SPAN_CHUNK_BITS, nsp, laneOf, laneCount, infos);
    const events = materializeEvents(ev, EVENT_CHUNK_BITS, nev, laneOf, aux);
    recycleChunks(spT, spI);
    recycleEvents(ev);
    return { lanes, spans, events, tasks, laneOf };
  }
  let spans: Span[] | null = null;
  let events: TraceEvent[] | null = null;
  const held: Held = { spT, spI, ev };
  const buildSpans = (): Span[] => {
    if (spans === null) {
      if (spT === null || spI === null) throw new Error('the spans of this trace were given back unread');
      spans = materializeSpans(spT, spI, SPAN_CHUNK_BITS, nsp, laneOf, laneCount, infos);
      recycleChunks(spT, spI);
      spT = spI = held.spT = held.spI = null;
    }
    return spans;
  };
  const buildEvents = (): TraceEvent[] => {
    if (events === null) {
      if (ev === null) throw new Error('the events of this trace were given back unread');
      events = materializeEvents(ev, EVENT_CHUNK_BITS, nev, laneOf, aux);
      recycleEvents(ev);
      ev = held.ev = null;
    }
    return events;
  };
  // A trace dropped unread gives its chunks back once it has been collected, or at once when its reader
  // packed them and is done with the trace (release).
  unread?.register(buildSpans, held, held);
  const release = () => {
    unread?.unregister(held);
    if (held.spT !== null && held.spI !== null) recycleChunks(held.spT, held.spI);
    if (held.ev !== null) recycleEvents(held.ev);
    spT = spI = held.spT = held.spI = null;
    ev = held.ev = null;
  };
  offerChunks(tasks, {
    held,
    spanCount: nsp,
    spanChunkBits: SPAN_CHUNK_BITS,
    eventCount: nev,
    eventChunkBits: EVENT_CHUNK_BITS,
    laneOf,
    laneCount,
    infos,
    aux,
    release,
  });
  return { lanes, spans: buildSpans, events: buildEvents, tasks, laneOf };
}

/** The chunks a lazy trace still holds (null once read). */
type Held = HeldChunks;

/**
 * Chunks of traces that were collected before their spans or events were read go back for later
 * simulations (a page re-simulating on every edit drops the last trace). The trace's builder is the
 * registered target; the chunks are held here, so nothing that can still read them is alive.
 */
const unread =
  typeof FinalizationRegistry === 'function'
    ? new FinalizationRegistry<Held>((h) => {
        if (h.spT !== null && h.spI !== null) recycleChunks(h.spT, h.spI);
        if (h.ev !== null) recycleEvents(h.ev);
      })
    : null;
