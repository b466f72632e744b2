/**
 * A trace: what one model did with a scenario (lanes, half-open spans, events, per-task results and
 * metrics); types.ts re-exports all of it. Times are milliseconds since the program started.
 */
import type { ModelId, PythonBuild, StartMethod, SyncType } from './scenarioTypes';

/** What a lane stands for. Task lanes exist in every trace; the others depend on the model. */
export type LaneKind =
  | 'task'
  | 'main' // the main thread / parent process that starts workers, pickles, joins
  | 'loop' // the asyncio event-loop thread
  | 'thread' // an OS thread running Python code (threads, free-threading, executor threads)
  | 'process' // a worker process
  | 'core' // a CPU core
  | 'gil'; // who holds a GIL (one lane per interpreter that has one and more than one thread)

export interface Lane {
  id: string;
  kind: LaneKind;
  label: string;
  /** For task lanes: the task's index in the scenario. */
  task?: number;
}

export type SpanState =
  /** Executing Python bytecode (holding the GIL where there is one). */
  | 'running'
  /** Executing C code that released the GIL. */
  | 'native'
  /** Waiting for I/O, a timer or a sleep; uses no CPU. */
  | 'io'
  /** A blocking call inside a coroutine: the loop thread is stuck, nothing else on the loop runs. */
  | 'blocking'
  /** Ready to run Python code, waiting for the GIL. */
  | 'wait-gil'
  /** Ready, waiting for the event loop to get to it. */
  | 'wait-loop'
  /** Runnable, waiting for a free CPU core (more runnable threads or processes than cores). */
  | 'wait-core'
  /** Waiting for a free pool worker (thread pool, process pool, executor). */
  | 'wait-worker'
  /** Thread or process start-up (fork/spawn, interpreter boot). */
  | 'starting'
  /** Pickling arguments or results and moving them between processes. */
  | 'pickling'
  /** Only on GIL lanes: the GIL is held by the span's task / thread. */
  | 'held'
  /** Blocked in acquire() of a lock or semaphore (span.sync names it, span.holder holds it). */
  | 'wait-lock'
  /** Blocked in get() of an empty queue or put() of a full one (span.sync, span.detail 'empty' | 'full'). */
  | 'wait-queue'
  /** Blocked in Event.wait() until another task sets the event (span.sync). */
  | 'wait-event'
  /** Blocked in join() / await until another task finishes (span.holder = one task not yet finished). */
  | 'wait-join'
  /** Blocked in Barrier.wait() until enough parties arrive (span.sync). */
  | 'wait-barrier';

export const SPAN_STATES: readonly SpanState[] = [
  'running',
  'native',
  'io',
  'blocking',
  'wait-gil',
  'wait-loop',
  'wait-core',
  'wait-worker',
  'starting',
  'pickling',
  'held',
  'wait-lock',
  'wait-queue',
  'wait-event',
  'wait-join',
  'wait-barrier',
];

export interface Span {
  /** Index into `Trace.lanes`. */
  lane: number;
  startMs: number;
  endMs: number;
  state: SpanState;
  /** The task this span is about (index into the scenario's tasks), or -1 for work that belongs to no task. */
  task: number;
  /** The step of that task, or -1. */
  step: number;
  /** For spans on task lanes: the worker lane (thread, loop, process) doing the work, or -1. */
  worker: number;
  /** wait-lock, wait-queue, wait-event, wait-barrier: the primitive's name (a key of Scenario.sync). */
  sync?: string;
  /**
   * wait-lock: the task holding the lock (for a semaphore: the holder that took it last), when the wait
   * began; wait-join: a task waited for that has not finished; -1 if none.
   */
  holder?: number;
  /** wait-queue: whether the queue was 'empty' (get) or 'full' (put). */
  detail?: 'empty' | 'full';
}

export type EventKind =
  | 'task-start'
  | 'task-end'
  | 'step-start'
  | 'gil-handoff' // the GIL passes from one thread to another
  | 'gil-drop-request' // a waiting thread has waited a full switch interval and asks the holder to drop
  | 'loop-switch' // the event loop moves from one task to another
  | 'timer-late' // an awaited timer or I/O completion was handled late because the loop was busy
  | 'worker-start' // a thread or process has started
  | 'sync-wake' // a release / put / set / finish (by fromTask) woke `task`, waiting on `sync`: draw a flow
  | 'queue-depth' // the queue `sync` now holds `depth` items
  | 'shared-write' // `task` wrote `value` to shared variable `var`; `lost: true` if it overwrote an update
  | 'deadlock'; // every unfinished task is blocked and nothing is pending: `text` says why

