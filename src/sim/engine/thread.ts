import type { Gil } from './gil';

/** What a simulated OS thread is doing. */
export const OP_NONE = 0; // between two operations (only inside a driver callback)
export const OP_RUN = 1; // needs a core for `remaining` ns (and the GIL if needsGil)
export const OP_WAIT = 2; // waits a fixed time without a core (I/O, sleep, a blocking call)
export const OP_PARK = 3; // blocked until someone wakes it (idle worker, join, empty loop)
export const OP_EXIT = 4; // finished

/**
 * One OS thread: the main thread, the event-loop thread, a worker thread, or the single thread of a
 * worker process. Its lane shows what it does; `gil` is the lock of the interpreter it belongs to.
 */
export class SimThread {
  op = OP_NONE;
  /** Span state shown while the op runs (index into SPAN_STATES). */
  state = 0;
  task = -1;
  step = -1;
  needsGil = false;
  /** Counts towards cpuWorkMs (task cpu/native steps, not overheads). */
  work = false;
  duration = 0;
  remaining = 0;
  /** Bumped for every new op; stale events carry an old value. */
  gen = 0;

  // core scheduler
  core = -1;
  since = 0;
  sliceStart = 0;
  queued = false;

  // GIL
  holdsGil = false;
  gilWaiting = false;
  /** When this thread's timed GIL waits fire, modulo their length (see Gil). */
  gilPhase = 0;

  // coordination: while parked in a wait on a primitive, the state and span info to show (-1: plain park)
  blockState = -1;
  blockInfo = -1;

  // free for the model driving this thread
  job = -1;
  jobStep = -1;
  stepIdx = 0;
  kind = 0;

  constructor(
    readonly id: number,
    readonly lane: number,
    readonly gil: Gil | null,
  ) {}
}
