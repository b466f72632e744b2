/**
 * The OS scheduler: threads that need a core get one if one is free; otherwise they queue (FIFO) in
 * state 'wait-core'. While more threads want a core than there are cores, every running thread is
 * preempted after a quantum (CPU_QUANTUM_NS) and goes to the back of the queue: round-robin time
 * slicing, which is what Linux's fair scheduler amounts to for equal-priority CPU-bound threads. While
 * the runnable threads fit on the cores nothing is sliced, so no extra events are generated.
 */
import { CPU_QUANTUM_NS } from '../defaults';
import { EV_CORE } from './events';
import type { Sim } from './sim';
import type { SimThread } from './thread';
import { ThreadQueue } from './threadQueue';

export class Cores {
  readonly running: (SimThread | null)[];
  private readonly gen: Int32Array;
  private readonly sliced: Uint8Array;
  private readonly free: number[] = [];
  private readonly queue = new ThreadQueue<SimThread>();

  constructor(
    private readonly sim: Sim,
    readonly count: number,
    /** Recorder lane of core 0 (the others follow). */
    private readonly firstLane: number,
  ) {
    this.running = new Array<SimThread | null>(count).fill(null);
    this.gen = new Int32Array(count);
    this.sliced = new Uint8Array(count);
    for (let c = count - 1; c >= 0; c--) this.free.push(c);
  }

  laneOf(c: number): number {
    return this.firstLane + c;
  }

  get queued(): number {
    return this.queue.size;
  }

  /** th (not on a core) needs one. */
  makeRunnable(th: SimThread): void {
    if (this.free.length > 0) {
      const c = this.free.pop()!;
      if (!this.dispatch(th, c)) this.fill(c);
      return;
    }
    this.enqueue(th);
  }

  private enqueue(th: SimThread): void {
    th.queued = true;
    this.queue.push(th);
    this.sim.show(th);
    if (this.queue.size === 1) {
      // Contention starts: running threads now get time slices.
      for (let c = 0; c < this.count; c++) {
        const r = this.running[c];
        if (r !== null && this.sliced[c] === 0) {
          this.account(r);
          this.schedule(c);
        }
      }
    }
  }

  /** Puts th on core c. Returns false if th gave the core up at once (pending GIL drop request). */
  private dispatch(th: SimThread, c: number): boolean {
    th.queued = false;
    if (th.holdsGil && th.needsGil && th.gil!.dropRequest) {
      // It could not reach an eval-breaker check while preempted: it drops the GIL now.
      th.gil!.forceDrop(th);
      return false;
    }
    this.running[c] = th;
    th.core = c;
    th.since = this.sim.now;
    th.sliceStart = this.sim.now;
    this.record(th);
    this.schedule(c);
    return true;
  }

  /** Gives core c to the next queued thread, or marks it free. */
  private fill(c: number): void {
    while (this.queue.size > 0) {
      const th = this.queue.shift();
      if (this.dispatch(th, c)) return;
    }
    this.free.push(c);
  }

  private schedule(c: number): void {
    const th = this.running[c]!;
    const now = this.sim.now;
    let end = now + th.remaining;
    if (this.queue.size > 0) {
      this.sliced[c] = 1;
      const sliceEnd = Math.max(now, th.sliceStart + CPU_QUANTUM_NS);
      if (sliceEnd < end) end = sliceEnd;
    } else this.sliced[c] = 0;
    const heap = this.sim.heap;
    heap.at = end; // a field, not an argument: see EventHeap.at
    heap.pushAt(EV_CORE, c, ++this.gen[c]);
  }

  private account(th: SimThread): void {
    const now = this.sim.now;
    th.remaining -= now - th.since;
    th.since = now;
  }

  private record(th: SimThread): void {
    this.sim.rec.setNow(this.firstLane + th.core, th.state, th.task, th.step, th.lane);
    this.sim.show(th);
  }

  /** th, on a core, starts another op that needs a core: it keeps the core and its slice. */
  continueOn(th: SimThread): void {
    th.since = this.sim.now;
    this.record(th);
    this.schedule(th.core);
  }

  /** th leaves its core (its op ended, or it waits, or it dropped the GIL). */
  release(th: SimThread): void {
    this.account(th);
    const c = th.core;
    this.running[c] = null;
    th.core = -1;
    this.gen[c]++;
    this.sim.rec.closeNow(this.firstLane + c);
    this.fill(c);
  }

  /** Event EV_CORE: the running thread finished its op or its slice. */
  onEvent(c: number, gen: number): void {
    if (gen !== this.gen[c]) return;
    const th = this.running[c]!;
    this.account(th);
    if (th.remaining <= 0) {
      this.sim.opDone(th);
      return;
    }
    if (this.queue.size > 0) {
      this.running[c] = null;
      th.core = -1;
      this.sim.rec.closeNow(this.firstLane + c);
      this.enqueue(th);
      this.fill(c);
    } else {
      th.sliceStart = this.sim.now;
      this.schedule(c);
    }
  }
}
