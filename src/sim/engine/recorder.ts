/**
 * Builds the trace while the simulation runs: lanes, half-open spans, instant events, task start/end.
 *
 * Lanes get an internal id when they are created (task lanes first, then whatever the model creates as
 * it runs). At the end they are put in the order the contract asks for (tasks, workers, cores, GILs) and
 * every lane reference in spans and events is renumbered. Each lane has at most one open span; setting
 * the same state again continues it, and a span that is closed and reopened at the same instant with the
 * same attributes is merged, so traces stay small.
 */
import { SPAN_STATES } from '../types';
import type { EventKind, Lane, LaneKind, Span, SpanState, TaskResult, TraceEvent } from '../types';

export const CAT_TASK = 0;
export const CAT_WORKER = 1;
export const CAT_CORE = 2;
export const CAT_GIL = 3;

const STATE_INDEX: Record<SpanState, number> = Object.fromEntries(
  SPAN_STATES.map((s, i) => [s, i]),
) as Record<SpanState, number>;
export const S = STATE_INDEX;
const WAIT_LOOP = STATE_INDEX['wait-loop'];
const WAIT_WORKER = STATE_INDEX['wait-worker'];

const NS_PER_MS = 1e6;

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
  /** Closed spans per lane, flattened: start, end, state, task, step, worker. */
  private readonly closed: number[][] = [];

  private readonly evTime: number[] = [];
  private readonly evKind: EventKind[] = [];
  private readonly evTask: number[] = [];
  private readonly evLane: number[] = [];
  private readonly evExtra: number[] = [];

  readonly taskStart: Float64Array;
  readonly taskEnd: Float64Array;
  /** Tasks whose start is deferred until a worker takes them (work done on submission does not count). */
  private readonly held: Uint8Array;

  constructor(
    private readonly taskNames: readonly string[],
    private readonly withStepEvents = true,
  ) {
    const n = taskNames.length;
    this.taskStart = new Float64Array(n).fill(-1);
    this.taskEnd = new Float64Array(n).fill(-1);
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
    this.closed.push([]);
    return id;
  }

  hide(lane: number): void {
    this.hidden[lane] = true;
  }

  /** Sets what a lane shows from `now` on. */
  set(lane: number, now: number, state: number, task: number, step: number, worker: number): void {
    const cur = this.oState[lane];
    if (cur === state && this.oTask[lane] === task && this.oStep[lane] === step && this.oWorker[lane] === worker) {
      return;
    }
    if (cur >= 0) this.close(lane, now);
    else {
      // Reopen the last closed span if it ends now and looks the same (merging adjacent spans).
      const c = this.closed[lane];
      const k = c.length - 6;
      if (
        k >= 0 &&
        c[k + 1] === now &&
        c[k + 2] === state &&
        c[k + 3] === task &&
        c[k + 4] === step &&
        c[k + 5] === worker
      ) {
        this.oStart[lane] = c[k];
        c.length = k;
        this.oState[lane] = state;
        this.oTask[lane] = task;
        this.oStep[lane] = step;
        this.oWorker[lane] = worker;
        return;
      }
    }
    this.oState[lane] = state;
    this.oTask[lane] = task;
    this.oStep[lane] = step;
    this.oWorker[lane] = worker;
    this.oStart[lane] = now;
  }

  /** Closes the lane's open span at `now` (nothing shown afterwards until the next set). */
  close(lane: number, now: number): void {
    const st = this.oState[lane];
    if (st < 0) return;
    const start = this.oStart[lane];
    if (now > start) {
      const c = this.closed[lane];
      const k = c.length - 6;
      if (
        k >= 0 &&
        c[k + 1] === start &&
        c[k + 2] === st &&
        c[k + 3] === this.oTask[lane] &&
        c[k + 4] === this.oStep[lane] &&
        c[k + 5] === this.oWorker[lane]
      ) {
        c[k + 1] = now;
      } else c.push(start, now, st, this.oTask[lane], this.oStep[lane], this.oWorker[lane]);
    }
    this.oState[lane] = -1;
  }

  /** A task lane's state; the first state that is not a queue wait marks the task as started. */
  task(t: number, now: number, state: number, step: number, worker: number): void {
    if (this.taskStart[t] < 0 && state !== WAIT_LOOP && state !== WAIT_WORKER && this.held[t] === 0) {
      this.taskStart[t] = now;
      this.event(now, 'task-start', t, t, 0);
    }
    this.set(t, now, state, t, step, worker);
  }

  /** Work done for t on submission to a pool does not start it; the worker taking it will (releaseStart). */
  holdStart(t: number): void {
    this.held[t] = 1;
  }

  releaseStart(t: number): void {
    this.held[t] = 0;
  }

  stepStart(t: number, now: number, worker: number): void {
    if (this.withStepEvents) this.event(now, 'step-start', t, worker, 0);
  }

  taskDone(t: number, now: number): void {
    if (this.taskStart[t] < 0) {
      this.taskStart[t] = now;
      this.event(now, 'task-start', t, t, 0);
    }
    this.close(t, now);
    this.taskEnd[t] = now;
    this.event(now, 'task-end', t, t, 0);
  }

  /** extra: fromTask for gil-handoff / loop-switch, lateness in ns for timer-late. */
  event(now: number, kind: EventKind, task: number, lane: number, extra: number): void {
    this.evTime.push(now);
    this.evKind.push(kind);
    this.evTask.push(task);
    this.evLane.push(lane);
    this.evExtra.push(extra);
  }

  /** Total closed-span time of a lane, in ns (call after closeAll). */
  busyNs(lane: number): number {
    const c = this.closed[lane];
    let sum = 0;
    for (let k = 0; k < c.length; k += 6) sum += c[k + 1] - c[k];
    return sum;
  }

  closeAll(now: number): void {
    for (let l = 0; l < this.oState.length; l++) this.close(l, now);
  }

  finish(): { lanes: Lane[]; spans: Span[]; events: TraceEvent[]; tasks: TaskResult[]; laneOf: Int32Array } {
    const nl = this.cat.length;
    const laneOf = new Int32Array(nl).fill(-1);
    const lanes: Lane[] = [];
    const order: number[] = [];
    for (let cat = CAT_TASK; cat <= CAT_GIL; cat++) {
      for (let l = 0; l < nl; l++) {
        if (this.cat[l] !== cat || this.hidden[l]) continue;
        laneOf[l] = lanes.length;
        order.push(l);
        const lane: Lane = { id: `${this.kind[l]}-${lanes.length}`, kind: this.kind[l], label: this.label[l] };
        if (cat === CAT_TASK) {
          lane.id = `task-${l}`;
          lane.task = l;
        }
        lanes.push(lane);
      }
    }
    const spans: Span[] = [];
    for (const l of order) {
      const c = this.closed[l];
      const lane = laneOf[l];
      for (let k = 0; k < c.length; k += 6) {
        spans.push({
          lane,
          startMs: c[k] / NS_PER_MS,
          endMs: c[k + 1] / NS_PER_MS,
          state: SPAN_STATES[c[k + 2]],
          task: c[k + 3],
          step: c[k + 4],
          worker: c[k + 5] < 0 ? -1 : laneOf[c[k + 5]],
        });
      }
    }
    const events: TraceEvent[] = [];
    for (let i = 0; i < this.evTime.length; i++) {
      const kind = this.evKind[i];
      const ev: TraceEvent = {
        timeMs: this.evTime[i] / NS_PER_MS,
        kind,
        task: this.evTask[i],
        lane: this.evLane[i] < 0 ? -1 : laneOf[this.evLane[i]],
      };
      if (kind === 'gil-handoff' || kind === 'loop-switch') ev.fromTask = this.evExtra[i];
      else if (kind === 'timer-late') ev.lateMs = this.evExtra[i] / NS_PER_MS;
      events.push(ev);
    }
    const tasks: TaskResult[] = this.taskNames.map((name, t) => {
      const startMs = this.taskStart[t] / NS_PER_MS;
      const endMs = this.taskEnd[t] / NS_PER_MS;
      return { name, startMs, endMs, latencyMs: endMs - startMs };
    });
    return { lanes, spans, events, tasks, laneOf };
  }
}
