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
  // Every field is set by reset(), which the constructor calls too: a reused thread starts as a new one.
  id!: number;
  lane!: number;
  gil!: Gil | null;
  op!: number;
  /** Span state shown while the op runs (index into SPAN_STATES). */
  state!: number;
  task!: number;
  step!: number;
  needsGil!: boolean;
  /** Counts towards cpuWorkMs (task cpu/native steps, not overheads). */
  work!: boolean;
  duration!: number;
  remaining!: number;
  /** Bumped for every new op; stale events carry an old value. */
  gen!: number;

  // core scheduler
  core!: number;
  since!: number;
  sliceStart!: number;
  queued!: boolean;

  // GIL
  holdsGil!: boolean;
  gilWaiting!: boolean;
  /** When this thread's timed GIL waits fire, modulo their length (see Gil). */
  gilPhase!: number;

  // coordination: while parked in a wait on a primitive, the state and span info to show (-1: plain park)
  blockState!: number;
  blockInfo!: number;

  // free for the model driving this thread
  job!: number;
  jobStep!: number;
  stepIdx!: number;
  kind!: number;

  constructor(id: number, lane: number, gil: Gil | null) {
    this.reset(id, lane, gil);
  }

  /** Makes the thread a new one (Sim reuses the thread objects of an earlier simulation: see Sim.newThread). */
  reset(id: number, lane: number, gil: Gil | null): void {
    this.id = id;
    this.lane = lane;
    this.gil = gil;
    this.op = OP_NONE;
    this.state = 0;
    this.task = -1;
    this.step = -1;
    this.needsGil = false;
    this.work = false;
    this.duration = 0;
    this.remaining = 0;
    this.gen = 0;
    this.core = -1;
    this.since = 0;
    this.sliceStart = 0;
    this.queued = false;
    this.holdsGil = false;
    this.gilWaiting = false;
    this.gilPhase = 0;
    this.blockState = -1;
    this.blockInfo = -1;
    this.job = -1;
    this.jobStep = -1;
    this.stepIdx = 0;
    this.kind = 0;
  }
}

/**
 * Thread objects of the last finished simulation, reused by the next (10 000 tasks under threads start
 * 10 000 OS threads: allocating them, then the collector copying them while they live, costs more than
 * the rest of their bookkeeping). A Sim takes the whole list when it is created, so two never share one.
 */
let spareThreads: SimThread[] = [];
/** At most this many are kept for reuse. */
const MAX_SPARE_THREADS = 1 << 14;

/** The spare thread objects, for one Sim (the next one gets none until this one gives them back). */
export function takeSpareThreads(): SimThread[] {
  const out = spareThreads;
  spareThreads = [];
  return out;
}

/** A finished run's threads (and the spares it took) go to the next one, without their GILs (which hold the run). */
export function giveBackThreads(threads: SimThread[], spare: SimThread[]): void {
  let ths = threads.length >= spare.length ? threads : spare;
  if (ths.length > MAX_SPARE_THREADS) ths = ths.slice(0, MAX_SPARE_THREADS);
  for (const th of ths) th.gil = null;
  if (ths.length > spareThreads.length) spareThreads = ths;
}
