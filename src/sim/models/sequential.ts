/**
 * Sequential: the main thread calls each task's function in turn. io steps sleep (no core), cpu and
 * native steps use a core. There is only one thread, so the GIL never changes hands.
 */
import type { Driver } from '../engine/sim';
import type { SimThread } from '../engine/thread';
import type { ModelContext } from './context';
import { continueTask } from './context';

export function runSequential(ctx: ModelContext): void {
  const { sim, rec, tasks } = ctx;
  const main = sim.newThread('main', 'main thread', sim.newGil('GIL'));
  main.job = 0;
  main.stepIdx = 0;
  const driver: Driver = {
    next(th: SimThread) {
      while (th.job < tasks.length) {
        if (continueTask(ctx, th)) return;
        rec.taskDone(th.job, sim.now);
        th.job++;
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
