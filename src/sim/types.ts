/**
 * The contract between scenarios, the simulator and everything that draws a trace.
 *
 * Times in a trace are milliseconds since the program started (floating point, derived from
 * integer nanoseconds inside the simulator so that results are exact and deterministic).
 * Every span is half-open: it covers `startMs <= t < endMs`.
 */

/** What a step does while it runs. */
export type StepKind =
  /** Python bytecode: needs the GIL where there is one. */
  | 'cpu'
  /** Waiting on a socket, a disk or a sleep: releases the GIL; an `await` under asyncio. */
  | 'io'
  /** C code that releases the GIL (hashlib on large buffers, NumPy): needs a core, not the GIL. */
  | 'native';

export interface Step {
  kind: StepKind;
  durationMs: number;
  /** Only on `io` steps: a synchronous call inside a coroutine (time.sleep, requests.get) that blocks the loop. */
  blocking?: boolean;
  /** Only on `cpu` steps: under asyncio, run through asyncio.to_thread / run_in_executor. */
  offload?: 'thread' | 'process';
  /** Optional short text for tooltips and narration ("download", "parse"). */
  label?: string;
}

export interface Task {
  name: string;
  steps: Step[];
  /** Bytes pickled to a worker process before the task runs there. */
  argsBytes?: number;
  /** Bytes pickled back from a worker process when the task ends. */
  resultBytes?: number;
  /**
   * Repeat this task N times (default 1), launched one after another; copies are named `name-1` … `name-N`.
   * Keeps scenarios like "ten thousand downloads" small. The simulator works on the expanded list.
   */
  count?: number;
}

export type ModelId = 'sequential' | 'asyncio' | 'threads' | 'free-threading' | 'processes';
export const MODEL_IDS: readonly ModelId[] = ['sequential', 'asyncio', 'threads', 'free-threading', 'processes'];

export type StartMethod = 'fork' | 'forkserver' | 'spawn';
export type PythonBuild = '3.11' | '3.13t' | '3.14t';

/** Model settings a scenario may carry; command-line flags and the page editor override them. */
export interface ModelSettings {
  /** sys.setswitchinterval, in milliseconds (CPython default 5 ms). */
  switchIntervalMs?: number;
  /** multiprocessing start method (default fork, as on Linux before 3.14). */
  startMethod?: StartMethod;
  /**
   * Threads model: number of worker threads in a ThreadPoolExecutor (absent = one thread per task).
   * Processes model: number of worker processes in a Pool (absent = one Process per task).
   */
  poolSize?: number;
  /** Build used by the free-threading model (default 3.13t). */
  python?: PythonBuild;
  /** asyncio's default executor size (default min(32, cores + 4)). */
  threadPoolSize?: number;
  /** Size of the process pool used by asyncio's run_in_executor (default cores). */
  processPoolSize?: number;
}

export interface Scenario {
  id: string;
  title: string;
  description?: string;
  machine: { cores: number };
  tasks: Task[];
  settings?: ModelSettings;
  /**
   * Settings for one model only, applied over `settings` (e.g. a process pool of 8 without also putting
   * the threads model in a thread pool). Command-line flags and the page editor override both.
   */
  modelSettings?: Partial<Record<ModelId, ModelSettings>>;
}

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
  | 'held';

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
}

export type EventKind =
  | 'task-start'
  | 'task-end'
  | 'step-start'
  | 'gil-handoff' // the GIL passes from one thread to another
  | 'gil-drop-request' // a waiting thread has waited a full switch interval and asks the holder to drop
  | 'loop-switch' // the event loop moves from one task to another
  | 'timer-late' // an awaited timer or I/O completion was handled late because the loop was busy
  | 'worker-start'; // a thread or process has started

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
}

export interface TaskResult {
  name: string;
  startMs: number;
  endMs: number;
  /** endMs - startMs */
  latencyMs: number;
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
}

/** The settings a trace was produced with, after defaults were applied. */
export interface ResolvedSettings {
  cores: number;
  switchIntervalMs: number;
  startMethod: StartMethod;
  poolSize: number | null;
  python: PythonBuild;
  threadPoolSize: number;
  processPoolSize: number;
}

export interface Trace {
  model: ModelId;
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
