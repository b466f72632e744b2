/**
 * The lanes of a recording and what each shows: half-open spans, closed into a SpanStore (buffers.ts).
 *
 * Lanes get an internal id when they are created (task lanes first, then whatever the model creates as
 * it runs); finish.ts puts them in the contract's order. Each lane has at most one open span; setting the
 * same state again continues it, and a span that starts where the lane's last closed span ended, with the
 * same attributes, extends that span instead, so traces stay small.
 *
 * Everything the inner loop touches is in typed arrays: one row of 16 integers per lane (the open span,
 * the last closed span, the lane's category) and LANE_NUMS numbers (times).
 */
import type { LaneKind } from '../types';
import { CAT_CORE } from './codes';
import { SpanStore } from './buffers';

// A lane's row of integers: the open span (state -1 = none) …
const R_STATE = 0;
const R_TASK = 1;
const R_STEP = 2;
const R_WORKER = 3;
const R_INFO = 4;
/** … the lane's last closed span (index, or -1) and its attributes … */
const R_LAST = 5;
const R_LSTATE = 6;
const R_LTASK = 7;
const R_LSTEP = 8;
const R_LWORKER = 9;
const R_LINFO = 10;
/** … and the lane itself. */
const R_CAT = 11;
const R_HIDDEN = 12;
/** LANE_INTS = 1 << LANE_SHIFT = 16 integers per lane. */
const LANE_SHIFT = 4;
// A lane's numbers: when the open span started, when the last closed one ended, closed core time.
const N_START = 0;
const N_LAST_END = 1;
const N_BUSY = 2;
const LANE_NUMS = 4;

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
  private nums: Float64Array;
  readonly kind: LaneKind[] = [];
  readonly label: string[] = [];
  readonly spans = new SpanStore();

  /** Summary mode (keep = false) stores no spans, only core busy time. `lanes`: room to start with. */
  constructor(
    protected readonly keep: boolean,
    lanes: number,
  ) {
    this.rows = new Int32Array(lanes << LANE_SHIFT);
    this.nums = new Float64Array(lanes * LANE_NUMS);
  }

  addLane(cat: number, kind: LaneKind, label: string): number {
    const id = this.laneCount++;
    if (id << LANE_SHIFT === this.rows.length) {
      const rows = new Int32Array(this.rows.length * 2);
      rows.set(this.rows);
      this.rows = rows;
      const nums = new Float64Array(this.nums.length * 2);
      nums.set(this.nums);
      this.nums = nums;
    }
    const o = id << LANE_SHIFT;
    const R = this.rows;
    R[o + R_STATE] = -1;
    R[o + R_TASK] = -1;
    R[o + R_STEP] = -1;
    R[o + R_WORKER] = -1;
    R[o + R_INFO] = -1;
    R[o + R_LAST] = -1;
    R[o + R_CAT] = cat;
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
    if (!this.keep && R[o + R_CAT] !== CAT_CORE) return; // summary mode: only core busy time is needed
    const cur = R[o + R_STATE];
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
    R[o + R_STATE] = state;
    R[o + R_TASK] = task;
    R[o + R_STEP] = step;
    R[o + R_WORKER] = worker;
    R[o + R_INFO] = info;
    this.nums[lane * LANE_NUMS + N_START] = this.at;
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
    const no = lane * LANE_NUMS;
    const start = N[no + N_START];
    if (now <= start) return;
    if (R[o + R_CAT] === CAT_CORE) N[no + N_BUSY] += now - start;
    if (!this.keep) return;
    const task = R[o + R_TASK];
    const step = R[o + R_STEP];
    const worker = R[o + R_WORKER];
    const info = R[o + R_INFO];
    const k = R[o + R_LAST];
    if (
      k >= 0 &&
      N[no + N_LAST_END] === start &&
      R[o + R_LSTATE] === st &&
      R[o + R_LTASK] === task &&
      R[o + R_LSTEP] === step &&
      R[o + R_LWORKER] === worker &&
      R[o + R_LINFO] === info
    ) {
      this.spans.atEnd = now;
      this.spans.setEndAt(k);
      N[no + N_LAST_END] = now;
      return;
    }
    const spans = this.spans;
    spans.atStart = start;
    spans.atEnd = now;
    R[o + R_LAST] = spans.appendAt(lane, st, task, step, worker, info);
    R[o + R_LSTATE] = st;
    R[o + R_LTASK] = task;
    R[o + R_LSTEP] = step;
    R[o + R_LWORKER] = worker;
    R[o + R_LINFO] = info;
    N[no + N_LAST_END] = now;
  }

  /**
   * Total closed-span time of `count` consecutive core lanes from `first`, in ns (call after closeAll).
   * Kept as spans close (whole nanoseconds, so the sums are exact in any order).
   */
  busyNs(first: number, count: number): number[] {
    const sums = new Array<number>(count).fill(0);
    for (let i = 0; i < count; i++) sums[i] = this.nums[(first + i) * LANE_NUMS + N_BUSY];
    return sums;
  }

  closeAll(now: number): void {
    for (let l = 0; l < this.laneCount; l++) this.close(l, now);
  }
}
