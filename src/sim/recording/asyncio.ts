/**
 * An asyncio recording as an asyncio workload: the tasks the first task created (else that task itself),
 * each resumption as Python code on the loop and each await as a wait. Awaiting an executor
 * (asyncio.to_thread, loop.run_in_executor) is the call the executor ran, matched by time: a call of a
 * thread pool in the program's own process is cpu offloaded to a thread (the time it held the GIL, as the
 * threads derivation counts it), a call of a process pool's worker is cpu offloaded to a process, and the
 * bytes its messages carried go on the task (argsBytes, resultBytes), which the asyncio model charges as
 * pickling. Waiting for a free worker, and the GIL the executor's threads share with the loop, are left to
 * the replay; the executors are as big as the workers the calls ran on.
 */
import type { ModelSettings, Step, Task } from '../types';
import { runningCover, type Cover } from './classify';
import { programDemand, type Demand } from './demand';
import { heldTime, type Held } from './held';
import { pushStep, taskSteps, threadSteps, tidySteps } from './steps';
import { argsBytesOf, resultBytesOf } from './transfer';
import type { RecordedCall, RecordedProcess, RecordedSegment, RecordedTask, RecordedThread, Recording } from './types';

/** Times are read by different threads a moment apart and rounded: matching allows this much either way. */
const CLOCK_SLACK_MS = 0.05;

const round = (ms: number): number => Math.round(ms * 1000) / 1000;

export interface AsyncioSource {
  name: string;
  thread: number;
  asyncTask: number;
  startMs: number;
  endMs: number;
}

export interface AsyncioPlan {
  tasks: Task[];
  sources: AsyncioSource[];
  /** threadPoolSize / processPoolSize of the executors the calls ran on, when there were any. */
  settings: ModelSettings;
}

interface ExecutorCall {
  p: number;
  call: RecordedCall;
  used: boolean;
}

type Await = RecordedTask['awaits'][number];

/** The calls an executor may have run for the loop: its own process's thread-pool calls, its children's pool calls. */
function executorCalls(rec: Recording): ExecutorCall[] {
  const out: ExecutorCall[] = [];
  rec.processes.forEach((proc, p) => {
    for (const call of proc.calls ?? [])
      if (p === 0 ? call.kind === 'thread-pool' : call.kind === 'process-pool') out.push({ p, call, used: false });
  });
  return out.sort((a, b) => a.call.startMs - b.call.startMs);
}

/**
 * For every executor await, the call it waited for: in order of the awaits, the first call not yet taken
 * that began after the resumption that submitted it began and ended before the await did (executors
 * take their work first in, first out).
 */
function matchExecutorCalls(tasks: readonly RecordedTask[], calls: ExecutorCall[]): Map<Await, ExecutorCall> {
  const waits: { w: Await; from: number }[] = [];
  for (const t of tasks)
    for (const w of t.awaits) {
      if (w.label !== 'executor') continue;
      const submitted = t.resumptions.filter((r) => r.endMs <= w.startMs + CLOCK_SLACK_MS).pop();
      waits.push({ w, from: submitted?.startMs ?? w.startMs });
    }
  waits.sort((a, b) => a.w.startMs - b.w.startMs);
  const found = new Map<Await, ExecutorCall>();
  for (const { w, from } of waits) {
    const c = calls.find(
      (x) => !x.used && x.call.startMs >= from - CLOCK_SLACK_MS && x.call.endMs <= w.endMs + CLOCK_SLACK_MS,
    );
    if (!c) continue;
    c.used = true;
    found.set(w, c);
  }
  return found;
}

interface Context {
  rec: Recording;
  covers: Cover[];
  held: (Held | undefined)[];
  demand: Demand;
}

function threadOf(p: RecordedProcess, id: number): RecordedThread {
  return p.threads.find((t) => t.id === id) ?? p.threads[0];
}

/** The segments of a thread that overlap [fromMs, toMs) (segments are in order and do not overlap). */
function window(segs: readonly RecordedSegment[], fromMs: number, toMs: number): RecordedSegment[] {
  let lo = 0;
  let hi = segs.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (segs[mid].endMs <= fromMs) lo = mid + 1;
    else hi = mid;
  }
  let end = lo;
  while (end < segs.length && segs[end].startMs < toMs) end++;
  return segs.slice(lo, end);
}

/**
 * A resumption's compute: as threads count it (threadSteps), the wall time where the loop thread ran and
 * what other programs took from it included, its GIL share where executor threads ran beside it; never
 * less than its own CPU time (a resumption shorter than a sample may fall in a stretch taken for a wait).
 */
function resumptionWork(ctx: Context, loop: RecordedThread) {
  const cover = ctx.covers[0];
  const gil = ctx.rec.python.gil;
  return (startMs: number, endMs: number, cpuMs: number): number => {
    const part = { ...loop, segments: window(loop.segments, startMs, endMs) };
    let ms = 0;
    for (const s of threadSteps(part, startMs, endMs, cover, gil, ctx.demand, ctx.held[0]))
      if (s.kind !== 'io') ms += s.durationMs;
    return Math.max(cpuMs, ms);
  };
}

