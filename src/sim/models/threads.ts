/**
 * Threads: the main thread starts one threading.Thread per task, in launch order, then joins them all;
 * a task with startAtMs is started (or submitted to the pool) when it arrives, the main thread idle until then.
 * With settings.poolSize it instead submits every task to a ThreadPoolExecutor(poolSize), whose
 * workers take tasks in launch order (tasks wait in 'wait-worker' meanwhile) and which it shuts down
 * at the end. All threads share one GIL (see engine/gil.ts) unless `free` is set (free-threading).
 *
 * Thread.start() blocks the caller until the new thread has started (threading.Thread._started), so the
 * main thread pays the parent's share of the start cost, then waits while the new thread boots. As in
 * CPython, the parent lets go of the GIL when it blocks in _started.wait(), before the new thread reaches
 * take_gil() (creating it takes longer), so a thread already waiting for the GIL gets it first and the
 * new thread's own wait starts after that switch: one switch interval before it can boot. When the new
 * thread, booted, sets _started and lets go of the GIL at once (its work starts with a wait), the woken
 * parent takes it ahead of the older waiters, which the release must first wake (Gil.claimNext).
 */
import {
  QUEUE_HANDOFF_NS,
  THREAD_EXIT_NS,
  THREAD_MEMORY_BYTES,
  THREAD_START_CHILD_NS,
  THREAD_START_PARENT_NS,
} from '../defaults';
import { E_WORKER_START, S } from '../engine/recorder';
import type { Driver } from '../engine/sim';
import type { SimThread } from '../engine/thread';
import type { ModelContext } from './context';
import { continueTask, numbered } from './context';

// main thread phases
const M_LAUNCH = 0;
const M_SUBMITTED = 1;
const M_STARTING = 2;
const M_WAIT_STARTED = 3;
const M_JOIN = 4;
const M_SHUTDOWN = 5;
// worker thread phases
const W_BOOT = 10;
const W_RUN = 11;
const W_IDLE = 12;
const W_EXITING = 13;

export interface ThreadOptions {
  /** No GIL (free-threaded build). */
  free: boolean;
  /** Multiplier for cpu step durations (the free-threaded build's single-thread slowdown). */
  cpuScale: number;
}

export function runThreads(ctx: ModelContext, opts: ThreadOptions = { free: false, cpuScale: 1 }): void {
  const { sim, rec, tasks, settings, order, arrivalNs } = ctx;
  const n = tasks.length;
  const pool = settings.poolSize;
  const gil = opts.free ? null : sim.newGil('GIL');
  const main = sim.newThread('main', 'main thread', gil);
  const queue: number[] = [];
  let qHead = 0;
  const idle: SimThread[] = [];
  let workers = 0;
  let alive = 0;
  let done = 0;

  const startThread = (task: number): void => {
    const th = sim.newThread('thread', numbered('thread', ++workers), gil);
    alive++;
    sim.mem(THREAD_MEMORY_BYTES);
    th.kind = W_BOOT;
    th.job = task;
    sim.run(th, THREAD_START_CHILD_NS, S.starting, task, -1, true, false);
  };

  const finishMain = (m: SimThread): void => {
    sim.endNs = sim.now;
    sim.exit(m);
  };

  const mainNext = (m: SimThread): void => {
    for (;;) {
      switch (m.kind) {
        case M_LAUNCH:
          if (m.job < n) {
            // A task that arrives later is started (or submitted) when it arrives.
            if (arrivalNs[order[m.job]] > sim.now) {
              sim.park(m);
              sim.wakeAt(m, arrivalNs[order[m.job]]);
              return;
            }
            if (pool === null) {
              m.kind = M_STARTING;
              sim.run(m, THREAD_START_PARENT_NS, S.starting, order[m.job], -1, true, false);
            } else {
              m.kind = M_SUBMITTED;
              sim.run(m, QUEUE_HANDOFF_NS, S.running, -1, -1, true, false);
            }
            return;
          }
          m.kind = M_JOIN;
          continue;
        case M_SUBMITTED: {
          const t = order[m.job++];
          queue.push(t);
          rec.taskNow(t, S['wait-worker'], -1, -1);
          m.kind = M_LAUNCH;
          if (idle.length > 0) sim.wake(idle.shift()!);
          else if (workers < pool!) {
            m.kind = M_STARTING;
            sim.run(m, THREAD_START_PARENT_NS, S.starting, -1, -1, true, false);
            return;
          }
          continue;
        }
        case M_STARTING:
          m.kind = M_WAIT_STARTED;
          sim.park(m);
          startThread(pool === null ? order[m.job++] : -1);
          return;
        case M_WAIT_STARTED:
          m.kind = M_LAUNCH;
          continue;
        case M_JOIN:
          if (pool === null) {
            if (alive === 0) return finishMain(m);
          } else if (done === n) {
            m.kind = M_SHUTDOWN;
            for (const w of idle) sim.wake(w);
            idle.length = 0;
            continue;
          }
          sim.park(m);
          return;
        case M_SHUTDOWN:
          if (alive === 0) return finishMain(m);
          sim.park(m);
          return;
      }
    }
  };

  /** Whether the main thread, woken from _started.wait() now, goes on to run Python at once. */
  const mainWantsGil = (): boolean =>
    main.kind === M_WAIT_STARTED && main.job < n && arrivalNs[order[main.job]] <= sim.now;

  /** A pool worker looks for its next task (or exits at shutdown). */
  const take = (w: SimThread): void => {
    if (qHead < queue.length) {
      w.job = queue[qHead++];
      w.stepIdx = 0;
      w.kind = W_RUN;
      workerNext(w);
    } else if (main.kind === M_SHUTDOWN) {
      w.kind = W_EXITING;
      sim.run(w, THREAD_EXIT_NS, S.starting, -1, -1, true, false);
    } else {
      w.kind = W_IDLE;
      idle.push(w);
      sim.park(w);
    }
  };

  const workerNext = (w: SimThread): void => {
    switch (w.kind) {
      case W_BOOT: {
        rec.eventNow(E_WORKER_START, w.job, w.lane, 0);
        sim.wake(main);
        const claim = gil !== null && mainWantsGil();
        if (claim) gil.claimNext(main);
        if (pool !== null) take(w);
        else {
          w.kind = W_RUN;
          w.stepIdx = 0;
          workerNext(w);
        }
        // Still holding the GIL (its work starts with Python): the parent queues for it like anyone.
        if (claim && w.holdsGil) gil.cancelClaim();
        return;
      }
      case W_RUN:
        if (continueTask(ctx, w, opts.cpuScale)) return;
        rec.taskDoneNow(w.job);
        done++;
        if (pool !== null) {
          if (done === n) sim.wake(main);
          return take(w);
        }
        w.kind = W_EXITING;
        sim.run(w, THREAD_EXIT_NS, S.starting, -1, -1, true, false);
        return;
      case W_IDLE:
        return take(w);
      case W_EXITING:
        alive--;
        sim.mem(-THREAD_MEMORY_BYTES);
        sim.exit(w);
        if (alive === 0) sim.wake(main);
        return;
    }
  };

  const driver: Driver = {
    next(th: SimThread) {
      if (th === main) {
        mainNext(th);
        gil?.cancelClaim();
      } else workerNext(th);
    },
    timer() {},
  };
  sim.driver = driver;
  main.kind = M_LAUNCH;
  main.job = 0;
  mainNext(main);
}
