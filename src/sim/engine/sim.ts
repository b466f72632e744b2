/**
 * The discrete-event engine shared by every model: a clock in integer nanoseconds, an event heap,
 * OS threads, the cores they run on and the GIL of each interpreter. A model (the "driver") decides
 * what each thread does next; the engine decides when it can do it.
 *
 * A driver gives a thread exactly one operation at a time:
 *   run(th, ns, state, …)  needs a core for ns (and the GIL, for bytecode),
 *   wait(th, ns, state, …) waits without a core (I/O, sleep, a blocking call, latency),
 *   park(th)               blocks until wake(th),
 *   exit(th)               the thread ends.
 * When the operation is over the engine calls driver.next(th), which must give it the next one.
 */
import { SimulationError } from '../errors';
import type { LaneKind } from '../types';
import { Cores } from './cores';
import { EV_CORE, EV_DRIVER, EV_GIL, EV_SYNC, EV_WAIT, EV_WAKE } from './events';
import { Gil } from './gil';
import { EventHeap } from './heap';
import { CAT_CORE, CAT_GIL, CAT_WORKER, Recorder, S } from './recorder';
import { giveBackThreads, OP_EXIT, OP_NONE, OP_PARK, OP_RUN, OP_WAIT, SimThread, takeSpareThreads } from './thread';

const WAIT_GIL = S['wait-gil'];
const WAIT_CORE = S['wait-core'];

export interface Driver {
  /** th finished its operation (or was woken, or was just started): give it the next one. */
  next(th: SimThread): void;
  /** A timer set with Sim.timer fired. */
  timer(kind: number, a: number): void;
}

/** The coordination layer's hooks into the engine (sync/coord.ts). */
export interface SyncHooks {
  timer(a: number, b: number): void;
  /** The event queue ran dry before the program ended: if that is a deadlock it reported, when it set in (ns), else -1. */
  stalled(): number;
}

export class Sim {
  now = 0;
  readonly heap = EventHeap.take(4096);
  readonly threads: SimThread[] = [];
  readonly gils: Gil[] = [];
  readonly cores: Cores;
  driver!: Driver;
  sync: SyncHooks | null = null;
  /** Set when the run ended in a deadlock (threads are left blocked). */
  deadlocked = false;

  /** Thread objects to reuse (see takeSpareThreads). */
  private readonly spare: SimThread[] = takeSpareThreads();

  eventCount = 0;
  cpuWorkNs = 0;
  gilSwitches = 0;
  memNow = 0;
  memPeak = 0;
  /** Set by the driver when the program ends (the main thread returns). */
  endNs = -1;

  constructor(
    readonly rec: Recorder,
    coreCount: number,
    private readonly gilWaitNs: number,
    private readonly maxEvents: number,
  ) {
    rec.clock = this;
    let first = -1;
    for (let c = 0; c < coreCount; c++) {
      const lane = rec.addLane(CAT_CORE, 'core', `core ${c}`);
      if (c === 0) first = lane;
    }
    this.cores = new Cores(this, coreCount, first);
  }

  coreLane(c: number): number {
    return this.cores.laneOf(c);
  }

  schedule(time: number, kind: number, a: number, b: number): void {
    this.heap.at = time;
    this.heap.pushAt(kind, a, b);
  }

  /** A driver timer: driver.timer(kind, a) at `time`. */
  timer(time: number, kind: number, a: number): void {
    this.heap.at = time;
    this.heap.pushAt(EV_DRIVER, kind, a);
  }

  newGil(label: string): Gil {
    const lane = this.rec.addLane(CAT_GIL, 'gil', label);
    const gil = new Gil(this, this.gils.length, lane, this.gilWaitNs);
    this.gils.push(gil);
    return gil;
  }

  /** A new OS thread with its own worker lane. The driver must give it an op (or park it) at once. */
  newThread(kind: LaneKind, label: string, gil: Gil | null): SimThread {
    const lane = this.rec.addLane(CAT_WORKER, kind, label);
    const id = this.threads.length;
    let th: SimThread;
    if (id < this.spare.length) {
      th = this.spare[id];
      th.reset(id, lane, gil);
    } else th = new SimThread(id, lane, gil);
    this.threads.push(th);
    if (gil) gil.threads++;
    return th;
  }

  mem(bytes: number): void {
    this.memNow += bytes;
    if (this.memNow > this.memPeak) this.memPeak = this.memNow;
  }

  private setOp(th: SimThread, op: number, ns: number, state: number, task: number, step: number): void {
    th.op = op;
    th.state = state;
    th.task = task;
    th.step = step;
    th.duration = ns;
    th.remaining = ns;
    th.gen++;
  }

  run(th: SimThread, ns: number, state: number, task: number, step: number, needsGil: boolean, work: boolean): void {
    this.setOp(th, OP_RUN, ns, state, task, step);
    const gil = th.gil;
    th.needsGil = needsGil && gil !== null;
    th.work = work;
    if (th.holdsGil) {
      if (th.needsGil) gil!.retag(th);
      else gil!.release(th);
    }
    if (th.needsGil && !th.holdsGil && !gil!.acquire(th)) {
      if (th.core >= 0) this.cores.release(th);
      this.show(th);
      return;
    }
    if (th.core >= 0) this.cores.continueOn(th);
    else this.cores.makeRunnable(th);
  }

