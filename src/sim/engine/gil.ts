/**
 * CPython's "new GIL" (Python/ceval_gil.c, since 3.2), one per interpreter.
 *
 * - A thread needs it only to run bytecode (`cpu` ops). I/O, sleeps and native code release it at once,
 *   and a waiting thread takes it immediately (FIFO among waiters).
 * - A thread that finds it held waits on a condition variable with a timeout of one switch interval
 *   (plus the measured overshoot, GIL_DROP_OVERSHOOT_NS). When its wait times out and the GIL has not
 *   changed hands since it started that wait (same switch number), it sets the drop request; otherwise
 *   it waits again. The holder drops at its next eval-breaker check (modelled as immediately), the GIL
 *   goes to the longest waiter, and the dropper queues for it like anyone else (FORCE_SWITCHING).
 * - A holder that has been preempted by the OS (waiting for a core) cannot reach an eval-breaker check;
 *   it drops as soon as it gets a core back.
 *
 * Every waiter's timeouts recur with a fixed phase (the time it started waiting, modulo the wait), so
 * instead of one timer event per waiter per interval the GIL computes when the first drop request will
 * happen and keeps one timer: after a switch at S, a waiter that was already waiting asks at its second
 * timeout after S (the first sees the switch), a waiter that arrives later asks one wait after arriving.
 * The result is identical to per-waiter timers, with O(1) events per hand-off however many threads wait.
 */
import { EV_GIL } from './events';
import { PhaseSet } from './phases';
import { E_GIL_DROP_REQUEST, E_GIL_HANDOFF, S } from './recorder';
import type { Sim } from './sim';
import type { SimThread } from './thread';
import { ThreadQueue } from './threadQueue';

const HELD = S.held;

/** a mod m for whole numbers a ≥ 0, m > 0 below 2^53 (% on doubles is a slow library call). */
function modWhole(a: number, m: number): number {
  const r = a - Math.floor(a / m) * m;
  return r < 0 ? r + m : r >= m ? r - m : r;
}

export class Gil {
  holder: SimThread | null = null;
  private lastHolder = -1;
  private lastTask = -1;
  switchNumber = 0;
  dropRequest = false;
  /** How many threads ever used this interpreter (a GIL lane is shown only when > 1). */
  threads = 0;
  private readonly waiters = new ThreadQueue<SimThread>();
  /** See claimNext. */
  private claimant: SimThread | null = null;

  private readonly phases = new PhaseSet();
  /** Earliest request by a waiter that was already waiting at the last switch (Infinity: none). */
  private oldAt = Infinity;
  private oldWho = -1;
  /** The first waiter that arrived since the last switch. */
  private firstNew: SimThread | null = null;
  private firstNewAt = 0;
  private timerGen = 0;
  private timerAt = Infinity;

  constructor(
    private readonly sim: Sim,
    readonly index: number,
    readonly lane: number,
    /** Switch interval + overshoot, ns. */
    private readonly waitNs: number,
  ) {}

  get waiting(): number {
    return this.waiters.size;
  }

  /** Try to take the GIL for th; if it is held, th starts waiting (returns false). */
  acquire(th: SimThread): boolean {
    if (this.holder === null) {
      this.take(th);
      return true;
    }
    if (this.claimant === th) this.claimant = null;
    this.enqueue(th);
    return false;
  }

  private enqueue(th: SimThread): void {
    const now = this.sim.now;
    th.gilWaiting = true;
    th.gilPhase = modWhole(now, this.waitNs);
    this.waiters.push(th);
    // Phases go through a field, not arguments (see PhaseSet.key).
    this.phases.key = th.gilPhase;
    this.phases.addKey(th.id);
    if (this.firstNew === null) {
      this.firstNew = th;
      this.firstNewAt = now;
      this.reschedule();
    }
  }

