/**
 * CPython's "new GIL" (Python/ceval_gil.c, since 3.2), one per interpreter.
 *
 * - A thread needs it only to run bytecode (`cpu` ops). I/O, sleeps and native code release it at once,
 *   and a waiting thread takes it immediately.
 * - A thread that finds it held waits on a condition variable for one switch interval. If the GIL has
 *   not changed hands meanwhile (same switch number), it sets the drop request; the holder drops at its
 *   next eval-breaker check (modelled as immediately, plus the measured overshoot of the timed wait) and
 *   the GIL goes to the longest waiter (FIFO). The dropper must then wait for it like anyone else
 *   (FORCE_SWITCHING), starting its own interval. If the GIL did change hands, the waiter waits again.
 * - A holder that has been preempted by the OS (waiting for a core) cannot reach an eval-breaker check;
 *   it drops as soon as it gets a core back.
 */
import { S } from './recorder';
import type { Sim } from './sim';
import type { SimThread } from './thread';
import { EV_GIL } from './events';

export class Gil {
  holder: SimThread | null = null;
  /** Thread that held it last (for counting hand-offs between different threads). */
  private lastHolder = -1;
  private lastTask = -1;
  switchNumber = 0;
  dropRequest = false;
  /** How many threads ever used this interpreter (a GIL lane is shown only when > 1). */
  threads = 0;
  private readonly waiters: SimThread[] = [];
  private head = 0;

  constructor(
    private readonly sim: Sim,
    readonly lane: number,
    private readonly intervalNs: number,
  ) {}

  get waiting(): number {
    return this.waiters.length - this.head;
  }

  /** Try to take the GIL for th; if it is held, th starts waiting (returns false). */
  acquire(th: SimThread): boolean {
    if (this.holder === null) {
      this.take(th);
      return true;
    }
    this.enqueue(th);
    return false;
  }

  private enqueue(th: SimThread): void {
    th.gilWaiting = true;
    this.waiters.push(th);
    this.arm(th);
  }

  private arm(th: SimThread): void {
    th.gilSnap = this.switchNumber;
    th.gilGen++;
    this.sim.schedule(this.sim.now + this.intervalNs, EV_GIL, th.id, th.gilGen);
  }

  private take(th: SimThread): void {
    const sim = this.sim;
    this.holder = th;
    th.holdsGil = true;
    th.gilWaiting = false;
    this.dropRequest = false;
    this.switchNumber++;
    if (this.lastHolder >= 0 && this.lastHolder !== th.id) {
      sim.gilSwitches++;
      sim.rec.event(sim.now, 'gil-handoff', th.task, this.lane, this.lastTask);
    }
    this.lastHolder = th.id;
    sim.rec.set(this.lane, sim.now, S.held, th.task, th.step, th.lane);
  }

  /** The holder moved on to another op that still needs the GIL (maybe for another task). */
  retag(th: SimThread): void {
    this.sim.rec.set(this.lane, this.sim.now, S.held, th.task, th.step, th.lane);
  }

  /** The holder lets go (I/O, native code, parking, exiting, or a forced drop). */
  release(th: SimThread): void {
    th.holdsGil = false;
    this.holder = null;
    this.lastTask = th.task;
    this.sim.rec.close(this.lane, this.sim.now);
    if (this.head < this.waiters.length) {
      const next = this.waiters[this.head++];
      if (this.head > 1024 && this.head * 2 > this.waiters.length) {
        this.waiters.splice(0, this.head);
        this.head = 0;
      }
      this.take(next);
      this.sim.cores.makeRunnable(next);
    }
  }

  /** Forced switch: the holder drops the GIL and queues for it again behind the current waiters. */
  forceDrop(th: SimThread): void {
    this.release(th);
    this.enqueue(th);
    this.sim.show(th);
  }

  /** A waiter's timed wait ran out (event EV_GIL). */
  timeout(th: SimThread, gilGen: number): void {
    if (!th.gilWaiting || th.gilGen !== gilGen) return;
    const holder = this.holder;
    if (holder !== null && this.switchNumber === th.gilSnap) {
      if (!this.dropRequest) {
        this.dropRequest = true;
        this.sim.rec.event(this.sim.now, 'gil-drop-request', th.task, this.lane, 0);
      }
      if (holder.core >= 0) this.sim.forceDrop(holder);
    }
    if (th.gilWaiting) this.arm(th);
  }
}