  /** Leaves the core and the GIL (for ops that need neither). */
  private letGo(th: SimThread): void {
    th.needsGil = false;
    th.work = false;
    if (th.holdsGil) th.gil!.release(th);
    if (th.core >= 0) this.cores.release(th);
  }

  wait(th: SimThread, ns: number, state: number, task: number, step: number): void {
    this.setOp(th, OP_WAIT, ns, state, task, step);
    this.letGo(th);
    this.show(th);
    const heap = this.heap;
    heap.at = this.now + ns;
    heap.pushAt(EV_WAIT, th.id, th.gen);
  }

  park(th: SimThread): void {
    this.setOp(th, OP_PARK, 0, 0, -1, -1);
    th.blockState = -1;
    this.letGo(th);
    this.show(th);
  }

  /** Parks th in a wait on a primitive: its lanes show `state` (wait-lock, …) with span info `info`. */
  block(th: SimThread, state: number, task: number, step: number, info: number): void {
    this.setOp(th, OP_PARK, 0, state, task, step);
    th.blockState = state;
    th.blockInfo = info;
    this.letGo(th);
    this.show(th);
  }

  /** Wakes a parked thread (at the current time, through the queue, so drivers never recurse). */
  wake(th: SimThread): void {
    if (th.op === OP_PARK) {
      this.heap.at = this.now;
      this.heap.pushAt(EV_WAKE, th.id, th.gen);
    }
  }

  /** Wakes th at `time` if it is still in the same park then (a wake-up latency, or a timeout). */
  wakeAt(th: SimThread, time: number): void {
    if (th.op === OP_PARK) {
      this.heap.at = time;
      this.heap.pushAt(EV_WAKE, th.id, th.gen);
    }
  }

  /** A coordination timer: sync.timer(a, b) at `time`. */
  syncTimer(time: number, a: number, b: number): void {
    this.heap.at = time;
    this.heap.pushAt(EV_SYNC, a, b);
  }

  exit(th: SimThread): void {
    this.setOp(th, OP_EXIT, 0, 0, -1, -1);
    this.letGo(th);
    this.show(th);
  }

  /** Records what th's lane (and the lane of the task it works for) shows now. */
  show(th: SimThread): void {
    const rec = this.rec;
    let st: number;
    if (th.op === OP_RUN) st = th.gilWaiting ? WAIT_GIL : th.core >= 0 ? th.state : WAIT_CORE;
    else if (th.op === OP_WAIT) st = th.state;
    else if (th.op === OP_PARK && th.blockState >= 0) {
      rec.threadNow(th.lane, th.blockState, th.task, th.step, th.blockInfo);
      return;
    } else {
      rec.closeNow(th.lane);
      return;
    }
    rec.threadNow(th.lane, st, th.task, th.step, -1);
  }

  /** A running holder is asked to drop the GIL (from Gil.timeout). */
  forceDrop(th: SimThread): void {
    this.cores.release(th);
    th.gil!.forceDrop(th);
  }

  opDone(th: SimThread): void {
    if (th.work) this.cpuWorkNs += th.duration;
    th.op = OP_NONE;
    this.driver.next(th);
    if (th.op === OP_NONE) throw new SimulationError(`internal error: thread ${th.id} was given no operation`);
  }

  /**
   * After a run, hands the event heap and the recorder's lane rows to the next simulation: neither this
   * Sim nor its recorder may be used afterwards (simulate calls it last).
   */
  releaseBuffers(): void {
    EventHeap.giveBack(this.heap);
    this.rec.releaseRows();
  }

  /** Runs events until none are left. */
  runLoop(): void {
    const heap = this.heap;
    const cap = this.maxEvents;
    while (heap.pop()) {
      if (++this.eventCount > cap) {
        throw new SimulationError(
          `simulation stopped: it needed more than ${cap.toLocaleString('en-US')} events (the event cap). ` +
            `Raise it with the maxEvents override (CLI: --max-events N) if the scenario really is that large.`,
        );
      }
      this.now = heap.topTime;
      const a = heap.topA;
      const b = heap.topB;
      switch (heap.topKind) {
        case EV_CORE:
          this.cores.onEvent(a, b);
          break;
        case EV_WAIT: {
          const th = this.threads[a];
          if (th.gen === b && th.op === OP_WAIT) this.opDone(th);
          break;
        }
        case EV_GIL:
          this.gils[a].timeout(b);
          break;
        case EV_WAKE: {
          const th = this.threads[a];
          if (th.gen === b && th.op === OP_PARK) this.opDone(th);
          break;
        }
        case EV_DRIVER:
          this.driver.timer(a, b);
          break;
        case EV_SYNC:
          this.sync!.timer(a, b);
          break;
      }
    }
    const stuckAt = this.endNs < 0 && this.sync !== null ? this.sync.stalled() : -1;
    if (stuckAt >= 0) {
      this.deadlocked = true;
      this.endNs = stuckAt;
      giveBackThreads(this.threads, this.spare);
      return;
    }
    if (this.endNs < 0) throw new SimulationError('internal error: the simulated program never finished');
    for (const th of this.threads) {
      if (th.op !== OP_EXIT) throw new SimulationError(`internal error: thread ${th.id} never exited`);
    }
    giveBackThreads(this.threads, this.spare);
  }
}