  private reschedule(): void {
    let at = Infinity;
    if (this.holder !== null && this.waiting > 0) {
      at = this.oldAt;
      if (this.firstNew !== null && this.firstNewAt + this.waitNs < at) at = this.firstNewAt + this.waitNs;
    }
    if (at === this.timerAt) return;
    this.timerAt = at;
    this.timerGen++;
    if (at !== Infinity) {
      const heap = this.sim.heap;
      heap.at = at;
      heap.pushAt(EV_GIL, this.index, this.timerGen);
    }
  }

  private take(th: SimThread): void {
    const sim = this.sim;
    const now = sim.now;
    const phases = this.phases;
    if (th.gilWaiting) {
      phases.key = th.gilPhase;
      phases.removeKey(th.id);
    }
    this.holder = th;
    this.claimant = null;
    th.holdsGil = true;
    th.gilWaiting = false;
    this.dropRequest = false;
    this.switchNumber++;
    if (this.lastHolder >= 0 && this.lastHolder !== th.id) {
      sim.gilSwitches++;
      sim.rec.eventNow(E_GIL_HANDOFF, th.task, this.lane, this.lastTask);
    }
    this.lastHolder = th.id;
    sim.rec.setNow(this.lane, HELD, th.task, -1, th.lane);
    // Everyone still waiting now saw a switch: each asks at its second timeout from now.
    this.firstNew = null;
    if (phases.size > 0) {
      phases.key = modWhole(now, this.waitNs);
      phases.nextDeltaKey(this.waitNs);
      this.oldAt = now + phases.delta + this.waitNs;
      this.oldWho = phases.who;
    } else this.oldAt = Infinity;
    this.reschedule();
  }

  /** The holder moved on to another op that still needs the GIL (maybe for another task). */
  retag(th: SimThread): void {
    this.sim.rec.setNow(this.lane, HELD, th.task, -1, th.lane);
  }

  /** The holder lets go (I/O, native code, parking, exiting, or a forced drop). */
  release(th: SimThread): void {
    th.holdsGil = false;
    this.holder = null;
    this.lastTask = th.task;
    this.sim.rec.closeNow(this.lane);
    if (this.waiters.size > 0 && this.claimant === null) this.handOff();
    else this.reschedule();
  }

  private handOff(): void {
    const next = this.waiters.shift();
    this.take(next);
    this.sim.cores.makeRunnable(next);
  }

  /**
   * th is awake and about to ask for the GIL (a thread's starter, woken by its "started" event): if the
   * holder releases it first, th takes it, ahead of the waiters. They sleep on the GIL's condition
   * variable and the release only signals one of them, which must wake up before it can take the GIL;
   * th is already running towards take_gil(). Taking the GIL, or waiting for it, uses the claim up.
   */
  claimNext(th: SimThread): void {
    this.claimant = th;
  }

  /** Drops an unused claim; a GIL it kept free goes to the longest waiter. */
  cancelClaim(): void {
    if (this.claimant === null) return;
    this.claimant = null;
    if (this.holder === null && this.waiters.size > 0) this.handOff();
  }

  /** Forced switch: the holder drops the GIL and queues for it again behind the current waiters. */
  forceDrop(th: SimThread): void {
    this.release(th);
    this.enqueue(th);
    this.sim.show(th);
  }

  /** The first pending timeout that finds no switch since its wait began (event EV_GIL). */
  timeout(gen: number): void {
    if (gen !== this.timerGen) return;
    this.timerAt = Infinity;
    const holder = this.holder;
    if (holder === null || this.waiting === 0) return;
    const now = this.sim.now;
    const fromNew = this.firstNew !== null && this.firstNewAt + this.waitNs === now;
    const who = fromNew ? this.firstNew! : this.sim.threads[this.oldWho];
    if (!this.dropRequest) {
      this.dropRequest = true;
      this.sim.rec.eventNow(E_GIL_DROP_REQUEST, who.task, this.lane, 0);
    }
    if (holder.core >= 0) this.sim.forceDrop(holder);
  }
}
