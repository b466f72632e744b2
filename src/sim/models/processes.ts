/**
 * Processes: the main process starts one multiprocessing.Process per task in launch order and joins
 * them, or (settings.poolSize) creates a multiprocessing.Pool(poolSize) and hands it the tasks in launch
 * order. Every process has its own interpreter and GIL, so processes only compete for cores.
 *
 * Start costs depend on the start method (defaults.ts FORK / FORKSERVER / SPAWN): the parent pays its
 * share on the main thread, one process after another; the child pays the rest ('starting', on a core)
 * before the target runs, and an exit cost after it. A forked Process inherits its arguments; with
 * spawn or forkserver the Process object (argsBytes) is pickled and sent. Results (resultBytes) always
 * travel back pickled, and the parent unpickles them on its main thread. A Pool pickles every task's
 * arguments and result in its handler threads (see poolHandlers.ts).
 */
import { MP_POOL_SETUP_NS } from '../defaults';
import { E_WORKER_START, S } from '../engine/recorder';
import type { Driver } from '../engine/sim';
import type { SimThread } from '../engine/thread';
import type { ModelContext } from './context';
import { continueTask, numbered } from './context';
import { dumpsNs, loadsNs, startCosts } from './pickling';
import { PoolHandlers } from './poolHandlers';
import { ProcessPool } from './processPool';

const M_SETUP = 0;
const M_ONCE = 1;
const M_FORK = 2;
const M_LAUNCH = 3;
const M_PICKLED = 4;
const M_STARTED = 5;
const M_COLLECT = 6;
const M_LOADED = 7;
const M_SHUTDOWN = 8;
const M_POOL_WAIT = 9;
const M_POOL_SUBMIT = 10;

const C_BOOT = 40;
const C_ARGS = 41;
const C_RUN = 42;
const C_RESULT = 43;
const C_EXIT = 44;

