/**
 * The coordination layer: primitives (Scenario.sync), shared variables (Scenario.shared) and joins, for
 * every model. A model hands each coordination step to `attempt`, through `execThread` (a task running
 * on an OS thread) or `execAsync` (a task on the event loop). Per model ("flavour"):
 *
 * - threads / free-threading / sequential (threading, queue.Queue): a release wakes the first waiter,
 *   which runs again WAKE_NS later; meanwhile the lock is free and anyone — the releasing thread first —
 *   may take it (barging); a waiter that lost the race waits again at the head of the queue. A woken
 *   threading.Lock / join waiter retries in C without the GIL and then needs the GIL to go on; Semaphore,
 *   Queue, Event and Barrier are built on threading.Condition, so their waiter needs the GIL to retry.
 * - asyncio (asyncio.Lock, Semaphore, Queue, Event, Barrier): release() hands a lock or semaphore
 *   straight to the first waiter's future (FIFO: later acquirers queue behind it), and the woken task
 *   resumes on a later loop iteration; a queue's woken getter or putter checks again when it resumes.
 * - processes (multiprocessing.Lock, Semaphore, Queue, Event, Barrier, shared memory like Value): as
 *   threads, between processes; Queue.put() returns after MP_QUEUE_PUT_NS and the feeder thread pickles
 *   the item (itemBytes) before a get() can take it; the getter unpickles it.
 * - subinterpreters (Python 3.14) use the processes flavour: interpreters share no Python objects, so a
 *   primitive stands for one that lives outside every interpreter and a queue's items are copied.
 *
 * A run whose event queue drains while tasks wait here ends in a deadlock (stalled()).
 */
import { msToNs, MP_QUEUE_PUT_NS, WAKE_NS } from '../defaults';
import { E_DEADLOCK, E_SYNC_WAKE, S } from '../engine/recorder';
import type { Recorder } from '../engine/recorder';
import type { Sim, SyncHooks } from '../engine/sim';
import type { SimThread } from '../engine/thread';
import { loadsNs } from '../models/pickling';
import type { DeadlockInfo, Scenario, SharedMetrics, SyncMetrics, Task } from '../types';
import { describeDeadlock } from './deadlock';
import { Prim } from './prim';
import { acquire, release } from './locks';
import { get, put, waitFor } from './queues';
import { BLOCKED, DONE } from './outcome';
import { SharedVars } from './shared';
import type { CoordView, Flavor } from './coordView';

export type { Flavor } from './coordView';

// coordination timers: a = (task << 1) for a timeout (b = wait sequence), (queue << 1) | 1 for an item the feeder sent

const JOIN = 1 << 20; // waitOn values ≥ JOIN are joins on group (waitOn - JOIN)

export class Coord implements SyncHooks, CoordView {
  readonly prims: Prim[] = [];
  private readonly shared: SharedVars;
  private readonly primIndex = new Map<string, number>();
  /** Releases to skip per (task, primitive) after an acquire timed out; holds per (task, primitive). */
  readonly skip = new Map<number, number>();
  readonly holds = new Map<number, number>();
  // per task
  readonly waitOn: Int32Array;
  private readonly waitSeq: Int32Array;
  readonly granted: Uint8Array;
  private readonly signalled: Uint8Array;
  readonly timedOut: Uint8Array;
  readonly waitStep: Int32Array;
  /** When task t began its current wait (ns; a retry after a lost race keeps the first time). */
  readonly waitFromNs: Float64Array;
  private readonly thread: (SimThread | null)[];
  // joins: groups are the scenario's task entries (all copies of one name)
  readonly groupOf: Int32Array;
  readonly groupNames: string[] = [];
  private readonly groupIndex = new Map<string, number>();
  readonly remaining: number[] = [];
  private readonly joiners: number[][] = [];
  readonly finished: Uint8Array;
  deadlock: DeadlockInfo | null = null;
  /** The last time a task began to wait or finished (ns): when a deadlock, if any, set in. */
  private lastChangeNs = 0;
  /** asyncio: makes a woken task ready on the loop. */
  ready: (t: number) => void = () => {};

