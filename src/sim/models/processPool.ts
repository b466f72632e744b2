/**
 * Worker processes of a pool (multiprocessing.Pool, or the ProcessPoolExecutor behind asyncio's
 * run_in_executor). Each worker is its own interpreter with one thread, so it never waits for a GIL.
 * A job is either a whole task (k = -1) or one offloaded cpu step (k ≥ 0). For each job the worker reads
 * and unpickles the arguments, runs, pickles the result and hands it to the parent (onResult), which
 * must read and unpickle it on its own thread.
 *
 * The parent's side (forking, pickling the arguments) is done by the model driving the parent thread:
 * it calls spawnWorker() after paying the parent's share of the start cost, and submit() per job.
 */
import { POOL_WORKER_IMPORT_NS } from '../defaults';
import type { StartCosts } from '../defaults';
import { E_WORKER_START, S } from '../engine/recorder';
import type { SimThread } from '../engine/thread';
import type { ModelContext } from './context';
import { continueTask, runStep } from './context';
import { dumpsNs, fillsPipe, loadsNs, pipeReadNs, unpickleNs } from './pickling';

const P_BOOT = 20;
const P_ARGS = 21;
const P_RUN = 22;
const P_RESULT = 23;
const P_IDLE = 24;
const P_EXITING = 25;
/** Reading a task's arguments out of the pipe, while the parent's writer waits. */
const P_PIPE = 26;
/** Blocked writing a result the parent has not read yet. */
const P_SENDING = 27;

export class ProcessPool {
  readonly workers: SimThread[] = [];
  alive = 0;
  private jobs: number[] = []; // pairs (task, step)
  private head = 0;
  private idle: SimThread[] = [];
  private closing = false;

  constructor(
    private readonly ctx: ModelContext,
    private readonly costs: StartCosts,
    private readonly forked: boolean,
    private readonly onResult: (t: number, k: number) => void,
    private readonly onExit: () => void,
    /** A worker has read job t from the pipe. */
    private readonly onTake: (t: number) => void = () => {},
    /**
     * The parent writes into and reads out of pipes that hold PIPE_CAPACITY_BYTES (multiprocessing.Pool:
     * its task and result handler threads). A larger message holds its writer in os.write until the reader
     * has taken it: onTake comes when a worker has read the arguments out of the pipe, not when it starts,
     * and a worker that wrote such a result takes no new job until the parent has read it (delivered()).
     */
    private readonly pipeBlocks = false,
  ) {}

  /** Workers blocked writing a result, by task (pipeBlocks). */
  private readonly sending = new Map<number, SimThread>();

  get idleCount(): number {
    return this.idle.length;
  }

  get pending(): number {
    return (this.jobs.length - this.head) / 2;
  }

  owns(th: SimThread): boolean {
    return th.kind >= P_BOOT && th.kind <= P_SENDING;
  }

  /** The parent has paid its share: the new worker process boots. */
  spawnWorker(): void {
    const { sim } = this.ctx;
    const w = sim.newThread('process', `worker process ${this.workers.length + 1}`, null);
    this.workers.push(w);
    this.alive++;
    sim.mem(this.costs.memoryBytes);
    w.kind = P_BOOT;
    const boot = this.costs.childNs + (this.forked ? 0 : POOL_WORKER_IMPORT_NS);
    sim.run(w, boot, S.starting, -1, -1, false, false);
  }

  submit(t: number, k: number): void {
    this.jobs.push(t, k);
    this.ctx.rec.taskNow(t, S['wait-worker'], k, -1);
    if (this.idle.length > 0) this.ctx.sim.wake(this.idle.shift()!);
  }

  /** The parent has read task t's result out of the pipe: the worker that wrote it goes on. */
  delivered(t: number): void {
    const w = this.sending.get(t);
    if (w === undefined) return;
    this.sending.delete(t);
    this.ctx.sim.wake(w);
  }

  /** Pool.close()/join() or executor shutdown: idle workers exit; busy ones exit after their job. */
  shutdown(): void {
    this.closing = true;
    for (const w of this.idle) this.ctx.sim.wake(w);
    this.idle = [];
  }

  next(w: SimThread): void {
    const { sim, rec, tasks } = this.ctx;
    switch (w.kind) {
      case P_BOOT:
        rec.eventNow(E_WORKER_START, -1, w.lane, 0);
        return this.take(w);
      case P_IDLE:
        return this.take(w);
      case P_PIPE:
        this.onTake(w.job);
        w.kind = P_ARGS;
        sim.run(w, unpickleNs(tasks[w.job].argsBytes ?? 0), S.pickling, w.job, w.jobStep, false, false);
        return;
      case P_ARGS:
        w.kind = P_RUN;
        return this.next(w);
      case P_RUN: {
        const t = w.job;
        const k = w.jobStep;
        if (k >= 0) {
          if (w.stepIdx === 0) {
            w.stepIdx = 1;
            runStep(this.ctx, w, t, k);
            return;
          }
        } else if (continueTask(this.ctx, w)) return;
        w.kind = P_RESULT;
        sim.run(w, dumpsNs(tasks[t].resultBytes ?? 0), S.pickling, t, k, false, false);
        return;
      }
      case P_RESULT:
        rec.taskNow(w.job, S.io, w.jobStep, -1);
        this.onResult(w.job, w.jobStep);
        if (this.pipeBlocks && fillsPipe(tasks[w.job].resultBytes ?? 0)) {
          w.kind = P_SENDING;
          this.sending.set(w.job, w);
          sim.park(w);
          return;
        }
        return this.take(w);
      case P_SENDING:
        return this.take(w);
      case P_EXITING:
        this.alive--;
        sim.mem(-this.costs.memoryBytes);
        sim.exit(w);
        this.onExit();
        return;
    }
  }

  private take(w: SimThread): void {
    const { sim, tasks } = this.ctx;
    if (this.head < this.jobs.length) {
      const t = this.jobs[this.head++];
      const k = this.jobs[this.head++];
      w.job = t;
      w.stepIdx = 0;
      w.jobStep = k;
      w.kind = P_ARGS;
      this.ctx.rec.releaseStart(t);
      const bytes = tasks[t].argsBytes ?? 0;
      if (this.pipeBlocks && fillsPipe(bytes)) {
        w.kind = P_PIPE;
        sim.run(w, pipeReadNs(bytes), S.pickling, t, k, false, false);
        return;
      }
      this.onTake(t);
      sim.run(w, loadsNs(bytes), S.pickling, t, k, false, false);
    } else if (this.closing) {
      w.kind = P_EXITING;
      sim.run(w, this.costs.exitNs, S.starting, -1, -1, false, false);
    } else {
      w.kind = P_IDLE;
      this.idle.push(w);
      sim.park(w);
    }
  }
}
