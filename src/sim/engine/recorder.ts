/**
 * Builds the trace while the simulation runs: lanes, half-open spans, instant events, task start/end.
 *
 * Lanes get an internal id when they are created (task lanes first, then whatever the model creates as
 * it runs). At the end they are put in the order the contract asks for (tasks, workers, cores, GILs) and
 * every lane reference in spans and events is renumbered. Each lane has at most one open span; setting
 * the same state again continues it, and a span that is closed and reopened at the same instant with the
 * same attributes is merged, so traces stay small.
 */
import type { Lane, LaneKind, Span, TaskResult, TraceEvent } from '../types';
import { CAT_CORE, CAT_GIL, CAT_TASK, E_STEP_START, E_TASK_END, E_TASK_START, S } from './codes';
import { materializeEvents, materializeSpans } from './materialize';
import type { SpanInfo } from './materialize';

export * from './codes';

const WAIT_LOOP = S['wait-loop'];
const WAIT_WORKER = S['wait-worker'];
const NS_PER_MS = 1e6;

/**
 * Span and event buffers are kept between simulations (the page re-simulates on every edit): taking
 * them back avoids re-growing tens of megabytes of typed arrays each time. Simulations never overlap
 * (simulate is synchronous), and finish() copies everything out before handing the buffers back.
 */
let spareSpans: Float64Array | null = null;
let spareEvents: Float64Array | null = null;

export class Recorder {
  private readonly cat: number[] = [];
  private readonly kind: LaneKind[] = [];
  private readonly label: string[] = [];
  /** Lanes that are left out of the trace (a GIL only one thread ever used). */
  private readonly hidden: boolean[] = [];
  // The open span of each lane (state -1 = none).
  private readonly oState: number[] = [];
  private readonly oTask: number[] = [];
  private readonly oStep: number[] = [];
  private readonly oWorker: number[] = [];
  private readonly oStart: number[] = [];
  private readonly oInfo: number[] = [];
  /** Index of each lane's last closed span in `sp`, or -1. */
  private readonly lastSpan: number[] = [];
  /** Closed spans, 8 numbers each: lane, start, end, state, task, step, worker, info (ns, internal lane ids). */
  private sp: Float64Array;
  private nsp = 0;
  /** Events, 5 numbers each: time, kind, task, lane, extra. */
  private ev: Float64Array;
  private nev = 0;

  readonly taskStart: Float64Array;
  readonly taskEnd: Float64Array;
  /** When each task arrived (ns); set by simulate from the tasks' startAtMs. */
  readonly taskArrival: Float64Array;
  /** Called when a task finishes (the coordination layer wakes its joiners). */
  onTaskDone: ((t: number) => void) | null = null;
  /** Side tables: what waiting spans and coordination events carry beyond the numbers. */
  private readonly infos: SpanInfo[] = [];
  private readonly aux: Partial<TraceEvent>[] = [];
  /** Tasks whose start is deferred until a worker takes them (work done on submission does not count). */
  private readonly held: Uint8Array;

  /** Summary mode (keep = false): no spans or events are stored, only busy time per lane and task times. */
  private readonly busy: number[] = [];

  constructor(
    private readonly taskNames: readonly string[],
    private readonly keep = true,
  ) {
    const n = taskNames.length;
    this.sp = spareSpans ?? new Float64Array(8 * 4096);
    this.ev = spareEvents ?? new Float64Array(5 * 4096);
    spareSpans = null;
    spareEvents = null;
    this.taskStart = new Float64Array(n).fill(-1);
    this.taskEnd = new Float64Array(n).fill(-1);
    this.taskArrival = new Float64Array(n);
    this.held = new Uint8Array(n);
    for (let i = 0; i < n; i++) this.addLane(CAT_TASK, 'task', taskNames[i]);
  }

  addLane(cat: number, kind: LaneKind, label: string): number {
    const id = this.cat.length;
    this.cat.push(cat);
    this.kind.push(kind);
    this.label.push(label);
    this.hidden.push(false);
    this.oState.push(-1);
    this.oTask.push(-1);
    this.oStep.push(-1);
    this.oWorker.push(-1);
    this.oStart.push(0);
    this.oInfo.push(-1);
    this.lastSpan.push(-1);
    this.busy.push(0);
    return id;
  }

  hide(lane: number): void {
    this.hidden[lane] = true;
  }

  /** A waiting span's details (Span.sync / holder / detail): returns the `info` argument for set / task. */
  info(i: SpanInfo): number {
    if (!this.keep) return -1;
    this.infos.push(i);
    return this.infos.length - 1;
  }

  /** Sets what a lane shows from `now` on. */
  set(lane: number, now: number, state: number, task: number, step: number, worker: number, info = -1): void {
    if (!this.keep && this.cat[lane] !== CAT_CORE) return; // summary mode: only core busy time is needed
    const cur = this.oState[lane];
    if (
      cur === state &&
      this.oTask[lane] === task &&
      this.oStep[lane] === step &&
      this.oWorker[lane] === worker &&
      this.oInfo[lane] === info
    ) {
      return;
    }
    if (cur >= 0) this.close(lane, now);
    else {
      // Reopen the last closed span if it ends now and looks the same (merging adjacent spans).
      const k = this.lastSpan[lane];
      const sp = this.sp;
      if (
        k >= 0 &&
        k === this.nsp - 8 &&
        sp[k + 2] === now &&
        sp[k + 3] === state &&
        sp[k + 4] === task &&
        sp[k + 5] === step &&
        sp[k + 6] === worker &&
        sp[k + 7] === info
      ) {
        this.oStart[lane] = sp[k + 1];
        this.nsp = k;
        this.lastSpan[lane] = -1;
        this.oState[lane] = state;
        this.oTask[lane] = task;
        this.oStep[lane] = step;
        this.oWorker[lane] = worker;
        this.oInfo[lane] = info;
        return;
      }
    }
    this.oState[lane] = state;
    this.oTask[lane] = task;
    this.oStep[lane] = step;
    this.oWorker[lane] = worker;
    this.oInfo[lane] = info;
    this.oStart[lane] = now;
  }

