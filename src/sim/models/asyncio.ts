/**
 * asyncio: `asyncio.run(main())` where main does `await asyncio.gather(*tasks)` in launch order.
 *
 * One thread runs the event loop. gather() wraps every coroutine in a Task (TASK_CREATE_NS each, on the
 * loop, before any of them runs); then the loop runs ready tasks in FIFO order of becoming ready, each
 * resumption costing LOOP_RESUME_NS. A task keeps the loop until it awaits:
 * - cpu and native steps run on the loop thread and hold it (native releases the GIL, not the loop);
 * - a non-blocking io step is an await: the task sleeps ('io') and the loop moves on; when the timer or
 *   I/O completes the task becomes ready ('wait-loop'); if the loop was busy, it is handled late
 *   (E_TIMER_LATE with lateMs);
 * - a blocking io step (time.sleep, requests.get inside a coroutine) holds the loop thread ('blocking'):
 *   nothing else on the loop runs and timers expire meanwhile;
 * - offload 'thread': asyncio.to_thread / run_in_executor(None): the step runs on the default
 *   ThreadPoolExecutor (threadPoolSize workers, started lazily by the loop, sharing the loop's GIL);
 * - offload 'process': run_in_executor with a ProcessPoolExecutor(processPoolSize), created on first use
 *   (fork: all workers at once; spawn/forkserver: one per submit while none is idle, as CPython 3.11);
 *   arguments are pickled on the loop, the result is unpickled on the loop before the task resumes.
 * - coordination steps (acquire, put, get …, see sync/coord.ts) run on the loop; one that must wait is
 *   an await: the task waits ('wait-lock', …) and the loop moves on until a release, put or set wakes it;
 * - a task with startAtMs is created (create_task, by the main coroutine waking from a sleep) when it
 *   arrives; the others are gathered at the start.
 * The loop works as BaseEventLoop._run_once: each iteration runs only the callbacks that were ready when
 * it began, so whatever they schedule (call_soon) waits for the next one. Timers that came due meanwhile
 * are collected at the start of an iteration, behind the callbacks already ready; a timer's callback only
 * completes the sleep's future, whose done-callback (the task's wake-up) is one more iteration away. With
 * nothing ready the loop blocks in epoll_wait until the earliest timer, its timeout rounded up to whole
 * milliseconds (selectors.EpollSelector), so it wakes up to 1 ms after the timer is due.
 * Starting an executor thread costs the loop the parent's share of Thread.start() and then a wait until
 * the new thread has booted (threading.Thread.start waits for the thread's "started" event).
 */
import {
  ASYNCIO_RUN_NS,
  ASYNCIO_TASK_MEMORY_BYTES,
  LOOP_RESUME_NS,
  NS_PER_MS,
  PROCESS_POOL_EXECUTOR_SETUP_NS,
  TASK_CREATE_NS,
  THREAD_START_PARENT_NS,
  msToNs,
} from '../defaults';
import { E_LOOP_SWITCH, E_TIMER_LATE, S } from '../engine/recorder';
import type { Driver } from '../engine/sim';
import type { SimThread } from '../engine/thread';
import type { ModelContext } from './context';
import { isPlain, runStep } from './context';
import { BLOCKED } from '../sync/outcome';
import { ExecutorThreads } from './executorThreads';
import { dumpsNs, loadsNs, startCosts } from './pickling';
import { ProcessPool } from './processPool';

const L_INIT = 0;
const L_CREATE = 1;
const L_PICK = 2;
const L_RESUMED = 3;
const L_TASK = 4;
const L_THREADSTART = 5;
const L_PPE_SETUP = 6;
const L_PPE_FORK = 7;
const L_PPE_PICKLED = 8;
const L_FINAL = 9;
const L_SHUTDOWN = 10;
const L_WAIT_STARTED = 11;
const L_ARRIVED = 12;

const TIMER_IO = 1;
const TIMER_ARRIVE = 2;

/** What a ready-queue entry does: entry = task * 4 + kind. */
const R_TASK = 0;
const R_MAIN = 1;
const R_SLEEP_DONE = 2;
const R_ARRIVE_DONE = 3;

