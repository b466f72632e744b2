/**
 * The shape of a generated program: which Python function runs which tasks, and the order the main
 * code launches them in. Tasks with the same steps and payloads share one function; consecutive tasks
 * that share a function are launched by one loop (`for _ in range(4)`).
 */
import type { Step, StepItem, Task } from '../types';

export interface TaskFunction {
  /** Python identifier. */
  name: string;
  steps: Step[];
  /** The steps as written, with step groups (`repeat`), when the task has them. */
  written?: StepItem[];
  argsBytes: number;
  resultBytes: number;
  /** Names of the scenario's tasks (before `count` expansion) that this function runs. */
  tasks: string[];
}

/** `count` consecutive launches of one function. */
export interface LaunchRun {
  fn: TaskFunction;
  count: number;
  /** When the first launch arrives (ms from the start), and the gap between copies. */
  startAtMs: number;
  everyMs: number;
}

export interface ProgramPlan {
  functions: TaskFunction[];
  launches: LaunchRun[];
  /** Tasks after `count` expansion. */
  taskCount: number;
  /** Whether some task arrives later than the start (startAtMs, everyMs). */
  arrivals: boolean;
}

/** Names the programs use for themselves, plus Python keywords and builtins a task must not shadow. */
const TAKEN = new Set(
  (
    'False None True and as assert async await break class continue def del elif else except finally for ' +
    'from global if import in is lambda nonlocal not or pass raise return try while with yield ' +
    'asyncio concurrent hashlib interpreters multiprocessing queue sys threading time main busy native ' +
    'send_back start pool ctx block payload data results print range len list id type int str bytes ' +
    'open input map filter sum min max next iter object format hash ' +
    'peek store take event_set event_clear event_wait barrier_wait wait_finished futures'
  ).split(' '),
);

/** A Python identifier for a task name: lower case, `_` for other characters. */
export function pythonName(taskName: string): string {
  let name = taskName
    .toLowerCase()
    .replace(/[^a-z0-9_]+/g, '_')
    .replace(/^_+|_+$/g, '');
  if (name === '') name = 'task';
  if (/^\d/.test(name)) name = `task_${name}`;
  if (TAKEN.has(name)) name = `${name}_task`;
  return name;
}

/** The name shared by numbered tasks: "d1" → "d", "counter-2" → "counter". */
function baseName(taskName: string): string {
  const base = taskName.replace(/[-_ ]?\d+$/, '');
  return base === '' ? taskName : base;
}

function signature(task: Task, extra: string): string {
  return JSON.stringify([task.written ?? task.steps, task.argsBytes ?? 0, task.resultBytes ?? 0, extra]);
}

/**
 * `reserved`: names the program already uses (primitives); `keyOf`: what else keeps two tasks with the
 * same steps apart (being joined by others).
 */
export function planProgram(
  tasks: readonly Task[],
  reserved: ReadonlySet<string> = new Set(),
  keyOf: (task: Task) => string = () => '',
): ProgramPlan {
  const bySignature = new Map<string, TaskFunction>();
  const functions: TaskFunction[] = [];
  const launches: LaunchRun[] = [];
  let taskCount = 0;
  let arrivals = false;
  for (const task of tasks) {
    const key = signature(task, keyOf(task));
    let fn = bySignature.get(key);
    if (!fn) {
      fn = {
        name: '',
        steps: task.steps,
        ...(task.written ? { written: task.written } : {}),
        argsBytes: task.argsBytes ?? 0,
        resultBytes: task.resultBytes ?? 0,
        tasks: [],
      };
      bySignature.set(key, fn);
      functions.push(fn);
    }
    fn.tasks.push(task.name);
    const count = task.count ?? 1;
    taskCount += count;
    const startAtMs = task.startAtMs ?? 0;
    const everyMs = count > 1 ? (task.everyMs ?? 0) : 0;
    const timed = startAtMs > 0 || everyMs > 0;
    if (timed) arrivals = true;
    const last = launches[launches.length - 1];
    if (last && last.fn === fn && !timed && last.startAtMs === 0 && last.everyMs === 0) last.count += count;
    else launches.push({ fn, count, startAtMs, everyMs });
  }
  const used = new Set<string>(reserved);
  for (const fn of functions) {
    const bases = new Set(fn.tasks.map(baseName));
    const wanted = pythonName(bases.size === 1 && fn.tasks.length > 1 ? [...bases][0] : fn.tasks[0]);
    let name = wanted;
    for (let i = 2; used.has(name); i++) name = `${wanted}_${i}`;
    used.add(name);
    fn.name = name;
  }
  return { functions, launches, taskCount, arrivals };
}

/**
 * The shortest pattern that the step list repeats whole (at least twice), or null: 40 steps of
 * recv/handle become `for _ in range(20):` over two lines.
 */
export function repeatedPattern<T>(items: readonly T[], same: (a: T, b: T) => boolean): number | null {
  const n = items.length;
  for (let period = 1; period <= n / 2; period++) {
    if (n % period !== 0) continue;
    let ok = true;
    for (let i = period; i < n && ok; i++) ok = same(items[i], items[i - period]);
    if (ok) return period;
  }
  return null;
}