export function runProcesses(ctx: ModelContext): void {
  const { sim, rec, tasks, settings, order, arrivalNs } = ctx;
  const n = tasks.length;
  const costs = startCosts(settings.startMethod);
  const forked = settings.startMethod === 'fork';
  const poolSize = settings.poolSize;
  const main = sim.newThread('main', 'main process', sim.newGil('GIL (main process)'));
  const results: number[] = [];
  let rHead = 0;
  let done = 0;
  let alive = 0;
  let forkedWorkers = 0;
  let spawned = 0;
  /** Launch position in arrival order. */
  let pos = 0;

  /** Parks m until the next task arrives, if it has not yet. */
  const awaitArrival = (m: SimThread): boolean => {
    const at = arrivalNs[order[pos]];
    if (at <= sim.now) return false;
    sim.park(m);
    sim.wakeAt(m, at);
    return true;
  };

  const mainGil = main.gil!;
  let handlers: PoolHandlers | null = null;
  let pool: ProcessPool | null = null;
  if (poolSize !== null) {
    const h = new PoolHandlers(ctx, mainGil, () => sim.wake(main));
    handlers = h;
    pool = new ProcessPool(
      ctx,
      costs,
      forked,
      (t) => h.result(t),
      () => sim.wake(main),
      (t) => h.taken(t),
      true,
    );
    h.pool = pool;
  }

  const finish = (m: SimThread): void => {
    sim.endNs = sim.now;
    sim.exit(m);
  };

  const mainNext = (m: SimThread): void => {
    for (;;) {
      switch (m.kind) {
        case M_SETUP:
          m.kind = M_ONCE;
          if (pool !== null) {
            sim.run(m, MP_POOL_SETUP_NS, S.starting, -1, -1, true, false);
            return;
          }
          continue;
        case M_ONCE:
          m.kind = pool !== null ? M_FORK : M_LAUNCH;
          if (costs.onceNs > 0 && n > 0) {
            sim.run(m, costs.onceNs, S.starting, -1, -1, false, false);
            return;
          }
          continue;
        case M_FORK:
          if (forkedWorkers > 0) pool!.spawnWorker();
          if (forkedWorkers < poolSize!) {
            forkedWorkers++;
            sim.run(m, costs.parentNs, S.starting, -1, -1, true, false);
            return;
          }
          handlers!.start();
          m.kind = M_POOL_SUBMIT;
          continue;
        case M_POOL_SUBMIT:
          // apply_async for each task as it arrives
          while (pos < n) {
            if (awaitArrival(m)) return;
            handlers!.submit(order[pos++]);
          }
          m.kind = M_POOL_WAIT;
          continue;
        case M_POOL_WAIT:
          if (handlers!.done === n) {
            pool!.shutdown();
            handlers!.shutdown();
            m.kind = M_SHUTDOWN;
            continue;
          }
          sim.park(m);
          return;
        case M_LAUNCH: {
          if (pos >= n) {
            m.kind = M_COLLECT;
            continue;
          }
          if (awaitArrival(m)) return;
          const t = order[pos];
          m.job = t;
          if (!forked) {
            m.kind = M_PICKLED;
            sim.run(m, dumpsNs(tasks[t].argsBytes ?? 0), S.pickling, t, -1, true, false);
            return;
          }
          m.kind = M_PICKLED;
          continue;
        }
        case M_PICKLED: {
          const t = m.job;
          m.kind = M_STARTED;
          sim.run(m, costs.parentNs, S.starting, t, -1, true, false);
          return;
        }
        case M_STARTED:
          startChild(m.job);
          pos++;
          m.kind = M_LAUNCH;
          continue;
        case M_COLLECT:
          if (rHead < results.length) {
            const t = results[rHead++];
            m.job = t;
            m.kind = M_LOADED;
            sim.run(m, loadsNs(tasks[t].resultBytes ?? 0), S.pickling, t, -1, true, false);
            return;
          }
          if (done === n && alive === 0) return finish(m);
          sim.park(m);
          return;
        case M_LOADED:
          taskFinished(m.job);
          m.kind = M_COLLECT;
          continue;
        case M_SHUTDOWN:
          if (pool!.alive === 0 && handlers!.exited === 2) return finish(m);
          sim.park(m);
          return;
      }
    }
  };

  const taskFinished = (t: number): void => {
    rec.taskDoneNow(t);
    done++;
  };

  const startChild = (t: number): void => {
    const c = sim.newThread('process', numbered('process', ++spawned), null);
    alive++;
    sim.mem(costs.memoryBytes);
    c.job = t;
    c.kind = C_BOOT;
    sim.run(c, costs.childNs, S.starting, t, -1, false, false);
  };

  const childNext = (c: SimThread): void => {
    const t = c.job;
    switch (c.kind) {
      case C_BOOT:
        rec.eventNow(E_WORKER_START, t, c.lane, 0);
        c.stepIdx = 0;
        if (!forked) {
          c.kind = C_ARGS;
          sim.run(c, loadsNs(tasks[t].argsBytes ?? 0), S.pickling, t, -1, false, false);
          return;
        }
        c.kind = C_RUN;
        return childNext(c);
      case C_ARGS:
        c.kind = C_RUN;
        return childNext(c);
      case C_RUN:
        if (continueTask(ctx, c)) return;
        if ((tasks[t].resultBytes ?? 0) > 0) {
          c.kind = C_RESULT;
          sim.run(c, dumpsNs(tasks[t].resultBytes ?? 0), S.pickling, t, -1, false, false);
          return;
        }
        taskFinished(t);
        if (done === n) sim.wake(main);
        c.kind = C_EXIT;
        sim.run(c, costs.exitNs, S.starting, -1, -1, false, false);
        return;
      case C_RESULT:
        rec.taskNow(t, S.io, -1, -1);
        results.push(t);
        sim.wake(main);
        c.kind = C_EXIT;
        sim.run(c, costs.exitNs, S.starting, -1, -1, false, false);
        return;
      case C_EXIT:
        alive--;
        sim.mem(-costs.memoryBytes);
        sim.exit(c);
        sim.wake(main);
        return;
    }
  };

  sim.driver = {
    next(th: SimThread) {
      if (th === main) mainNext(th);
      else if (handlers !== null && handlers.owns(th)) handlers.next(th);
      else if (pool !== null && pool.owns(th)) pool.next(th);
      else childNext(th);
    },
    timer() {},
  } satisfies Driver;
  main.kind = M_SETUP;
  main.job = 0;
  mainNext(main);
}
