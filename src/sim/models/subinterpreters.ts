/**
 * Subinterpreters (Python 3.14): the main thread submits every task, in launch order (or when it
 * arrives), to a concurrent.futures.InterpreterPoolExecutor(poolSize). That executor is a
 * ThreadPoolExecutor: it starts a worker thread per submit while none is idle, up to max_workers
 * (default min(32, cores + 4)), and Thread.start() holds the main thread until the thread is running.
 * Each worker thread then creates its own interpreter, with its own GIL (PEP 684), and runs every task it
 * takes there: tasks in different workers run Python in parallel on the cores, in one process.
 *
 * Per task, the worker copies the arguments into its interpreter (Interpreter.call: SUBINTERP_CALL_NS +
 * argsBytes), runs the steps (cpu under its own GIL, native and io as a thread does), and copies the
 * result back (resultBytes); the task ends when the result is back in the main interpreter. At shutdown
 * every worker closes its interpreter and exits; no process is forked or spawned.
 *
 * Simplification: a worker's own GIL is the only GIL it takes. The short stretches a worker spends in
 * the main interpreter (ThreadPoolExecutor's dispatch loop, building the copied result) are charged to
 * the worker without the main interpreter's GIL; the main thread, the only other user of that GIL, is
 * waiting in Thread.start() or shutdown() meanwhile.
 *
 * Coordination steps behave as under processes (sync/coord.ts, flavour 'processes'): interpreters share
 * no objects, so a primitive stands for one that lives outside every interpreter (a queue's items are
 * copied), with a wake-up of WAKE_NS and no GIL shared between the waiter and the waker.
 */
import {
  QUEUE_HANDOFF_NS,
  SUBINTERP_CALL_NS,
  SUBINTERP_CLOSE_NS,
  SUBINTERP_COPY_NS_PER_BYTE,
  SUBINTERP_CREATE_NS,
  SUBINTERP_MEMORY_BYTES,
  THREAD_EXIT_NS,
  THREAD_MEMORY_BYTES,
  THREAD_START_CHILD_NS,
  THREAD_START_PARENT_NS,
} from '../defaults';
import { E_WORKER_START, S } from '../engine/recorder';
import type { Driver } from '../engine/sim';
import type { SimThread } from '../engine/thread';
import type { ModelContext } from './context';
import { continueTask } from './context';

// main thread phases
const M_LAUNCH = 0;
const M_SUBMITTED = 1;
const M_STARTING = 2;
const M_WAIT_STARTED = 3;
const M_JOIN = 4;
const M_SHUTDOWN = 5;
// worker thread phases
const W_BOOT = 50;
const W_CREATE = 51;
const W_ARGS = 52;
const W_RUN = 53;
const W_RESULT = 54;
const W_IDLE = 55;
const W_EXITING = 56;

/** InterpreterPoolExecutor's max_workers: ThreadPoolExecutor's default, min(32, cpu count + 4). */
export function interpreterPoolSize(poolSize: number | null, cores: number): number {
  return poolSize ?? Math.min(32, cores + 4);
}

/** Copying `bytes` into or out of an interpreter. */
export function copyNs(bytes: number): number {
  return Math.round(bytes * SUBINTERP_COPY_NS_PER_BYTE);
}