  /** Closes the lane's open span at `now` (nothing shown afterwards until the next set). */
  close(lane: number, now: number): void {
    const st = this.oState[lane];
    if (st < 0) return;
    this.oState[lane] = -1;
    const start = this.oStart[lane];
    if (now <= start) return;
    if (!this.keep) {
      this.busy[lane] += now - start;
      return;
    }
    const task = this.oTask[lane];
    const step = this.oStep[lane];
    const worker = this.oWorker[lane];
    const info = this.oInfo[lane];
    const k = this.lastSpan[lane];
    let sp = this.sp;
    if (
      k >= 0 &&
      sp[k + 2] === start &&
      sp[k + 3] === st &&
      sp[k + 4] === task &&
      sp[k + 5] === step &&
      sp[k + 6] === worker &&
      sp[k + 7] === info
    ) {
      sp[k + 2] = now;
      return;
    }
    if (this.nsp + 8 > sp.length) {
      const bigger = new Float64Array(sp.length * 2);
      bigger.set(sp);
      this.sp = sp = bigger;
    }
    const i = this.nsp;
    sp[i] = lane;
    sp[i + 1] = start;
    sp[i + 2] = now;
    sp[i + 3] = st;
    sp[i + 4] = task;
    sp[i + 5] = step;
    sp[i + 6] = worker;
    sp[i + 7] = info;
    this.nsp = i + 8;
    this.lastSpan[lane] = i;
  }

  /** A task lane's state; the first state that is not a queue wait marks the task as started. */
  task(t: number, now: number, state: number, step: number, worker: number, info = -1): void {
    if (this.taskStart[t] < 0 && state !== WAIT_LOOP && state !== WAIT_WORKER && this.held[t] === 0) {
      this.taskStart[t] = now;
      this.event(now, E_TASK_START, t, t, 0);
    }
    this.set(t, now, state, t, step, worker, info);
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

  taskDone(t: number, now: number): void {
    if (this.taskStart[t] < 0) {
      this.taskStart[t] = now;
      this.event(now, E_TASK_START, t, t, 0);
    }
    this.close(t, now);
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
    let ev = this.ev;
    if (this.nev + 5 > ev.length) {
      const bigger = new Float64Array(ev.length * 2);
      bigger.set(ev);
      this.ev = ev = bigger;
    }
    const i = this.nev;
    ev[i] = now;
    ev[i + 1] = kind;
    ev[i + 2] = task;
    ev[i + 3] = lane;
    ev[i + 4] = extra;
    this.nev = i + 5;
  }

  /** Total closed-span time of `count` consecutive lanes from `first`, in ns (call after closeAll). */
  busyNs(first: number, count: number): number[] {
    const sums = new Array<number>(count).fill(0);
    if (!this.keep) {
      for (let i = 0; i < count; i++) sums[i] = this.busy[first + i];
      return sums;
    }
    const sp = this.sp;
    for (let k = 0; k < this.nsp; k += 8) {
      const i = sp[k] - first;
      if (i >= 0 && i < count) sums[i] += sp[k + 2] - sp[k + 1];
    }
    return sums;
  }

  closeAll(now: number): void {
    for (let l = 0; l < this.oState.length; l++) this.close(l, now);
  }

  finish(): { lanes: Lane[]; spans: Span[]; events: TraceEvent[]; tasks: TaskResult[]; laneOf: Int32Array } {
    const nl = this.cat.length;
    const laneOf = new Int32Array(nl).fill(-1);
    const lanes: Lane[] = [];
    for (let cat = CAT_TASK; cat <= CAT_GIL; cat++) {
      for (let l = 0; l < nl; l++) {
        if (this.cat[l] !== cat || this.hidden[l]) continue;
        laneOf[l] = lanes.length;
        lanes.push(
          cat === CAT_TASK
            ? { id: `task-${l}`, kind: this.kind[l], label: this.label[l], task: l }
            : { id: `${this.kind[l]}-${lanes.length}`, kind: this.kind[l], label: this.label[l] },
        );
      }
    }
    const spans = materializeSpans(this.sp, this.nsp, laneOf, lanes.length, this.infos);
    const events = materializeEvents(this.ev, this.nev, laneOf, this.aux);
    const tasks: TaskResult[] = this.taskNames.map((name, t) => {
      const arrivalMs = this.taskArrival[t] / NS_PER_MS;
      const startMs = this.taskStart[t] / NS_PER_MS;
      const endMs = this.taskEnd[t] / NS_PER_MS;
      return { name, arrivalMs, startMs, endMs, latencyMs: endMs - arrivalMs };
    });
    spareSpans = this.sp;
    spareEvents = this.ev;
    return { lanes, spans, events, tasks, laneOf };
  }
}
