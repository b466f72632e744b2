/**
 * The lanes of a recording and what each shows: half-open spans, closed into a SpanStore (buffers.ts).
 *
 * Lanes get an internal id when they are created (task lanes first, then whatever the model creates as
 * it runs); finish.ts puts them in the contract's order. Each lane has at most one open span; setting the
 * same state again continues it, and a span that starts where the lane's last closed span ended, with the
 * same attributes, extends that span instead, so traces stay small.
 *
 * A span is stored when it opens (its end is written when it closes), so closing one writes a time and
 * two integers. Everything the inner loop touches is in one 64-byte row per lane: 10 integers (the open
 * span, the last closed span, the lane's category) and 3 numbers (times), read through two views.
 */
import type { LaneKind } from '../types';
import { CAT_CORE } from './codes';
import { SpanStore } from './buffers';

// A lane's row of integers: the open span's attributes (state -1 = none open). Closing a span leaves
// task … info in place, so between spans they are the attributes of the lane's last closed span.
const R_STATE = 0;
const R_TASK = 1;
const R_STEP = 2;
const R_WORKER = 3;
const R_INFO = 4;
/** The open span's index in the SpanStore (spans are stored when they open; closing sets the end). */
const R_OPEN = 5;
/** The lane's last closed span (index, or -1) and its state. */
const R_LAST = 6;
const R_LSTATE = 7;
/** The lane itself. */
const R_CAT = 8;
const R_HIDDEN = 9;
/** LANE_INTS = 1 << LANE_SHIFT = 16 integers per lane. */
const LANE_SHIFT = 4;
// The row's last 24 bytes are numbers (a Float64Array view of the same memory, 8 per row): when the
// open span started, when the last closed one ended, closed core time. One lane, one 64-byte row.
const N_START = 5;
const N_LAST_END = 6;
const N_BUSY = 7;
const NUM_SHIFT = 3;

/**
 * The lane rows of the last finished simulation, for the next one (10 000 tasks make 20 000 lanes: a
 * megabyte of rows, zeroed and grown on every re-simulation otherwise). See LaneRecorder.releaseRows.
 */
let spareRows: Int32Array | null = null;

/** Whatever keeps the simulated time, ns. */
export interface Clock {
  readonly now: number;
}

export class LaneRecorder {
  /** Lanes created so far. */
  laneCount = 0;
  /**
   * The time of the set / close in progress. Passed in a field, not as an argument: a number outside
   * the small-integer range passed to a call that is not inlined is boxed (a heap allocation per call).
   * For the same reason the engine calls the *Now methods, which read the time from `clock`.
   */
  protected at = 0;
  /** The engine's clock (the Sim sets itself). */
  clock: Clock = { now: 0 };
  private rows: Int32Array;
  /** The same memory as rows, as numbers. */
  private nums: Float64Array;
  readonly kind: LaneKind[] = [];
  readonly label: string[] = [];
  readonly spans = new SpanStore();

  /** Summary mode (keep = false) stores no spans, only core busy time. `lanes`: room to start with. */
  constructor(
    protected readonly keep: boolean,
    lanes: number,
  ) {
    const need = lanes << LANE_SHIFT;
    if (spareRows !== null && spareRows.length >= need) {
      this.rows = spareRows;
      spareRows = null;
    } else this.rows = new Int32Array(need);
    this.nums = new Float64Array(this.rows.buffer);
  }

  /**
   * Hands the lane rows to the next recorder: call once nothing will read or set a lane of this one
   * again (simulate does, at its very end).
   */
  releaseRows(): void {
    if (spareRows === null || spareRows.length < this.rows.length) spareRows = this.rows;
    this.rows = new Int32Array(0);
    this.nums = new Float64Array(0);
  }

  addLane(cat: number, kind: LaneKind, label: string): number {
    const id = this.laneCount++;
    if (id << LANE_SHIFT === this.rows.length) {
      const rows = new Int32Array(this.rows.length * 2);
      rows.set(this.rows);
      this.rows = rows;
      this.nums = new Float64Array(rows.buffer);
    }
    const o = id << LANE_SHIFT;
    const R = this.rows;
    R[o + R_STATE] = -1;
    R[o + R_TASK] = -1;
    R[o + R_STEP] = -1;
    R[o + R_WORKER] = -1;
    R[o + R_INFO] = -1;
    R[o + R_OPEN] = -1;
    R[o + R_LAST] = -1;
    R[o + R_LSTATE] = -1;
    R[o + R_CAT] = cat;
    R[o + R_HIDDEN] = 0;
    const N = this.nums;
    const no = id << NUM_SHIFT;
    N[no + N_START] = 0;
    N[no + N_LAST_END] = 0;
    N[no + N_BUSY] = 0;
    this.kind.push(kind);
    this.label.push(label);
    return id;
  }

  catOf(lane: number): number {
    return this.rows[(lane << LANE_SHIFT) + R_CAT];
  }

  isHidden(lane: number): boolean {
    return this.rows[(lane << LANE_SHIFT) + R_HIDDEN] !== 0;
  }

