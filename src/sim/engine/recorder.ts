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
 * Spans are recorded into fixed-size chunks of typed arrays (SPAN_CHUNK spans each: nothing is copied
 * as a run grows, and a small run allocates little). A trace keeps its chunks until its spans are first
 * read; then the objects are built and the chunks come back here for later simulations (the page
 * re-simulates on every edit). The event buffer works the same way, as one growing array. Simulations
 * never overlap (simulate is synchronous), and buffers come back only once their trace is done with them.
 */
const SPAN_CHUNK_BITS = 12;
const SPAN_CHUNK = 1 << SPAN_CHUNK_BITS;
const SPAN_MASK = SPAN_CHUNK - 1;
/** At most this many spare chunks are kept (about 40 MB). */
const MAX_SPARE_CHUNKS = 256;
/** Event numbers (5 per event) of a new event buffer. */
const EVENT_BUFFER = 5 * 4096;
const spareT: Float64Array[] = [];
const spareI: Int32Array[] = [];
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
  /** Index of each lane's last closed span, or -1. */
  private readonly lastSpan: number[] = [];
  /**
   * Closed spans (internal lane ids), `nsp` of them; span k is entry k & SPAN_MASK of chunk
   * k >> SPAN_CHUNK_BITS: times in `spT` chunks, 2 numbers each (start, end, ns), the rest in `spI`
   * chunks, 6 integers each (lane, state, task, step, worker, info).
   */
  private readonly spT: Float64Array[] = [];
  private readonly spI: Int32Array[] = [];
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

  /** Closed-span time per core lane (ns). Summary mode (keep = false) stores no spans or events, only this and task times. */
  private readonly busy: number[] = [];

  constructor(
    private readonly taskNames: readonly string[],
    private readonly keep = true,
  ) {
    const n = taskNames.length;
    this.ev = spareEvents ?? new Float64Array(EVENT_BUFFER);
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
      if (k >= 0 && k === this.nsp - 1) {
        const spT = this.spT[k >> SPAN_CHUNK_BITS];
        const spI = this.spI[k >> SPAN_CHUNK_BITS];
        const t2 = 2 * (k & SPAN_MASK);
        const i6 = 6 * (k & SPAN_MASK);
        if (
          spT[t2 + 1] === now &&
          spI[i6 + 1] === state &&
          spI[i6 + 2] === task &&
          spI[i6 + 3] === step &&
          spI[i6 + 4] === worker &&
          spI[i6 + 5] === info
        ) {
          this.oStart[lane] = spT[t2];
          // Its time counts again, whole, when it closes.
          if (this.cat[lane] === CAT_CORE) this.busy[lane] -= spT[t2 + 1] - spT[t2];
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
    if (this.cat[lane] === CAT_CORE) this.busy[lane] += now - start;
    const task = this.oTask[lane];
    const step = this.oStep[lane];
    const worker = this.oWorker[lane];
    const info = this.oInfo[lane];
    const k = this.lastSpan[lane];
    if (k >= 0) {
      const spT = this.spT[k >> SPAN_CHUNK_BITS];
      const spI = this.spI[k >> SPAN_CHUNK_BITS];
      const t2 = 2 * (k & SPAN_MASK);
      const i6 = 6 * (k & SPAN_MASK);
      if (
        spT[t2 + 1] === start &&
        spI[i6 + 1] === st &&
        spI[i6 + 2] === task &&
        spI[i6 + 3] === step &&
        spI[i6 + 4] === worker &&
        spI[i6 + 5] === info
      ) {
        spT[t2 + 1] = now;
        return;
      }
    }
    const n = this.nsp;
    const c = n >> SPAN_CHUNK_BITS;
    if (c === this.spT.length) {
      this.spT.push(spareT.pop() ?? new Float64Array(2 * SPAN_CHUNK));
      this.spI.push(spareI.pop() ?? new Int32Array(6 * SPAN_CHUNK));
    }
    const spT = this.spT[c];
    const spI = this.spI[c];
    const t2 = 2 * (n & SPAN_MASK);
    spT[t2] = start;
    spT[t2 + 1] = now;
    const i6 = 6 * (n & SPAN_MASK);
    spI[i6] = lane;
    spI[i6 + 1] = st;
    spI[i6 + 2] = task;
    spI[i6 + 3] = step;
    spI[i6 + 4] = worker;
    spI[i6 + 5] = info;
    this.nsp = n + 1;
    this.lastSpan[lane] = n;
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

  /**
   * Total closed-span time of `count` consecutive core lanes from `first`, in ns (call after closeAll).
   * Kept as spans close (whole nanoseconds, so the sums are exact in any order).
   */
  busyNs(first: number, count: number): number[] {
    const sums = new Array<number>(count).fill(0);
    for (let i = 0; i < count; i++) sums[i] = this.busy[first + i];
    return sums;
  }

  closeAll(now: number): void {
    for (let l = 0; l < this.oState.length; l++) this.close(l, now);
  }

  finish(): { lanes: Lane[]; spans: Span[]; events: TraceEvent[]; tasks: TaskResult[]; laneOf: Int32Array } {
    const out = this.finishLazy();
    const spans = typeof out.spans === 'function' ? out.spans() : out.spans;
    const events = typeof out.events === 'function' ? out.events() : out.events;
    return { lanes: out.lanes, spans, events, tasks: out.tasks, laneOf: out.laneOf };
  }

  /**
   * As finish, but the spans and events of a large trace stay in typed arrays until first asked for:
   * `spans` / `events` are then functions that build the objects once and return the same arrays after
   * that. A small trace (one span chunk, one event buffer) is built at once: that costs less than keeping
   * its buffers, and they go straight back for the next simulation.
   */
  finishLazy(): {
    lanes: Lane[];
    spans: Span[] | (() => Span[]);
    events: TraceEvent[] | (() => TraceEvent[]);
    tasks: TaskResult[];
    laneOf: Int32Array;
  } {
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
    const laneCount = lanes.length;
    const infos = this.infos;
    const aux = this.aux;
    const nt = this.taskNames.length;
    const tasks = new Array<TaskResult>(nt);
    for (let t = 0; t < nt; t++) {
      const arrivalMs = this.taskArrival[t] / NS_PER_MS;
      const startMs = this.taskStart[t] / NS_PER_MS;
      const endMs = this.taskEnd[t] / NS_PER_MS;
      tasks[t] = { name: this.taskNames[t], arrivalMs, startMs, endMs, latencyMs: endMs - arrivalMs };
    }
    const nsp = this.nsp;
    const nev = this.nev;
    if (nsp <= SPAN_CHUNK && nev <= EVENT_BUFFER) {
      const spans = materializeSpans(this.spT, this.spI, SPAN_CHUNK_BITS, nsp, laneOf, laneCount, infos);
      const events = materializeEvents(this.ev, nev, laneOf, aux);
      for (let c = 0; c < this.spT.length && spareT.length < MAX_SPARE_CHUNKS; c++) {
        spareT.push(this.spT[c]);
        spareI.push(this.spI[c]);
      }
      if (spareEvents === null || spareEvents.length < this.ev.length) spareEvents = this.ev;
      return { lanes, spans, events, tasks, laneOf };
    }
    let spT: Float64Array[] | null = this.spT;
    let spI: Int32Array[] | null = this.spI;
    let ev: Float64Array | null = this.ev;
    let spans: Span[] | null = null;
    let events: TraceEvent[] | null = null;
    return {
      lanes,
      spans: () => {
        if (spans === null) {
          spans = materializeSpans(spT!, spI!, SPAN_CHUNK_BITS, nsp, laneOf, laneCount, infos);
          for (let c = 0; c < spT!.length && spareT.length < MAX_SPARE_CHUNKS; c++) {
            spareT.push(spT![c]);
            spareI.push(spI![c]);
          }
          spT = spI = null;
        }
        return spans;
      },
      events: () => {
        if (events === null) {
          events = materializeEvents(ev!, nev, laneOf, aux);
          if (spareEvents === null || spareEvents.length < ev!.length) spareEvents = ev;
          ev = null;
        }
        return events;
      },
      tasks,
      laneOf,
    };
  }
}
