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
import type { RecordedCall, RecordedThread } from './types';

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
