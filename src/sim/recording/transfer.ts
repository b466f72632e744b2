/**
 * What moving a pool call's arguments and result cost, as the bytes a replay charges for it.
 *
 * The processes model charges a message by its size at the calibration's rates (defaults.ts: pickling
 * in the sender, the pipe and unpickling in the receiver). A recording shows what the worker spent on
 * each message: from its header arriving to the call, it read the pipe and unpickled the arguments
 * (receivedMs → startMs); from the call's end until the result was in the pipe, it pickled the result
 * and wrote it (endMs → resultSentMs). Where the worker's CPU clock moved more in that stretch than
 * the calibration charges for the size (objects that pickle slower than a bytes object, a pipe read in
 * many small steps), the derived task carries more bytes: as many more as the calibration moves, sender
 * and receiver together, in the extra CPU time. Replayed under processes the call then moves its data
 * at the cost it had here; threads and asyncio pass a reference and pay none of it. The measure is the
 * worker's CPU time, not the stretch's wall time: the worker also waits there for its parent to write
 * or read (a parent whose handler thread waits for the GIL while the program computes, which the
 * replay has a side of its own for) and for a core on a machine busy with other programs (which no
 * replay can know). A message that cost no more keeps its size.
 */
import { PICKLE_DUMPS_NS_PER_BYTE, PICKLE_LOADS_NS_PER_BYTE, PICKLE_MESSAGE_NS, PIPE_NS_PER_BYTE } from '../defaults';
import { clip } from './classify';
import type { RecordedCall, RecordedProcess, RecordedThread } from './types';

const NS_PER_MS = 1e6;
/** Sender and receiver together, per byte. */
const MOVE_NS_PER_BYTE = PICKLE_DUMPS_NS_PER_BYTE + PIPE_NS_PER_BYTE + PICKLE_LOADS_NS_PER_BYTE;

/**
 * `bytes`, plus the bytes the calibration moves in the CPU time beyond `chargedNs` that the worker's
 * thread used in [fromMs, toMs).
 */
function withExcess(bytes: number, worker: RecordedThread, fromMs: number, toMs: number, chargedNs: number): number {
  let cpuMs = 0;
  for (const s of clip(worker.segments, fromMs, toMs)) cpuMs += s.cpuMs;
  const excessNs = cpuMs * NS_PER_MS - chargedNs;
  return excessNs > 0 ? Math.round(bytes + excessNs / MOVE_NS_PER_BYTE) : bytes;
}

/** The bytes to charge for a pool call's arguments (undefined: none recorded); `worker` ran the call. */
export function argsBytesOf(call: RecordedCall, worker: RecordedThread): number | undefined {
  const bytes = call.argsBytes;
  if (bytes === undefined || bytes <= 0) return undefined;
  if (call.receivedMs === undefined) return bytes;
  // The receiver's part: reading the pipe and unpickling.
  const charged = PICKLE_MESSAGE_NS + bytes * (PIPE_NS_PER_BYTE + PICKLE_LOADS_NS_PER_BYTE);
  return withExcess(bytes, worker, call.receivedMs, call.startMs, charged);
}

/** The bytes to charge for a pool call's result (undefined: none recorded); `worker` ran the call. */
export function resultBytesOf(call: RecordedCall, worker: RecordedThread): number | undefined {
  const bytes = call.resultBytes;
  if (bytes === undefined || bytes <= 0) return undefined;
  if (call.resultSentMs === undefined) return bytes;
  // The sender's part, pickling and writing the pipe (the model charges the pipe to the reader).
  const charged = PICKLE_MESSAGE_NS + bytes * (PICKLE_DUMPS_NS_PER_BYTE + PIPE_NS_PER_BYTE);
  return withExcess(bytes, worker, call.endMs, call.resultSentMs, charged);
}

/** A thread's CPU time in ms: its own total when recorded, else its segments'. */
function cpuOf(thread: RecordedThread): number {
  if (thread.cpuMs !== undefined) return thread.cpuMs;
  let ms = 0;
  for (const s of thread.segments) ms += s.cpuMs;
  return ms;
}

/**
 * The parent's side of a multiprocessing.Pool's messages: its task-handler thread pickles and writes every
 * call's arguments, its result-handler thread reads and unpickles every result (CPython names them
 * "Thread-N (_handle_tasks)" and "(_handle_results)"). Neither does anything else worth counting, so where
 * one used more CPU time over the whole run than the calibration charges for all the bytes it moved, the
 * excess is the parent's share of moving them here. It is spread over the calls by size, as extra bytes at
 * that thread's own rate (the bytes its part of the move costs in that time), so that in the replay the
 * thread spends what it spent here: one thread serves every call, and with large messages it is what the
 * pool waits for. The workers' side of those bytes grows with them, in parallel on the workers. Returns the extra argument and result bytes per call, in the order given (zeros when the
 * parent has no such threads).
 */
export function parentExcessBytes(
  parent: RecordedProcess,
  calls: readonly RecordedCall[],
): { args: number[]; results: number[] } {
  const spread = (suffix: string, sizes: number[], perByteNs: number): number[] => {
    const out = sizes.map(() => 0);
    const thread = parent.threads.find((t) => t.name.endsWith(suffix));
    if (thread === undefined) return out;
    let total = 0;
    let charged = 0;
    for (const b of sizes) {
      if (b <= 0) continue;
      total += b;
      charged += PICKLE_MESSAGE_NS + b * perByteNs;
    }
    const excessNs = cpuOf(thread) * NS_PER_MS - charged;
    if (total === 0 || excessNs <= 0) return out;
    return sizes.map((b) => (b > 0 ? Math.round((excessNs * b) / total / perByteNs) : 0));
  };
  return {
    args: spread(
      '(_handle_tasks)',
      calls.map((c) => c.argsBytes ?? 0),
      PICKLE_DUMPS_NS_PER_BYTE,
    ),
    results: spread(
      '(_handle_results)',
      calls.map((c) => (c.resultSentMs !== undefined ? (c.resultBytes ?? 0) : 0)),
      PIPE_NS_PER_BYTE + PICKLE_LOADS_NS_PER_BYTE,
    ),
  };
}