export function runSubinterpreters(ctx: ModelContext): void {
  const { sim, rec, tasks, settings, order, arrivalNs } = ctx;
  const n = tasks.length;
  const max = interpreterPoolSize(settings.poolSize, settings.cores);
  const main = sim.newThread('main', 'main thread', sim.newGil('GIL (main interpreter)'));
  const queue: number[] = [];
  let qHead = 0;
  const idle: SimThread[] = [];
  let workers = 0;
  let alive = 0;
  let done = 0;

  const finishMain = (m: SimThread): void => {
    sim.endNs = sim.now;
    sim.exit(m);
  };

  const startWorker = (): void => {
    workers++;
    const w = sim.newThread('thread', `interpreter ${workers}`, sim.newGil(`GIL (interpreter ${workers})`));
    alive++;
    sim.mem(THREAD_MEMORY_BYTES);
    w.kind = W_BOOT;
    sim.run(w, THREAD_START_CHILD_NS, S.starting, -1, -1, true, false);
  };

  const mainNext = (m: SimThread): void => {
    for (;;) {
      switch (m.kind) {
        case M_LAUNCH:
          if (m.job < n) {
            if (arrivalNs[order[m.job]] > sim.now) {
              sim.park(m);
              sim.wakeAt(m, arrivalNs[order[m.job]]);
              return;
            }
            // executor.submit(): a work item on the executor's queue
            m.kind = M_SUBMITTED;
            sim.run(m, QUEUE_HANDOFF_NS, S.running, -1, -1, true, false);
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
          else if (workers < max) {
            m.kind = M_STARTING;
            sim.run(m, THREAD_START_PARENT_NS, S.starting, -1, -1, true, false);
            return;
          }
          continue;
        }
        case M_STARTING:
          startWorker();
          m.kind = M_WAIT_STARTED;
          sim.park(m);
          return;
        case M_WAIT_STARTED:
          m.kind = M_LAUNCH;
          continue;
        case M_JOIN:
          // the with-block ends: shutdown(wait=True) once every task is done
          if (done === n) {
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

  /** A worker looks for its next task (or closes its interpreter at shutdown). */
  const take = (w: SimThread): void => {
    if (qHead < queue.length) {
      const t = queue[qHead++];
      w.job = t;
      w.stepIdx = 0;
      w.kind = W_ARGS;
      sim.run(w, SUBINTERP_CALL_NS + copyNs(tasks[t].argsBytes ?? 0), S.pickling, t, -1, true, false);
    } else if (main.kind === M_SHUTDOWN) {
      w.kind = W_EXITING;
      sim.run(w, SUBINTERP_CLOSE_NS + THREAD_EXIT_NS, S.starting, -1, -1, true, false);
    } else {
      w.kind = W_IDLE;
      idle.push(w);
      sim.park(w);
    }
  };

  const taskFinished = (w: SimThread): void => {
    rec.taskDoneNow(w.job);
    done++;
    if (done === n) sim.wake(main);
    take(w);
  };

  const workerNext = (w: SimThread): void => {
    switch (w.kind) {
      case W_BOOT:
        sim.wake(main); // Thread.start() returns
        w.kind = W_CREATE;
        sim.mem(SUBINTERP_MEMORY_BYTES);
        sim.run(w, SUBINTERP_CREATE_NS, S.starting, -1, -1, true, false);
        return;
      case W_CREATE:
        rec.eventNow(E_WORKER_START, -1, w.lane, 0);
        return take(w);
      case W_ARGS:
        w.kind = W_RUN;
        return workerNext(w);
      case W_RUN: {
        if (continueTask(ctx, w)) return;
        const bytes = tasks[w.job].resultBytes ?? 0;
        if (bytes > 0) {
          w.kind = W_RESULT;
          sim.run(w, copyNs(bytes), S.pickling, w.job, -1, true, false);
          return;
        }
        return taskFinished(w);
      }
      case W_RESULT:
        return taskFinished(w);
      case W_IDLE:
        return take(w);
      case W_EXITING:
        alive--;
        sim.mem(-(THREAD_MEMORY_BYTES + SUBINTERP_MEMORY_BYTES));
        sim.exit(w);
        if (alive === 0) sim.wake(main);
        return;
    }
  };

  const driver: Driver = {
    next(th: SimThread) {
      if (th === main) mainNext(th);
      else workerNext(th);
    },
    timer() {},
  };
  sim.driver = driver;
  main.kind = M_LAUNCH;
  main.job = 0;
  mainNext(main);
}