  /** Leaves a lane out of the trace (a GIL only one thread ever used). */
  hide(lane: number): void {
    this.rows[(lane << LANE_SHIFT) + R_HIDDEN] = 1;
  }

  /** Sets what a lane shows from `now` on. */
  set(lane: number, now: number, state: number, task: number, step: number, worker: number, info = -1): void {
    this.at = now;
    this.put(lane, state, task, step, worker, info);
  }

  /** As set, at the clock's time (the engine's calls: no time is passed, see `at`). */
  setNow(lane: number, state: number, task: number, step: number, worker: number, info = -1): void {
    this.at = this.clock.now;
    this.put(lane, state, task, step, worker, info);
  }

  /** set at this.at. */
  protected put(lane: number, state: number, task: number, step: number, worker: number, info: number): void {
    const R = this.rows;
    const o = lane << LANE_SHIFT;
    const cur = R[o + R_STATE];
    if (!this.keep) {
      // Summary mode: only core busy time is needed (a sum, so spans need not be told apart).
      if (R[o + R_CAT] !== CAT_CORE) return;
      const no = lane << NUM_SHIFT;
      const N = this.nums;
      const now = this.at;
      if (cur >= 0 && now > N[no + N_START]) N[no + N_BUSY] += now - N[no + N_START];
      R[o + R_STATE] = state;
      N[no + N_START] = now;
      return;
    }
    if (
      cur === state &&
      R[o + R_TASK] === task &&
      R[o + R_STEP] === step &&
      R[o + R_WORKER] === worker &&
      R[o + R_INFO] === info
    ) {
      return;
    }
    if (cur >= 0) this.closeRow(lane, o);
    const now = this.at;
    const no = lane << NUM_SHIFT;
    const N = this.nums;
    N[no + N_START] = now;
    R[o + R_STATE] = state;
    const last = R[o + R_LAST];
    if (
      last >= 0 &&
      N[no + N_LAST_END] === now &&
      R[o + R_LSTATE] === state &&
      R[o + R_TASK] === task &&
      R[o + R_STEP] === step &&
      R[o + R_WORKER] === worker &&
      R[o + R_INFO] === info
    ) {
      // It starts where the lane's last span ended, with the same attributes: that span goes on.
      R[o + R_OPEN] = last;
      return;
    }
    R[o + R_TASK] = task;
    R[o + R_STEP] = step;
    R[o + R_WORKER] = worker;
    R[o + R_INFO] = info;
    const spans = this.spans;
    spans.atStart = now;
    R[o + R_OPEN] = spans.openAt(lane, state, task, step, worker, info);
  }

  /** Closes the lane's open span at `now` (nothing shown afterwards until the next set). */
  close(lane: number, now: number): void {
    const o = lane << LANE_SHIFT;
    if (this.rows[o + R_STATE] >= 0) {
      this.at = now;
      this.closeRow(lane, o);
    }
  }

  /** As close, at the clock's time. */
  closeNow(lane: number): void {
    const o = lane << LANE_SHIFT;
    if (this.rows[o + R_STATE] >= 0) {
      this.at = this.clock.now;
      this.closeRow(lane, o);
    }
  }

  /** Closes the open span of the lane whose row starts at o, at this.at. */
  private closeRow(lane: number, o: number): void {
    const now = this.at;
    const R = this.rows;
    const N = this.nums;
    const st = R[o + R_STATE];
    R[o + R_STATE] = -1;
    const no = lane << NUM_SHIFT;
    const start = N[no + N_START];
    if (now <= start) {
      if (this.keep) this.dropOpen(o);
      return;
    }
    if (R[o + R_CAT] === CAT_CORE) N[no + N_BUSY] += now - start;
    if (!this.keep) return;
    const k = R[o + R_OPEN];
    const spans = this.spans;
    spans.atEnd = now;
    spans.setEndAt(k);
    R[o + R_LAST] = k;
    R[o + R_LSTATE] = st;
    N[no + N_LAST_END] = now;
  }

  /**
   * The open span ends where it began: it is not kept. A span stored for it is dropped, and the row
   * gets back the attributes of the lane's last closed span (a continued span keeps its old end).
   */
  private dropOpen(o: number): void {
    const R = this.rows;
    const k = R[o + R_OPEN];
    const last = R[o + R_LAST];
    if (k === last) return;
    this.spans.drop(k);
    if (last >= 0) {
      const spans = this.spans;
      R[o + R_TASK] = spans.intAt(last, 2);
      R[o + R_STEP] = spans.intAt(last, 3);
      R[o + R_WORKER] = spans.intAt(last, 4);
      R[o + R_INFO] = spans.intAt(last, 5);
    }
  }

  /**
   * Total closed-span time of `count` consecutive core lanes from `first`, in ns (call after closeAll).
   * Kept as spans close (whole nanoseconds, so the sums are exact in any order).
   */
  busyNs(first: number, count: number): number[] {
    const sums = new Array<number>(count).fill(0);
    for (let i = 0; i < count; i++) sums[i] = this.nums[((first + i) << NUM_SHIFT) + N_BUSY];
    return sums;
  }

  closeAll(now: number): void {
    for (let l = 0; l < this.laneCount; l++) this.close(l, now);
  }
}
