/**
 * The recorder's span and event chunks of a finished trace, read-only, for a reader that packs them
 * into columns of its own without building the Span and TraceEvent objects (the simulation worker). A
 * trace is known by its task results (the array the trace carries as `tasks`); its chunks are offered
 * only while its spans (or events) have not been built from them, since building gives them back for
 * later simulations.
 */
import type { TaskResult, TraceEvent } from '../types';
import type { SpanInfo } from './materialize';

/** The chunks a lazy trace still holds (null once its objects are built). */
export interface HeldChunks {
  spT: Float64Array[] | null;
  spI: Int32Array[] | null;
  ev: readonly Float64Array[] | null;
}

/** Where a trace's chunks are and how to read them (materialize.ts describes the layout). */
export interface ChunkLayout {
  readonly held: HeldChunks;
  readonly spanCount: number;
  readonly spanChunkBits: number;
  readonly eventCount: number;
  readonly eventChunkBits: number;
  /** Recorder lane → trace lane index (-1: left out). */
  readonly laneOf: Int32Array;
  readonly laneCount: number;
  readonly infos: readonly SpanInfo[];
  readonly aux: readonly Partial<TraceEvent>[];
  /** Gives the chunks still held back for later simulations (the trace's unbuilt spans and events are lost). */
  readonly release: () => void;
}

export interface SpanChunks {
  readonly times: readonly Float64Array[];
  readonly ints: readonly Int32Array[];
  readonly count: number;
  readonly chunkBits: number;
  readonly laneOf: Int32Array;
  readonly laneCount: number;
  readonly infos: readonly SpanInfo[];
}

export interface EventChunks {
  readonly chunks: readonly Float64Array[];
  readonly count: number;
  readonly chunkBits: number;
  readonly laneOf: Int32Array;
  readonly aux: readonly Partial<TraceEvent>[];
}

const layouts = new WeakMap<readonly TaskResult[], ChunkLayout>();

/** Records where the chunks of the trace with these task results are. */
export function offerChunks(tasks: readonly TaskResult[], layout: ChunkLayout): void {
  layouts.set(tasks, layout);
}

/** The span chunks of a trace, or null (a small trace, or its spans already built). */
export function spanChunksOf(trace: { readonly tasks: readonly TaskResult[] }): SpanChunks | null {
  const l = layouts.get(trace.tasks);
  if (l === undefined || l.held.spT === null || l.held.spI === null) return null;
  const { spanCount: count, spanChunkBits: chunkBits, laneOf, laneCount, infos } = l;
  return { times: l.held.spT, ints: l.held.spI, count, chunkBits, laneOf, laneCount, infos };
}

/** The event chunks of a trace, or null (a small trace, or its events already built). */
export function eventChunksOf(trace: { readonly tasks: readonly TaskResult[] }): EventChunks | null {
  const l = layouts.get(trace.tasks);
  if (l === undefined || l.held.ev === null) return null;
  const { eventCount: count, eventChunkBits: chunkBits, laneOf, aux } = l;
  return { chunks: l.held.ev, count, chunkBits, laneOf, aux };
}

/**
 * For a reader done with a trace whose chunks it packed (the simulation worker, once the trace is posted):
 * the chunks the trace still holds go back for the next simulation at once, rather than when the trace is
 * collected. Spans or events not built by then can no longer be read (reading them throws).
 */
export function releaseChunks(trace: { readonly tasks: readonly TaskResult[] }): void {
  const l = layouts.get(trace.tasks);
  if (l === undefined) return;
  layouts.delete(trace.tasks);
  l.release();
}
