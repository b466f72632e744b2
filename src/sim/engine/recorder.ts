/**
 * Builds the trace while the simulation runs: lanes, half-open spans, instant events, task start/end.
 *
 * Lanes get an internal id when they are created (task lanes first, then whatever the model creates as
 * it runs). At the end they are put in the order the contract asks for (tasks, workers, cores, GILs) and
 * every lane reference in spans and events is renumbered (finish.ts). Each lane has at most one open
 * span; setting the same state again continues it, and a span that starts where the lane's last closed
 * span ended, with the same attributes, extends that span instead, so traces stay small.
 *
 * Everything the inner loop touches is in typed arrays: one row of 16 integers per lane (the open
 * span, the last closed span, the lane's category) and LANE_NUMS numbers (times), spans in a SpanStore,
 * events in chunks (buffers.ts).
 */
import type { LaneKind, TraceEvent } from '../types';
import { CAT_CORE, CAT_TASK, E_STEP_START, E_TASK_END, E_TASK_START, S } from './codes';
import { EVENT_CHUNK_NUMS, SpanStore, takeEventChunk } from './buffers';
import { finishRecording } from './finish';
import type { Finished, FinishedLazy, Recording } from './finish';
import type { SpanInfo } from './materialize';

export * from './codes';

const WAIT_LOOP = S['wait-loop'];
const WAIT_WORKER = S['wait-worker'];

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

export class Recorder implements Recording {
  /** Lanes created so far. */
  laneCount = 0;
  /**
   * The time of the set / close in progress. Passed in a field, not as an argument: a number outside
   * the small-integer range passed to a call that is not inlined is boxed (a heap allocation per call).
   * For the same reason the engine calls the *Now methods, which read the time from `clock`.
   */
  private at = 0;
  /** The engine's clock (the Sim sets itself). */
  clock: Clock = { now: 0 };
  private rows: Int32Array;
  private nums: Float64Array;
  readonly kind: LaneKind[] = [];
  readonly label: string[] = [];
  readonly spans = new SpanStore();
  /** Events, 5 numbers each (time, kind, task, lane, extra), in chunks of EVENT_CHUNK events. */
  readonly evChunks: Float64Array[] = [];
  /** Events recorded. */
  nev = 0;
  /** The event chunk being filled, and how many numbers it holds. */
  private evCur: Float64Array = new Float64Array(0);
  private evFill = EVENT_CHUNK_NUMS;

  readonly taskStart: Float64Array;
  readonly taskEnd: Float64Array;
  /** When each task arrived (ns); set by simulate from the tasks' startAtMs. */
  readonly taskArrival: Float64Array;
  /** Tasks in the order they started (nStarted of them) and ended (nEnded), for metrics without a sort. */
  readonly startOrder: Int32Array;
  readonly endOrder: Int32Array;
  nStarted = 0;
  nEnded = 0;
  /** False once a start or an end was recorded earlier than the one before it (the orders are then not by time). */
  inTimeOrder = true;
  /** Called when a task finishes (the coordination layer wakes its joiners). */
  onTaskDone: ((t: number) => void) | null = null;
  /** Side tables: what waiting spans and coordination events carry beyond the numbers. */
  readonly infos: SpanInfo[] = [];
  readonly aux: Partial<TraceEvent>[] = [];
  /** Tasks whose start is deferred until a worker takes them (work done on submission does not count). */
  private readonly held: Uint8Array;

