/**
 * The scenario language: a workload's tasks and their steps, coordination primitives, arrivals and the
 * models' settings (types.ts re-exports all of it).
 */
/** What a step does while it runs. */
export type StepKind =
  /** Python bytecode: needs the GIL where there is one. */
  | 'cpu'
  /** Waiting on a socket, a disk or a sleep: releases the GIL; an `await` under asyncio. */
  | 'io'
  /** C code that releases the GIL (hashlib on large buffers, NumPy): needs a core, not the GIL. */
  | 'native'
  | SyncStepKind;

/**
 * Coordination steps (see content/scenarios/README.md). They name a primitive of `Scenario.sync` in
 * `sync`, a task in `task` (join) or a shared variable in `var` (read, write); `durationMs` is optional
 * for them (default 0) and counts as Python code run by the task once the step's effect has happened.
 */
export type SyncStepKind = 'acquire' | 'release' | 'put' | 'get' | 'set' | 'clear' | 'wait' | 'join' | 'read' | 'write';

export const SYNC_STEP_KINDS: readonly SyncStepKind[] = [
  'acquire',
  'release',
  'put',
  'get',
  'set',
  'clear',
  'wait',
  'join',
  'read',
  'write',
];

export interface Step {
  kind: StepKind;
  /** Required for cpu, io and native steps; optional (default 0) for coordination steps. */
  durationMs: number;
  /** Coordination steps: the name of the primitive in `Scenario.sync`. */
  sync?: string;
  /** acquire: give up after this long (the task goes on without it; its later release of it is skipped). */
  timeoutMs?: number;
  /** join: the task (every copy of it, when it has a count) to wait for. */
  task?: string;
  /** read / write: the shared variable in `Scenario.shared`. */
  var?: string;
  /** Only on `io` steps: a synchronous call inside a coroutine (time.sleep, requests.get) that blocks the loop. */
  blocking?: boolean;
  /** Only on `cpu` steps: under asyncio, run through asyncio.to_thread / run_in_executor. */
  offload?: 'thread' | 'process';
  /** Optional short text for tooltips and narration ("download", "parse"). */
  label?: string;
}

/** `{"repeat": N, "steps": [...]}`: the steps N times over; may stand wherever a step may, nested. */
export interface StepGroup {
  repeat: number;
  steps: StepItem[];
}
export type StepItem = Step | StepGroup;

export interface Task {
  name: string;
  /** The steps the simulator runs: step groups are unrolled here, and spans' `step` indexes this list. */
  steps: Step[];
  /**
   * The steps as written, when the task used step groups (parseScenario keeps them so that an editor can
   * show and save the groups). `steps` is always the unrolled form and is what runs.
   */
  written?: StepItem[];
  /** When the task arrives, ms after the program starts (default 0: at once). */
  startAtMs?: number;
  /** With count: the copies arrive this many ms apart, from startAtMs (default 0: all together). */
  everyMs?: number;
  /** Bytes pickled to a worker process (copied into a worker interpreter) before the task runs there. */
  argsBytes?: number;
  /** Bytes pickled back from a worker process (copied back from a worker interpreter) when the task ends. */
  resultBytes?: number;
  /**
   * Repeat this task N times (default 1), launched one after another; copies are named `name-1` … `name-N`.
   * Keeps scenarios like "ten thousand downloads" small. The simulator works on the expanded list.
   */
  count?: number;
}

export type ModelId = 'sequential' | 'asyncio' | 'threads' | 'free-threading' | 'processes' | 'subinterpreters';
export const MODEL_IDS: readonly ModelId[] = [
  'sequential',
  'asyncio',
  'threads',
  'free-threading',
  'processes',
  'subinterpreters',
];

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
   * Subinterpreters model: max_workers of the InterpreterPoolExecutor (absent = min(32, cores + 4), its default).
   */
  poolSize?: number;
  /** Build used by the free-threading model (default 3.13t). */
  python?: PythonBuild;
  /** asyncio's default executor size (default min(32, cores + 4)). */
  threadPoolSize?: number;
  /** Size of the process pool used by asyncio's run_in_executor (default cores). */
  processPoolSize?: number;
}

/** A coordination primitive named in `Scenario.sync`. */
export type SyncSpec =
  | { type: 'lock' }
  | { type: 'semaphore'; value: number }
  /** maxsize 0 = unbounded; itemBytes: each item is pickled under processes (multiprocessing.Queue). */
  | { type: 'queue'; maxsize: number; itemBytes?: number }
  | { type: 'event' }
  | { type: 'barrier'; parties: number };
export type SyncType = SyncSpec['type'];

export interface Scenario {
  id: string;
  title: string;
  description?: string;
  machine: { cores: number };
  tasks: Task[];
  /** Coordination primitives by name: `{"L": {"type": "lock"}}`. */
  sync?: Record<string, SyncSpec>;
  /** Shared variables by name with their initial values: `{"x": 0}`. */
  shared?: Record<string, number>;
  settings?: ModelSettings;
  /**
   * Settings for one model only, applied over `settings` (e.g. a process pool of 8 without also putting
   * the threads model in a thread pool). Command-line flags and the page editor override both.
   */
  modelSettings?: Partial<Record<ModelId, ModelSettings>>;
}
