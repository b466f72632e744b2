/**
 * The buffers a recording fills: closed spans (SpanStore) and event chunks, both reused across
 * simulations.
 *
 * Closed spans are recorded into fixed-size chunks of typed arrays (SPAN_CHUNK spans each: nothing is
 * copied as a run grows, and a small run allocates little). Span k is entry k & SPAN_MASK of chunk
 * k >> SPAN_CHUNK_BITS: its times in a `times` chunk, 2 numbers each (start, end, ns), the rest in an
 * `ints` chunk, 6 integers each (lane, state, task, step, worker, info; lane -1: a dropped span).
 *
 * A trace keeps its chunks until its spans are first read; then the objects are built and the chunks
 * come back (recycle) for later simulations (the page re-simulates on every edit). Simulations never
 * overlap (simulate is synchronous), and chunks come back only once their trace is done with them.
 */
export const SPAN_CHUNK_BITS = 12;
export const SPAN_CHUNK = 1 << SPAN_CHUNK_BITS;
export const SPAN_MASK = SPAN_CHUNK - 1;
/** At most this many spare chunks are kept (about 40 MB). */
const MAX_SPARE_CHUNKS = 256;
const spareT: Float64Array[] = [];
const spareI: Int32Array[] = [];

/** Returns chunks for later stores to use. */
export function recycleChunks(times: readonly Float64Array[], ints: readonly Int32Array[]): void {
  for (let c = 0; c < times.length && spareT.length < MAX_SPARE_CHUNKS; c++) {
    spareT.push(times[c]);
    spareI.push(ints[c]);
  }
}

/**
 * Events are recorded 5 numbers each (time, kind, task, lane, extra) into chunks of EVENT_CHUNK events
 * (a growing run never copies what it has recorded); event k is entry k & EVENT_MASK of chunk
 * k >> EVENT_CHUNK_BITS.
 */
export const EVENT_CHUNK_BITS = 12;
export const EVENT_CHUNK = 1 << EVENT_CHUNK_BITS;
export const EVENT_MASK = EVENT_CHUNK - 1;
/** Numbers in one event chunk. */
export const EVENT_CHUNK_NUMS = 5 * EVENT_CHUNK;
/** At most this many spare event chunks are kept (about 20 MB). */
const MAX_SPARE_EVENT_CHUNKS = 128;
const spareEvents: Float64Array[] = [];

/** An event chunk: a spare one if there is one. */
export function takeEventChunk(): Float64Array {
  return spareEvents.pop() ?? new Float64Array(EVENT_CHUNK_NUMS);
}

/** Gives event chunks back for later simulations. */
export function recycleEvents(chunks: readonly Float64Array[]): void {
  for (let c = 0; c < chunks.length && spareEvents.length < MAX_SPARE_EVENT_CHUNKS; c++) spareEvents.push(chunks[c]);
}

export class SpanStore {
  readonly times: Float64Array[] = [];
  readonly ints: Int32Array[] = [];
  /** Spans stored. */
  count = 0;
  /** The chunk being filled, and how many spans it holds. */
  private curT: Float64Array = new Float64Array(0);
  private curI: Int32Array = new Int32Array(0);
  private fill = SPAN_CHUNK;

  /** Spans dropped after they were stored (their lane is -1; readers skip them). */
  dropped = 0;

  /**
   * The start (openAt) and end (setEndAt) of a span, ns. Passed in fields, not as arguments: a number
   * outside the small-integer range passed to a call that is not inlined is boxed (a heap allocation
   * per call).
   */
  atStart = 0;
  atEnd = 0;

  /** Stores a span that starts at atStart (its end is set when it closes, setEndAt); returns its index. */
  openAt(lane: number, state: number, task: number, step: number, worker: number, info: number): number {
    if (this.fill === SPAN_CHUNK) this.nextChunk();
    const f = this.fill++;
    this.curT[f << 1] = this.atStart;
    const I = this.curI;
    const i6 = f * 6;
    I[i6] = lane;
    I[i6 + 1] = state;
    I[i6 + 2] = task;
    I[i6 + 3] = step;
    I[i6 + 4] = worker;
    I[i6 + 5] = info;
    return this.count++;
  }

  /** Moves the end of span k to atEnd. */
  setEndAt(k: number): void {
    this.times[k >> SPAN_CHUNK_BITS][((k & SPAN_MASK) << 1) + 1] = this.atEnd;
  }

  /** Integer j of span k (0 lane, 1 state, 2 task, 3 step, 4 worker, 5 info). */
  intAt(k: number, j: number): number {
    return this.ints[k >> SPAN_CHUNK_BITS][(k & SPAN_MASK) * 6 + j];
  }

  /** Removes span k: taken back if it is the last one stored, else marked (lane -1). */
  drop(k: number): void {
    if (k === this.count - 1) {
      this.count--;
      this.fill--;
      return;
    }
    this.ints[k >> SPAN_CHUNK_BITS][(k & SPAN_MASK) * 6] = -1;
    this.dropped++;
  }

  private nextChunk(): void {
    this.curT = spareT.pop() ?? new Float64Array(2 * SPAN_CHUNK);
    this.curI = spareI.pop() ?? new Int32Array(6 * SPAN_CHUNK);
    this.times.push(this.curT);
    this.ints.push(this.curI);
    this.fill = 0;
  }
}