/**
 * How long the loop thread was stuck in a resumption's stretch: its waits as threads count them, the
 * named ones (a blocking call) and those the recorder could not name in which its clock barely moved (a
 * C call that blocks, or a machine so busy the thread hardly ran): either way nothing else on the loop
 * ran meanwhile. Not the selector, which is the loop between resumptions.
 */
function loopStuck(ctx: Context, loop: RecordedThread) {
  const cover = ctx.covers[0];
  const gil = ctx.rec.python.gil;
  return (startMs: number, endMs: number): number => {
    const part = { ...loop, segments: window(loop.segments, startMs, endMs) };
    let ms = 0;
    for (const s of threadSteps(part, startMs, endMs, cover, gil, ctx.demand, ctx.held[0]))
      if (s.kind === 'io' && s.label !== 'select') ms += s.durationMs;
    return ms;
  };
}

/** The work of one executor call, as the loop sees it: its compute offloaded, its own waits as waits. */
function offloadedSteps(ctx: Context, { p, call }: ExecutorCall): Step[] {
  const proc = ctx.rec.processes[p];
  const offload = p === 0 ? 'thread' : 'process';
  const label = p === 0 ? 'executor thread' : 'executor process';
  const gil = ctx.rec.python.gil;
  const work = threadSteps(
    threadOf(proc, call.thread),
    call.startMs,
    call.endMs,
    ctx.covers[p],
    gil,
    ctx.demand,
    ctx.held[p],
  );
  return work.map((s): Step =>
    s.kind === 'io' ? s : { kind: 'cpu', durationMs: s.durationMs, offload, label: `${label}: ${call.name}` },
  );
}

function stepsOf(
  ctx: Context,
  task: RecordedTask,
  loop: RecordedThread,
  matched: Map<Await, ExecutorCall>,
  out: Task,
): Step[] {
  const steps: Step[] = [];
  const work = resumptionWork(ctx, loop);
  const stuck = loopStuck(ctx, loop);
  let from = 0;
  // The stretches between executor awaits are ordinary (taskSteps); each matched await is its call.
  const awaits = [...task.awaits].sort((a, b) => a.startMs - b.startMs);
  const part = (toMs: number) => {
    const piece: RecordedTask = {
      ...task,
      resumptions: task.resumptions.filter((r) => r.startMs >= from && r.startMs < toMs),
      awaits: task.awaits.filter((w) => w.startMs >= from && w.startMs < toMs),
    };
    if (piece.resumptions.length + piece.awaits.length > 0)
      for (const s of taskSteps(piece, loop.segments, work, stuck)) pushStep(steps, s);
  };
  for (const w of awaits) {
    const c = matched.get(w);
    if (!c) continue;
    part(w.startMs);
    for (const s of offloadedSteps(ctx, c)) pushStep(steps, s);
    if (c.p > 0) {
      const worker = threadOf(ctx.rec.processes[c.p], c.call.thread);
      const args = argsBytesOf(c.call, worker);
      const result = resultBytesOf(c.call, worker);
      if (args) out.argsBytes = (out.argsBytes ?? 0) + args;
      if (result) out.resultBytes = (out.resultBytes ?? 0) + result;
    }
    from = w.endMs;
  }
  part(Infinity);
  return tidySteps(steps);
}

/**
 * Tasks created lateStartMs after the first one arrive when they were created (startAtMs); the others
 * with the first one, when it was created.
 */
export function asyncioPlan(rec: Recording, lateStartMs: number, unique: (name: string) => string): AsyncioPlan | null {
  const root = rec.processes[0];
  const all = root.tasks ?? [];
  if (all.length === 0) return null;
  const first = all[0];
  const children = all.filter((t) => t.parent === first.id);
  const chosen = children.length > 0 ? children : [first];
  const calls = executorCalls(rec);
  const matched = matchExecutorCalls(all, calls);
  const covers = rec.processes.map((proc) => runningCover(proc));
  const ctx: Context = {
    rec,
    covers,
    held: rec.processes.map((proc, i) => (rec.python.gil ? heldTime(proc, covers[i]) : undefined)),
    demand: programDemand(rec),
  };
  const tasks: Task[] = [];
  const sources: AsyncioSource[] = [];
  const t0 = chosen[0].createdMs;
  for (const t of chosen) {
    const name = unique(t.coroutine?.split('.').pop() ?? t.name);
    const task: Task = { name, steps: [] };
    task.steps = stepsOf(ctx, t, threadOf(root, t.thread), matched, task);
    // As for threads (derive.ts): what the program did before it created them stays in the run.
    const at = t.createdMs - t0 > lateStartMs ? t.createdMs : t0;
    if (at > 0) task.startAtMs = round(at);
    tasks.push(task);
    sources.push({ name, thread: t.thread, asyncTask: t.id, startMs: t.createdMs, endMs: t.endMs });
  }
  const settings: ModelSettings = {};
  const used = calls.filter((c) => c.used);
  const threads = new Set(used.filter((c) => c.p === 0).map((c) => c.call.thread));
  const workers = new Set(used.filter((c) => c.p > 0).map((c) => c.p));
  if (threads.size > 0) settings.threadPoolSize = threads.size;
  if (workers.size > 0) settings.processPoolSize = workers.size;
  return { tasks, sources, settings };
}
