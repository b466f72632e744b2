/**
 * asyncio's default executor: a ThreadPoolExecutor(threadPoolSize) whose threads run offloaded cpu
 * steps (asyncio.to_thread / run_in_executor(None, …)). Threads are started lazily, one per submit while
 * none is idle, up to the pool size (ThreadPoolExecutor._adjust_thread_count). They share the loop's
 * interpreter, so they contend with the loop thread for its GIL. A finished job is handed back to the
 * loop with call_soon_threadsafe (onDone), after which the task waits in 'wait-loop'.
 */
import { THREAD_EXIT_NS, THREAD_MEMORY_BYTES, THREAD_START_CHILD_NS } from '../defaults';
import type { Gil } from '../engine/gil';
import { E_WORKER_START, S } from '../engine/recorder';
import type { SimThread } from '../engine/thread';
import type { ModelContext } from './context';
import { runStep } from './context';

const E_BOOT = 30;
const E_RUN = 31;
const E_IDLE = 32;
const E_EXIT = 33;

export class ExecutorThreads {
  count = 0;
  alive = 0;
  /** Threads started but not yet running (the starter waits for them). */
  booting = 0;
  private jobs: number[] = [];
  private head = 0;
  private idle: SimThread[] = [];
  private closing = false;

  constructor(
    private readonly ctx: ModelContext,
    private readonly gil: Gil,
    private readonly onDone: (t: number) => void,
    /** Called when a thread has started or exited (wakes the loop). */
    private readonly onChange: () => void,
  ) {}

  /** Queues step k of task t. Returns true if the caller must start a new thread (startThread after paying). */
  submit(t: number, k: number): boolean {
    this.jobs.push(t, k);
    if (this.idle.length > 0) {
      this.ctx.sim.wake(this.idle.shift()!);
      return false;
    }
    if (this.count < this.ctx.settings.threadPoolSize) {
      this.count++;
      return true;
    }
    return false;
  }

  startThread(): void {
    const { sim } = this.ctx;
    const th = sim.newThread('thread', `executor thread ${this.count}`, this.gil);
    this.alive++;
    this.booting++;
    sim.mem(THREAD_MEMORY_BYTES);
    th.kind = E_BOOT;
    sim.run(th, THREAD_START_CHILD_NS, S.starting, -1, -1, true, false);
  }

  shutdown(): void {
    this.closing = true;
    for (const w of this.idle) this.ctx.sim.wake(w);
    this.idle = [];
  }

  next(th: SimThread): void {
    const { sim, rec } = this.ctx;
    switch (th.kind) {
      case E_BOOT:
        rec.eventNow(E_WORKER_START, -1, th.lane, 0);
        this.booting--;
        this.onChange(); // wakes the loop, which waits in Thread.start()
        return this.take(th);
      case E_RUN:
        this.onDone(th.job);
        return this.take(th);
      case E_IDLE:
        return this.take(th);
      case E_EXIT:
        this.alive--;
        sim.mem(-THREAD_MEMORY_BYTES);
        sim.exit(th);
        this.onChange();
        return;
    }
  }

  private take(th: SimThread): void {
    const { sim } = this.ctx;
    if (this.head < this.jobs.length) {
      const t = this.jobs[this.head++];
      const k = this.jobs[this.head++];
      th.job = t;
      th.kind = E_RUN;
      runStep(this.ctx, th, t, k);
    } else if (this.closing) {
      th.kind = E_EXIT;
      sim.run(th, THREAD_EXIT_NS, S.starting, -1, -1, true, false);
    } else {
      th.kind = E_IDLE;
      this.idle.push(th);
      sim.park(th);
    }
  }
}