  constructor(
    readonly tasks: readonly Task[],
    scenario: Scenario,
    readonly sim: Sim,
    readonly rec: Recorder,
    readonly flavor: Flavor,
    /**
     * A lock's release hands it straight to a waiter that has slept on it this long (ns); Infinity: never,
     * the waiter is only woken and may find the lock taken again.
     */
    readonly fairAfterNs = Infinity,
  ) {
    const n = tasks.length;
    for (const [name, spec] of Object.entries(scenario.sync ?? {})) {
      this.primIndex.set(name, this.prims.length);
      this.prims.push(new Prim(name, this.prims.length, spec));
    }
    this.shared = new SharedVars(scenario.shared ?? {}, rec);
    this.waitOn = new Int32Array(n).fill(-1);
    this.waitSeq = new Int32Array(n);
    this.granted = new Uint8Array(n);
    this.signalled = new Uint8Array(n);
    this.timedOut = new Uint8Array(n);
    this.waitStep = new Int32Array(n);
    this.waitFromNs = new Float64Array(n);
    this.finished = new Uint8Array(n);
    this.thread = new Array<SimThread | null>(n).fill(null);
    this.groupOf = new Int32Array(n);
    let t = 0;
    for (const entry of scenario.tasks) {
      const g = this.groupNames.length;
      this.groupNames.push(entry.name);
      this.groupIndex.set(entry.name, g);
      this.joiners.push([]);
      const c = entry.count ?? 1;
      this.remaining.push(c);
      for (let i = 0; i < c && t < n; i++) this.groupOf[t++] = g;
    }
    rec.onTaskDone = (done) => this.taskDone(done);
  }

  valid = (t: number, seq: number): boolean =>
    this.waitOn[t] >= 0 && this.waitSeq[t] === seq && this.signalled[t] === 0;

  key(t: number, p: number): number {
    return t * (this.prims.length + 1) + p;
  }

  hold(t: number, p: number, d: number): void {
    const k = this.key(t, p);
    const v = (this.holds.get(k) ?? 0) + d;
    if (v > 0) this.holds.set(k, v);
    else this.holds.delete(k);
  }

  /** Whether the task is waiting here and nobody has woken it yet. */
  isBlocked(t: number): boolean {
    return this.waitOn[t] >= 0 && this.signalled[t] === 0;
  }

  // ------------------------------------------------------------ waiting and waking

  block(t: number, k: number, on: number, state: number, front: boolean, detail?: 'empty' | 'full'): void {
    const step = this.tasks[t].steps[k];
    const retry = this.waitOn[t] === on;
    if (!retry) {
      this.waitSeq[t]++;
      this.waitFromNs[t] = this.sim.now;
    }
    this.waitOn[t] = on;
    this.signalled[t] = 0;
    this.granted[t] = 0;
    this.waitStep[t] = k;
    this.lastChangeNs = this.sim.now;
    const seq = this.waitSeq[t];
    let holder = -1;
    let name: string | undefined;
    if (on >= JOIN) {
      const g = on - JOIN;
      this.joiners[g].push(t);
      holder = this.firstUnfinished(g);
    } else {
      const p = this.prims[on];
      name = p.name;
      const q = detail === 'full' ? p.putters : p.waiters;
      if (front) q.unshift(t, seq);
      else q.push(t, seq);
      if (p.type === 'lock' || p.type === 'semaphore') holder = p.holder;
      if (!retry && step.timeoutMs !== undefined) {
        this.sim.syncTimer(this.sim.now + msToNs(step.timeoutMs), t << 1, seq);
      }
    }
    const info = this.rec.info(
      state === S['wait-join']
        ? { holder }
        : detail
          ? { sync: name, detail }
          : state === S['wait-lock']
            ? { sync: name, holder }
            : { sync: name },
    );
    const th = this.thread[t];
    if (this.flavor === 'asyncio' || th === null) this.rec.taskNow(t, state, k, -1, info);
    else this.sim.block(th, state, t, k, info);
  }

  /** Wakes waiting task t (from task `from`, -1 for none); granted: it has what it waited for. */
  signal(t: number, from: number, grant: boolean, latencyNs = WAKE_NS): void {
    this.signalled[t] = 1;
    if (grant) this.granted[t] = 1;
    const on = this.waitOn[t];
    const name = on >= 0 && on < JOIN ? this.prims[on].name : undefined;
    this.rec.eventWith(this.sim.now, E_SYNC_WAKE, t, t, { fromTask: from, sync: name });
    if (this.flavor === 'asyncio') this.ready(t);
    else {
      const th = this.thread[t];
      if (th !== null) this.sim.wakeAt(th, this.sim.now + (this.flavor === 'sequential' ? 0 : latencyNs));
    }
  }

  endWait(t: number): void {
    this.waitOn[t] = -1;
    this.signalled[t] = 0;
    this.granted[t] = 0;
    this.timedOut[t] = 0;
  }

