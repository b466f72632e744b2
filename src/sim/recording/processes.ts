/**
 * A recording of child processes as a processes workload: one task per call a child ran (a Pool's or a
 * ProcessPoolExecutor's workers, or one Process per target), each arriving (startAtMs) when the parent
 * handed it over: Process.start(), or the apply_async / submit that queued it (the recorder's `starts` and
 * `submits`). So what the parent did before (building the data, creating the pool) stays in the run, and so
 * do arrivals spread over time.
 *
 * What the recorded machine spent around the calls (a process's start-up, the pipe that carries a pool's
 * arguments, the pool's shutdown) is not made into steps: a step would be charged under every model the
 * workload is replayed under, and threads or asyncio pay none of it. The processes model charges its own,
 * calibrated costs for those instead; what it needs to know is how much each call moved, so a pool call
 * carries the size of the message that brought it (argsBytes) and of the one that took its result back
 * (resultBytes), which the processes and subinterpreters models charge as the copy and the other models
 * pass by reference; where the worker spent more CPU time on a message than the calibration charges
 * for its size, it carries more bytes, as many as cost that much, and so it does where a Pool's handler
 * threads in the parent spent more on the messages than that (transfer.ts).
 */
import type { Task } from '../types';
import type { Cover } from './classify';
import type { Demand } from './demand';
import type { Held } from './held';
import { threadSteps } from './steps';
import { argsBytesOf, parentExcessBytes, resultBytesOf } from './transfer';
import type { RecordedCall, RecordedProcess, Recording } from './types';

const round = (ms: number): number => Math.round(ms * 1000) / 1000;

export interface Found {
  p: number;
  call: RecordedCall;
}

export interface ProcessContext {
  covers: Cover[];
  held: (Held | undefined)[];
  demand: Demand;
  gil: boolean;
}

/** When the parent started the named child (Process.start()), if the recording says. */
function startedAt(rec: Recording, name: string): number | undefined {
  for (const p of rec.processes) for (const s of p.starts ?? []) if (s.name === name) return s.atMs;
  return undefined;
}

/**
 * The tasks of the calls, each with its work and its arrival as above.
 * `pool`: calls of pool workers (else one Process per call).
 */
export function processTasks(
  rec: Recording,
  found: Found[],
  pool: boolean,
  ctx: ProcessContext,
  name: (call: RecordedCall) => string,
): Task[] {
  // Pool messages are read in the order they were queued: the k-th message read is the k-th submitted.
  const order = pool
    ? [...found].sort((a, b) => (a.call.receivedMs ?? a.call.startMs) - (b.call.receivedMs ?? b.call.startMs))
    : found;
  const submits = [...(rec.processes[0].submits ?? [])].sort((a, b) => a - b);
  const arrival = new Map<Found, number>();
  if (pool && submits.length >= order.length) order.forEach((f, k) => arrival.set(f, submits[k]));
  const extra = pool
    ? parentExcessBytes(
        rec.processes[0],
        found.map((f) => f.call),
      )
    : null;
  return found.map((f, i): Task => {
    const { p, call } = f;
    const proc: RecordedProcess = rec.processes[p];
    const thread = proc.threads.find((t) => t.id === call.thread) ?? proc.threads[0];
    const at = pool ? arrival.get(f) : startedAt(rec, proc.name);
    const steps = threadSteps(thread, call.startMs, call.endMs, ctx.covers[p], ctx.gil, ctx.demand, ctx.held[p]);
    const task: Task = { name: name(call), steps };
    if (at !== undefined && at > 0) task.startAtMs = round(at);
    const args = pool ? argsBytesOf(call, thread) : undefined;
    const result = pool ? resultBytesOf(call, thread) : undefined;
    if (args !== undefined) task.argsBytes = args + (extra?.args[i] ?? 0);
    if (result !== undefined) task.resultBytes = result + (extra?.results[i] ?? 0);
    return task;
  });
}