export interface TraceEvent {
  timeMs: number;
  kind: EventKind;
  /** Task index or -1. */
  task: number;
  /** Lane index or -1. */
  lane: number;
  /** For gil-handoff and loop-switch: the task that had it before (-1 for none). */
  fromTask?: number;
  /** For timer-late: how late, in ms. */
  lateMs?: number;
  /** sync-wake, queue-depth: the primitive's name. sync-wake also has fromTask (-1: none). */
  sync?: string;
  /** queue-depth: items in the queue (under processes: put and not yet taken, feeder included). */
  depth?: number;
  /** shared-write: the variable, the value written, and whether the write lost another task's update. */
  var?: string;
  value?: number;
  lost?: boolean;
  /** deadlock: the cycle in words ("A holds L1 and waits for L2; B holds L2 and waits for L1"). */
  text?: string;
}

export interface TaskResult {
  name: string;
  /** When the task arrived (its startAtMs, or 0). */
  arrivalMs: number;
  startMs: number;
  /** When it finished; for a task a deadlock left unfinished, the time of the deadlock. */
  endMs: number;
  /** endMs - arrivalMs */
  latencyMs: number;
  /** Only present (true) for a task that never finished because of a deadlock. */
  unfinished?: boolean;
}

/** Per-primitive counts. Locks and semaphores: acquisitions, handoffs, longestRun. Queues: puts, gets, maxDepth. */
export interface SyncMetrics {
  type: SyncType;
  acquisitions?: number;
  /** Consecutive acquisitions by different tasks. */
  handoffs?: number;
  /** Most consecutive acquisitions by one task. */
  longestRun?: number;
  /** release() calls that released it (a release skipped after a timed-out acquire does not count). */
  releases?: number;
  /** acquire() calls that gave up after their timeoutMs. */
  timeouts?: number;
  puts?: number;
  gets?: number;
  maxDepth?: number;
  /** event: set() calls; barrier: how many times it tripped. */
  sets?: number;
  trips?: number;
}

export interface SharedMetrics {
  final: number;
  writes: number;
  /** Writes that overwrote a value another task had written after this task read. */
  lostUpdates: number;
}

export interface DeadlockInfo {
  atMs: number;
  /** Names of the tasks that were blocked. */
  tasks: string[];
  /** The cycle (or the wait that can never end) in words. */
  cycle: string;
}

export interface Metrics {
  makespanMs: number;
  /** Sum over cores of the time they were busy with anything (ms). */
  coreBusyMs: number[];
  /** Total busy time / (cores * makespan), 0..1. */
  utilisation: number;
  /** Most tasks started and not yet finished at one moment. */
  peakConcurrency: number;
  /** Times the GIL changed hands between two different threads. */
  gilSwitches: number;
  /** Estimated resident memory of the workers, in bytes (from the calibration figures). */
  memoryBytes: number;
  /** Total CPU work done by tasks (cpu + native), in ms of core time. */
  cpuWorkMs: number;
  /** How many discrete events the simulation processed. */
  eventCount: number;
  /** Latency (end - arrival) percentiles over finished tasks (nearest rank). */
  latency: { p50Ms: number; p95Ms: number; p99Ms: number; maxMs: number };
  /** Finished tasks per second of makespan. */
  throughputPerS: number;
  /** One entry per primitive of Scenario.sync. */
  sync: Record<string, SyncMetrics>;
  /** One entry per variable of Scenario.shared. */
  shared: Record<string, SharedMetrics>;
  /** null, or where the run stopped because every unfinished task was blocked. */
  deadlock: DeadlockInfo | null;
}

/** The settings a trace was produced with, after defaults were applied. */
export interface ResolvedSettings {
  cores: number;
  switchIntervalMs: number;
  startMethod: StartMethod;
  poolSize: number | null;
  /** The build the model runs on: a free-threaded one, '3.14' for subinterpreters, else '3.11'. */
  python: PythonBuild | '3.14';
  threadPoolSize: number;
  processPoolSize: number;
}

export interface Trace {
  model: ModelId;
  /** A band title that replaces the model's name (a recorded run: "Recorded · Python 3.12.1 · 8 cores"). */
  label?: string;
  scenarioId: string;
  settings: ResolvedSettings;
  makespanMs: number;
  lanes: Lane[];
  /** Sorted by lane, then startMs. */
  spans: Span[];
  /** Sorted by timeMs (ties in the order they happened). */
  events: TraceEvent[];
  tasks: TaskResult[];
  metrics: Metrics;
}
