/**
 * Sequential: the main thread calls each task's function in turn (in order of arrival: a task that has
 * not arrived yet is waited for, idle). io steps sleep (no core), cpu and native steps use a core.
 * There is only one thread, so the GIL never changes hands, and a wait that only another task could
 * end (a get() before any put()) never ends: the run stops there as a deadlock.
 */
import type { Driver } from '../engine/sim';
import type { SimThread } from '../engine/thread';
import type { ModelContext } from './context';
import { continueTask } from './context';

export function runSequential(ctx: ModelContext): void {
  const { sim, rec, tasks, order, arrivalNs } = ctx;
  const main = sim.newThread('main', 'main thread', sim.newGil('GIL'));
  let pos = 0;
  main.stepIdx = 0;
  const driver: Driver = {
    next(th: SimThread) {
      while (pos < tasks.length) {
        th.job = order[pos];
        if (th.stepIdx === 0 && arrivalNs[th.job] > sim.now) {
          sim.park(th);
          sim.wakeAt(th, arrivalNs[th.job]);
          return;
        }
        if (continueTask(ctx, th)) return;
        rec.taskDoneNow(th.job);
        pos++;
        th.stepIdx = 0;
      }
      sim.endNs = sim.now;
      sim.exit(th);
    },
    timer() {},
  };
  sim.driver = driver;
  driver.next(main);
}