/** epoll_wait's timeout in whole milliseconds, rounded up (selectors.EpollSelector.select). */
const selectTimeoutNs = (ns: number): number => Math.ceil(ns / NS_PER_MS) * NS_PER_MS;

export function runAsyncio(ctx: ModelContext): void {
  const { sim, rec, tasks, settings, coord, arrivalNs } = ctx;
  const n = tasks.length;
  const gil = sim.newGil('GIL');
  const loop = sim.newThread('loop', 'event loop (main thread)', gil);
  const nextStep = new Int32Array(n);
  const readyAt = new Float64Array(n);
  const lateOk = new Uint8Array(n);
  /** Result bytes to unpickle on the loop before the task resumes (process offload), -1 = none. */
  const pendingLoad = new Float64Array(n).fill(-1);
  let ready = new Int32Array(Math.max(16, n));
  let rHead = 0;
  let rTail = 0;
  /** Entries of the current iteration still to run (the ready queue's length when it began). */
  let batchLeft = 0;
  /** Timers that came due and wait to be collected by the next iteration, in the order they fell due. */
  let due = new Int32Array(16);
  let dHead = 0;
  let dTail = 0;
  /** The loop blocks in epoll_wait (nothing ready): since when, and whether its wake-up is set. */
  let idle = false;
  let idleSinceNs = 0;
  let wakeSet = false;
  let creating = -1;
  let done = 0;
  let lastTask = -1;
  // process-pool offload
  const costs = startCosts(settings.startMethod);
  const forked = settings.startMethod === 'fork';
  let ppe: ProcessPool | null = null;
  let ppeForking = false;
  let ppeSpawnChecked = false;

  const stepOf = (t: number): number => (nextStep[t] < tasks[t].steps.length ? nextStep[t] : -1);

  /** Appends `entry` (task * 4 + kind) to the ready queue (call_soon). */
  const enqueue = (entry: number): void => {
    if (rTail === ready.length) {
      if (rHead > 0) {
        ready.copyWithin(0, rHead, rTail);
        rTail -= rHead;
        rHead = 0;
      } else {
        const bigger = new Int32Array(ready.length * 2);
        bigger.set(ready);
        ready = bigger;
      }
    }
    ready[rTail++] = entry;
  };

  /** Task t is woken by call_soon (a release, a put, an executor's result, its creation): it runs next iteration. */
  const pushReady = (t: number): void => {
    enqueue(t * 4 + R_TASK);
    readyAt[t] = sim.now;
    lateOk[t] = 0;
    rec.taskNow(t, S['wait-loop'], stepOf(t), -1);
    sim.wake(loop);
  };

  /** A timer of task t fell due: the loop collects it at its next iteration (or when epoll_wait returns). */
  const timerDue = (t: number, kind: number): void => {
    if (dTail === due.length) {
      if (dHead > 0) {
        due.copyWithin(0, dHead, dTail);
        dTail -= dHead;
        dHead = 0;
      } else {
        const bigger = new Int32Array(due.length * 2);
        bigger.set(due);
        due = bigger;
      }
    }
    due[dTail++] = t * 4 + kind;
    readyAt[t] = sim.now;
    // Handled late because the loop is busy (not the up-to-1 ms of an epoll_wait rounded up).
    lateOk[t] = idle ? 0 : 1;
    rec.taskNow(t, S['wait-loop'], stepOf(t), -1);
    if (idle && !wakeSet) {
      // The earliest timer: epoll_wait was given (due - idle start), rounded up to whole ms.
      wakeSet = true;
      sim.wakeAt(loop, idleSinceNs + selectTimeoutNs(sim.now - idleSinceNs));
    }
  };

  const executor = new ExecutorThreads(
    ctx,
    gil,
    (t) => pushReady(t),
    () => sim.wake(loop),
  );

  coord.ready = (t) => pushReady(t);

  /** Gives the loop its next callback; false if it only scheduled another (no time on the loop). */
  const pick = (l: SimThread): boolean => {
    if (batchLeft === 0) {
      // A new iteration of _run_once: collect the due timers behind what is ready, then run that many.
      idle = false;
      wakeSet = false;
      while (dHead < dTail) enqueue(due[dHead++]);
      dHead = 0;
      dTail = 0;
      batchLeft = rTail - rHead;
    }
    if (batchLeft > 0) {
      batchLeft--;
      const entry = ready[rHead++];
      const t = entry >> 2;
      const kind = entry & 3;
      const now = sim.now;
      if (kind === R_SLEEP_DONE || kind === R_ARRIVE_DONE) {
        // The timer's callback sets the sleep's future; the sleeper's wake-up is scheduled with call_soon.
        enqueue(t * 4 + (kind === R_SLEEP_DONE ? R_TASK : R_MAIN));
        return false;
      }
      if (lateOk[t] === 1 && now > readyAt[t]) rec.event(now, E_TIMER_LATE, t, l.lane, now - readyAt[t]);
      if (kind === R_MAIN) {
        // The main coroutine wakes from its sleep and calls create_task for the request that arrived.
        l.job = t;
        l.kind = L_ARRIVED;
        sim.run(l, LOOP_RESUME_NS + TASK_CREATE_NS, S.running, -1, -1, true, false);
        return true;
      }
      if (t !== lastTask) {
        rec.event(now, E_LOOP_SWITCH, t, l.lane, lastTask);
        lastTask = t;
      }
      l.job = t;
      l.kind = L_RESUMED;
      if (pendingLoad[t] >= 0) {
        const bytes = pendingLoad[t];
        pendingLoad[t] = -1;
        sim.run(l, loadsNs(bytes) + LOOP_RESUME_NS, S.pickling, t, stepOf(t), true, false);
      } else sim.run(l, LOOP_RESUME_NS, S.running, t, stepOf(t), true, false);
      return true;
    }
    if (done === n) {
      l.kind = L_FINAL;
      sim.run(l, LOOP_RESUME_NS, S.running, -1, -1, true, false);
      return true;
    }
    // Nothing ready: epoll_wait until the earliest timer (timerDue sets the wake-up) or a call_soon_threadsafe.
    idle = true;
    idleSinceNs = sim.now;
    sim.park(l);
    return true;
  };

  /** Runs task l.job on the loop until it awaits. Returns true if l was given an op. */
  const advance = (l: SimThread): boolean => {
    const t = l.job;
    const steps = tasks[t].steps;
    let k = nextStep[t];
    // Coordination steps: an uncontended acquire, put, get … does not yield to the loop.
    while (k < steps.length && !isPlain(steps[k])) {
      if (coord.attempt(t, k, null) === BLOCKED) return false;
      nextStep[t] = k + 1;
      const ns = msToNs(steps[k].durationMs);
      if (ns > 0) {
        rec.stepStartNow(t, l.lane);
        sim.run(l, ns, S.running, t, k, true, true);
        return true;
      }
      k++;
    }
    if (k >= steps.length) {
      rec.taskDoneNow(t);
      sim.mem(-ASYNCIO_TASK_MEMORY_BYTES);
      done++;
      return false;
    }
    const step = steps[k];
    nextStep[t] = k + 1;
    if (step.kind === 'io') {
      rec.stepStartNow(t, l.lane);
      if (step.blocking) {
        sim.wait(l, msToNs(step.durationMs), S.blocking, t, k);
        return true;
      }
      const ioNs = msToNs(step.durationMs);
      if (ioNs === 0) {
        // asyncio.sleep(0) is a bare yield: the task's next step is scheduled with call_soon.
        pushReady(t);
        return false;
      }
      rec.taskNow(t, S.io, k, -1);
      sim.timer(sim.now + ioNs, TIMER_IO, t);
      return false;
    }
    if (step.kind === 'cpu' && step.offload === 'thread') {
      rec.taskNow(t, S['wait-worker'], k, -1);
      if (executor.submit(t, k)) {
        l.kind = L_THREADSTART;
        sim.run(l, THREAD_START_PARENT_NS, S.starting, -1, -1, true, false);
        return true;
      }
      return false;
    }
    if (step.kind === 'cpu' && step.offload === 'process') {
      rec.taskNow(t, S['wait-worker'], k, -1);
      l.jobStep = k;
      ppeSpawnChecked = false;
      if (ppe === null) {
        ppe = new ProcessPool(
          ctx,
          costs,
          forked,
          (rt) => {
            pendingLoad[rt] = tasks[rt].resultBytes ?? 0;
            pushReady(rt);
          },
          () => sim.wake(loop),
        );
        l.kind = L_PPE_SETUP;
        sim.run(l, PROCESS_POOL_EXECUTOR_SETUP_NS, S.starting, -1, -1, true, false);
        return true;
      }
      l.kind = L_PPE_FORK;
      return ppeFork(l);
    }
    runStep(ctx, l, t, k);
    return true;
  };

  /** Starts pool workers as CPython 3.11 would on this submit, then pickles the job's arguments. */
  const ppeFork = (l: SimThread): boolean => {
    const pool = ppe!;
    if (ppeForking) {
      pool.spawnWorker();
      ppeForking = false;
    }
    const size = settings.processPoolSize;
    const wantMore = forked
      ? pool.workers.length < size
      : !ppeSpawnChecked && pool.idleCount === 0 && pool.workers.length < size;
    ppeSpawnChecked = true;
    if (wantMore) {
      ppeForking = true;
      sim.run(l, costs.parentNs, S.starting, -1, -1, true, false);
      return true;
    }
    l.kind = L_PPE_PICKLED;
    sim.run(l, dumpsNs(tasks[l.job].argsBytes ?? 0), S.pickling, l.job, l.jobStep, true, false);
    return true;
  };

  const loopNext = (l: SimThread): void => {
    for (;;) {
      switch (l.kind) {
        case L_INIT:
          l.kind = L_CREATE;
          sim.run(l, ASYNCIO_RUN_NS, S.starting, -1, -1, true, false);
          return;
        case L_CREATE:
          if (creating >= 0) {
            sim.mem(ASYNCIO_TASK_MEMORY_BYTES);
            pushReady(creating);
          }
          creating++;
          // Tasks that arrive later are created when they arrive.
          while (creating < n && arrivalNs[creating] > 0) {
            sim.timer(arrivalNs[creating], TIMER_ARRIVE, creating);
            creating++;
          }
          if (creating < n) {
            sim.run(l, TASK_CREATE_NS, S.running, -1, -1, true, false);
            return;
          }
          l.kind = L_PICK;
          continue;
        case L_PICK:
          if (pick(l)) return;
          continue;
        case L_ARRIVED:
          sim.mem(ASYNCIO_TASK_MEMORY_BYTES);
          pushReady(l.job);
          l.job = -1;
          l.kind = L_PICK;
          continue;
        case L_RESUMED:
          l.kind = L_TASK;
          continue;
        case L_TASK:
          if (advance(l)) return;
          l.job = -1;
          l.kind = L_PICK;
          continue;
        case L_THREADSTART:
          // Thread.start() returns only once the new thread has started (it needs the GIL to boot).
          executor.startThread();
          l.kind = L_WAIT_STARTED;
          sim.park(l);
          return;
        case L_WAIT_STARTED:
          if (executor.booting > 0) {
            sim.park(l);
            return;
          }
          l.kind = L_PICK;
          continue;
        case L_PPE_SETUP:
          l.kind = L_PPE_FORK;
          continue;
        case L_PPE_FORK:
          if (ppeFork(l)) return;
          continue;
        case L_PPE_PICKLED:
          ppe!.submit(l.job, l.jobStep);
          l.job = -1;
          l.kind = L_PICK;
          continue;
        case L_FINAL:
          executor.shutdown();
          ppe?.shutdown();
          l.kind = L_SHUTDOWN;
          continue;
        case L_SHUTDOWN:
          if (executor.alive === 0 && (ppe === null || ppe.alive === 0)) {
            sim.endNs = sim.now;
            sim.exit(l);
            return;
          }
          sim.park(l);
          return;
      }
    }
  };

  const driver: Driver = {
    next(th: SimThread) {
      if (th === loop) loopNext(th);
      else if (ppe !== null && ppe.owns(th)) ppe.next(th);
      else executor.next(th);
    },
    timer(kind: number, t: number) {
      if (kind === TIMER_IO) timerDue(t, R_SLEEP_DONE);
      else if (kind === TIMER_ARRIVE) timerDue(t, R_ARRIVE_DONE);
    },
  };
  sim.driver = driver;
  loop.kind = L_INIT;
  loopNext(loop);
}
