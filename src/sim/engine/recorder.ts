/**
 * Builds the trace while the simulation runs: lanes and their spans (LaneRecorder, lanes.ts), instant
 * events, task start/end. Events are recorded into chunks of typed arrays (buffers.ts), 5 numbers each;
 * what coordination events and waiting spans carry beyond the numbers goes into side tables.
 */
import type { TraceEvent } from '../types';
import { CAT_TASK, E_STEP_START, E_TASK_END, E_TASK_START, S } from './codes';
import { EVENT_CHUNK_NUMS, takeEventChunk } from './buffers';
import { finishRecording } from './finish';
import type { Finished, FinishedLazy, Recording } from './finish';
import { LaneRecorder } from './lanes';
import type { SpanInfo } from './materialize';

export * from './codes';
export type { Clock } from './lanes';

const WAIT_LOOP = S['wait-loop'];
const WAIT_WORKER = S['wait-worker'];

export class Recorder extends LaneRecorder implements Recording {
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
    keep = true,
  ) {
    super(keep, taskNames.length + 64);
    const n = taskNames.length;
    this.taskStart = new Float64Array(n).fill(-1);
    this.taskEnd = new Float64Array(n).fill(-1);
    this.taskArrival = new Float64Array(n);
    this.startOrder = new Int32Array(n);
    this.endOrder = new Int32Array(n);
    this.held = new Uint8Array(n);
    for (let i = 0; i < n; i++) this.addLane(CAT_TASK, 'task', taskNames[i]);
  }

  /** A waiting span's details (Span.sync / holder / detail): returns the `info` argument for set / task. */
  info(i: SpanInfo): number {
    if (!this.keep) return -1;
    this.infos.push(i);
    return this.infos.length - 1;
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

  /**
   * What a thread's lane shows from now on (worker -1), and the lane of the task it works for (task ≥ 0)
   * the same, with the thread's lane as worker.
   */
  threadNow(lane: number, state: number, task: number, step: number, info: number): void {
    this.at = this.clock.now;
    this.put(lane, state, task, step, -1, info);
    if (task >= 0) this.putTask(task, state, step, lane, info);
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
