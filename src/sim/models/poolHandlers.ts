/**
 * The parent side of multiprocessing.Pool: besides the main thread (which forks the workers and then
 * waits in map()), a Pool runs a task-handler thread that pickles each task and writes it into the
 * workers' pipe, and a result-handler thread that reads and unpickles results. Both are threads of the
 * parent interpreter, so they share its GIL. The pipe holds PIPE_CAPACITY_BYTES: when more than that
 * is written and not yet read, the task handler blocks until workers take tasks; a task larger than the
 * pipe keeps it in os.write until a worker has read all of it. One result is read at a time, and a worker
 * whose result is larger than the pipe waits in its write until the result handler has read it.
 */
import { PIPE_CAPACITY_BYTES } from '../defaults';
import type { Gil } from '../engine/gil';
import { S } from '../engine/recorder';
import type { SimThread } from '../engine/thread';
import type { ModelContext } from './context';
import { dumpsNs, fillsPipe, loadsNs, pipeReadNs, unpickleNs } from './pickling';
import type { ProcessPool } from './processPool';

const H_NEXT = 60;
const H_PICKLED = 61;
const H_BLOCKED = 62;
const H_DONE = 63;
const R_WAIT = 70;
const R_LOADED = 71;
const R_PIPE = 72;

export class PoolHandlers {
  private readonly taskHandler: SimThread;
  private readonly resultHandler: SimThread;
  private nextTask = 0;
  /** Tasks handed to the pool (apply_async), in order. */
  private readonly submitted: number[] = [];
  private buffered = 0;
  private readonly results: number[] = [];
  private rHead = 0;
  private closing = false;
  done = 0;
  exited = 0;
  pool!: ProcessPool;

  constructor(
    private readonly ctx: ModelContext,
    gil: Gil,
    /** Called when every task's result has been unpickled, and when both handlers have exited. */
    private readonly onChange: () => void,
  ) {
    const { sim } = ctx;
    this.taskHandler = sim.newThread('thread', 'Pool task handler', gil);
    this.resultHandler = sim.newThread('thread', 'Pool result handler', gil);
    this.taskHandler.kind = H_NEXT;
    this.resultHandler.kind = R_WAIT;
    sim.park(this.taskHandler);
    sim.park(this.resultHandler);
  }

  owns(th: SimThread): boolean {
    return th === this.taskHandler || th === this.resultHandler;
  }

  /** map() was called: the task handler starts feeding tasks in launch order. */
  start(): void {
    this.ctx.sim.wake(this.taskHandler);
  }

  /** The main thread hands task t to the pool (apply_async): the task handler will pickle and send it. */
  submit(t: number): void {
    this.submitted.push(t);
    if (this.taskHandler.kind === H_NEXT || this.taskHandler.kind === H_DONE) this.ctx.sim.wake(this.taskHandler);
  }

  /** A worker read task t from the pipe. */
  taken(t: number): void {
    this.buffered -= this.ctx.tasks[t].argsBytes ?? 0;
    if (this.taskHandler.kind === H_BLOCKED) this.ctx.sim.wake(this.taskHandler);
  }

  /** A worker wrote task t's result. */
  result(t: number): void {
    this.results.push(t);
    this.ctx.sim.wake(this.resultHandler);
  }

  shutdown(): void {
    this.closing = true;
    this.ctx.sim.wake(this.taskHandler);
    this.ctx.sim.wake(this.resultHandler);
  }

  next(th: SimThread): void {
    const { sim, rec, tasks } = this.ctx;
    for (;;) {
      switch (th.kind) {
        case H_NEXT:
          if (this.nextTask < this.submitted.length) {
            const t = this.submitted[this.nextTask];
            rec.holdStart(t);
            th.kind = H_PICKLED;
            sim.run(th, dumpsNs(tasks[t].argsBytes ?? 0), S.pickling, t, -1, true, false);
            return;
          }
          if (this.nextTask < tasks.length) {
            sim.park(th); // the next task has not arrived yet
            return;
          }
          th.kind = H_DONE;
          continue;
        case H_PICKLED: {
          const t = this.submitted[this.nextTask++];
          this.buffered += tasks[t].argsBytes ?? 0;
          this.pool.submit(t, -1);
          th.kind = H_BLOCKED;
          continue;
        }
        case H_BLOCKED:
          if (this.buffered > PIPE_CAPACITY_BYTES) {
            sim.park(th);
            return;
          }
          th.kind = H_NEXT;
          continue;
        case H_DONE:
          if (this.closing) return this.exit(th);
          sim.park(th);
          return;
        case R_WAIT:
          if (this.rHead < this.results.length) {
            const t = this.results[this.rHead++];
            th.job = t;
            const bytes = tasks[t].resultBytes ?? 0;
            if (fillsPipe(bytes)) {
              // os.read holds no GIL; the worker stays in its write until every byte is read.
              th.kind = R_PIPE;
              sim.run(th, pipeReadNs(bytes), S.pickling, t, -1, false, false);
              return;
            }
            th.kind = R_LOADED;
            sim.run(th, loadsNs(bytes), S.pickling, t, -1, true, false);
            return;
          }
          if (this.closing) return this.exit(th);
          sim.park(th);
          return;
        case R_PIPE:
          this.pool.delivered(th.job);
          th.kind = R_LOADED;
          sim.run(th, unpickleNs(tasks[th.job].resultBytes ?? 0), S.pickling, th.job, -1, true, false);
          return;
        case R_LOADED:
          rec.taskDoneNow(th.job);
          this.done++;
          if (this.done === tasks.length) this.onChange();
          th.kind = R_WAIT;
          continue;
      }
    }
  }

  private exit(th: SimThread): void {
    this.exited++;
    this.ctx.sim.exit(th);
    this.onChange();
  }
}