  timer(a: number, b: number): void {
    if ((a & 1) === 0) {
      const t = a >> 1;
      if (this.waitOn[t] >= 0 && this.waitSeq[t] === b && this.signalled[t] === 0) {
        this.timedOut[t] = 1;
        this.signal(t, -1, false, 0);
      }
    } else {
      const p = this.prims[a >> 1];
      p.visible++;
      this.wakeOne(p, false, -1);
    }
  }

  wakeOne(p: Prim, putters: boolean, from: number): void {
    const w = (putters ? p.putters : p.waiters).shift(this.valid);
    if (w >= 0) this.signal(w, from, false);
  }

  private taskDone(t: number): void {
    this.finished[t] = 1;
    this.lastChangeNs = this.sim.now;
    const g = this.groupOf[t];
    if (--this.remaining[g] > 0) return;
    for (const w of this.joiners[g])
      if (this.waitOn[w] === JOIN + g && this.signalled[w] === 0) this.signal(w, t, true);
    this.joiners[g] = [];
  }

  private firstUnfinished(g: number): number {
    for (let t = 0; t < this.tasks.length; t++) if (this.groupOf[t] === g && this.finished[t] === 0) return t;
    return -1;
  }

  // ------------------------------------------------------------ the steps

  /** Makes step k of task t happen, or makes t wait. `th` is the thread running it (null under asyncio). */
  attempt(t: number, k: number, th: SimThread | null): number {
    const step = this.tasks[t].steps[k];
    this.thread[t] = th;
    switch (step.kind) {
      case 'acquire':
        return acquire(this, t, k, this.primIndex.get(step.sync!)!);
      case 'release':
        return release(this, t, this.primIndex.get(step.sync!)!);
      case 'put':
        return put(this, t, k, this.prims[this.primIndex.get(step.sync!)!]);
      case 'get':
        return get(this, t, k, this.prims[this.primIndex.get(step.sync!)!]);
      case 'set': {
        const p = this.prims[this.primIndex.get(step.sync!)!];
        p.flag = true;
        p.sets++;
        for (const w of p.waiters.drain(this.valid)) this.signal(w, t, true);
        return DONE;
      }
      case 'clear':
        this.prims[this.primIndex.get(step.sync!)!].flag = false;
        return DONE;
      case 'wait':
        return waitFor(this, t, k, this.prims[this.primIndex.get(step.sync!)!]);
      case 'join': {
        const g = this.groupIndex.get(step.task!)!;
        if (this.granted[t] === 1 || this.remaining[g] === 0) {
          this.endWait(t);
          return DONE;
        }
        this.block(t, k, JOIN + g, S['wait-join'], false);
        return BLOCKED;
      }
      case 'read':
        this.shared.read(t, step.var!);
        return DONE;
      case 'write':
        this.shared.write(t, step.var!, this.sim.now);
        return DONE;
      default:
        return DONE;
    }
  }

  /** Extra time a step costs beyond its durationMs (multiprocessing.Queue put and get). */
  extraNs(t: number, k: number): number {
    if (this.flavor !== 'processes') return 0;
    const step = this.tasks[t].steps[k];
    if (step.kind === 'put') return MP_QUEUE_PUT_NS;
    if (step.kind === 'get') return loadsNs(this.prims[this.primIndex.get(step.sync!)!].itemBytes);
    return 0;
  }

  /** Whether a woken waiter of this step retries without the GIL (threading.Lock, join: C code). */
  retriesInC(t: number, k: number): boolean {
    const step = this.tasks[t].steps[k];
    if (this.waitOn[t] < 0) return false;
    if (step.kind === 'join') return true;
    return step.kind === 'acquire' && this.prims[this.primIndex.get(step.sync!)!].type === 'lock';
  }

  // ------------------------------------------------------------ the end

  /** The event queue is empty and the program has not ended: a deadlock if tasks wait here (its time, ns; -1 if not). */
  stalled(): number {
    const blocked: number[] = [];
    for (let t = 0; t < this.tasks.length; t++) if (this.isBlocked(t)) blocked.push(t);
    if (blocked.length === 0) return -1;
    const at = this.lastChangeNs;
    this.deadlock = describeDeadlock(this, blocked, at / 1e6);
    this.rec.eventWith(at, E_DEADLOCK, blocked[0], -1, { text: this.deadlock.cycle });
    return at;
  }

  primName(p: number): string {
    return this.prims[p].name;
  }

  isJoin(on: number): number {
    return on >= JOIN ? on - JOIN : -1;
  }

  syncMetrics(): Record<string, SyncMetrics> {
    const out: Record<string, SyncMetrics> = {};
    for (const p of this.prims) out[p.name] = p.metrics();
    return out;
  }

  sharedMetrics(): Record<string, SharedMetrics> {
    return this.shared.metrics();
  }
}