  /** Summary mode (keep = false) stores no spans or events, only core busy time and task times. */
  constructor(
    readonly taskNames: readonly string[],
    private readonly keep = true,
  ) {
    const n = taskNames.length;
    const cap = n + 64;
    this.rows = new Int32Array(cap << LANE_SHIFT);
    this.nums = new Float64Array(cap * LANE_NUMS);
    this.taskStart = new Float64Array(n).fill(-1);
    this.taskEnd = new Float64Array(n).fill(-1);
    this.taskArrival = new Float64Array(n);
    this.startOrder = new Int32Array(n);
    this.endOrder = new Int32Array(n);
    this.held = new Uint8Array(n);
    for (let i = 0; i < n; i++) this.addLane(CAT_TASK, 'task', taskNames[i]);
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

  /** A waiting span's details (Span.sync / holder / detail): returns the `info` argument for set / task. */
  info(i: SpanInfo): number {
    if (!this.keep) return -1;
    this.infos.push(i);
    return this.infos.length - 1;
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
  private put(lane: number, state: number, task: number, step: number, worker: number, info: number): void {
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

  /** A task lane's state; the first state that is not a queue wait marks the task as started. */
  task(t: number, now: number, state: number, step: number, worker: number, info = -1): void {
    this.at = now;
    this.putTask(t, state, step, worker, info);
  }

  /** As task, at the clock's time. */
  taskNow(t: number, state: number, step: number, worker: number, info = -1): void {
    this.at = this.clock.now;
    this.putTask(t, state, step, worker, info);
  }

  private putTask(t: number, state: number, step: number, worker: number, info: number): void {
    if (this.taskStart[t] < 0 && state !== WAIT_LOOP && state !== WAIT_WORKER && this.held[t] === 0) {
      this.started(t, this.at);
    }
    this.put(t, state, t, step, worker, info);
  }

  private started(t: number, now: number): void {
    const k = this.nStarted++;
    if (k > 0 && now < this.taskStart[this.startOrder[k - 1]]) this.inTimeOrder = false;
    this.startOrder[k] = t;
    this.taskStart[t] = now;
    this.event(now, E_TASK_START, t, t, 0);
  }

  /** Work done for t on submission to a pool does not start it; the worker taking it will (releaseStart). */
  holdStart(t: number): void {
    this.held[t] = 1;
  }

  releaseStart(t: number): void {
    this.held[t] = 0;
  }

  stepStart(t: number, now: number, worker: number): void {
    this.event(now, E_STEP_START, t, worker, 0);
  }

  /** As stepStart, at the clock's time. */
  stepStartNow(t: number, worker: number): void {
    if (this.keep) this.event(this.clock.now, E_STEP_START, t, worker, 0);
  }

  /** As event, at the clock's time. */
  eventNow(kind: number, task: number, lane: number, extra: number): void {
    if (this.keep) this.event(this.clock.now, kind, task, lane, extra);
  }

  taskDone(t: number, now: number): void {
    this.at = now;
    this.doneAt(t);
  }

  /** As taskDone, at the clock's time. */
  taskDoneNow(t: number): void {
    this.at = this.clock.now;
    this.doneAt(t);
  }

  /** taskDone at this.at. */
  private doneAt(t: number): void {
    const now = this.at;
    if (this.taskStart[t] < 0) this.started(t, now);
    this.close(t, now);
    if (this.taskEnd[t] < 0) {
      const k = this.nEnded++;
      if (k > 0 && now < this.taskEnd[this.endOrder[k - 1]]) this.inTimeOrder = false;
      this.endOrder[k] = t;
    } else this.inTimeOrder = false;
    this.taskEnd[t] = now;
    this.event(now, E_TASK_END, t, t, 0);
    if (this.onTaskDone !== null) this.onTaskDone(t);
  }

  /** A coordination event (E_SYNC_WAKE …): `fields` are copied onto the TraceEvent. */
  eventWith(now: number, kind: number, task: number, lane: number, fields: Partial<TraceEvent>): void {
    if (!this.keep) return;
    this.aux.push(fields);
    this.event(now, kind, task, lane, this.aux.length - 1);
  }

  /** extra: fromTask for gil-handoff / loop-switch, lateness in ns for timer-late. */
  event(now: number, kind: number, task: number, lane: number, extra: number): void {
    if (!this.keep) return;
    let i = this.evFill;
    if (i === EVENT_CHUNK_NUMS) {
      this.evCur = takeEventChunk();
      this.evChunks.push(this.evCur);
      i = 0;
    }
    const ev = this.evCur;
    ev[i] = now;
    ev[i + 1] = kind;
    ev[i + 2] = task;
    ev[i + 3] = lane;
    ev[i + 4] = extra;
    this.evFill = i + 5;
    this.nev++;
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

  finish(): Finished {
    const out = this.finishLazy();
    const spans = typeof out.spans === 'function' ? out.spans() : out.spans;
    const events = typeof out.events === 'function' ? out.events() : out.events;
    return { lanes: out.lanes, spans, events, tasks: out.tasks, laneOf: out.laneOf };
  }

  /**
   * As finish, but the spans and events of a large trace stay in typed arrays until first asked for:
   * `spans` / `events` are then functions that build the objects once and return the same arrays after
   * that (see finish.ts).
   */
  finishLazy(): FinishedLazy {
    return finishRecording(this);
  }
}
