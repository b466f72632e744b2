/**
 * deriveScenario: the workload a recording shows, as a scenario the simulator can replay under every
 * model. Which model the program itself used is read from what was recorded:
 * - child processes with pool calls → processes with a Pool of that many workers (one task per call);
 *   children without → processes, one Process per task;
 * - asyncio tasks → asyncio (the tasks the first task created, else that task itself; what they awaited
 *   from an executor, thread pool or process pool, as offloaded work: see asyncio.ts);
 * - thread-pool calls → threads with a pool of that many threads; other threads → threads, one per task;
 * - nothing else → sequential, one task: the main thread.
 */
import type { ModelId, ModelSettings, Scenario, StartMethod, Task } from '../types';
import { asyncioPlan } from './asyncio';
import { runningCover } from './classify';
import { programDemand } from './demand';
import { heldTime } from './held';
import { processTasks, type Found } from './processes';
import { threadSteps } from './steps';
import type { RecordedProcess, RecordedThread, Recording } from './types';

/**
 * A task that arrives this long after the first one is given its own start time (startAtMs); the others
 * arrive with the first one, when it was recorded to start.
 */
const LATE_START_MS = 20;

/** Where a derived task came from, for drawing the recorded run beside its replay. */
export interface TaskSource {
  name: string;
  process: number;
  /** Thread id (RecordedThread.id) that ran it. */
  thread: number;
  /** asyncio task id, when it was one. */
  asyncTask?: number;
  startMs: number;
  endMs: number;
}

export interface Derived {
  scenario: Scenario;
  /** The model the recorded program used. */
  model: ModelId;
  sources: TaskSource[];
  /** The recorded wall time. */
  recordedMs: number;
}

function slug(text: string): string {
  const base = text.split(/[\\/]/).pop() ?? text;
  const s = base
    .replace(/\.py$/, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return s || 'program';
}

function uniqueName(name: string, used: Set<string>): string {
  let n = name || 'task';
  for (let i = 2; used.has(n); i++) n = `${name}-${i}`;
  used.add(n);
  return n;
}

function threadOf(p: RecordedProcess, id: number): RecordedThread {
  return p.threads.find((t) => t.id === id) ?? p.threads[0];
}

interface Plan {
  model: ModelId;
  tasks: Task[];
  sources: TaskSource[];
  poolSize?: number;
  /** Settings of the model beside poolSize (asyncio's executors). */
  settings?: ModelSettings;
}

function fromCalls(rec: Recording, kind: 'process-pool' | 'process' | 'thread-pool'): Plan | null {
  const used = new Set<string>();
  const found: Found[] = [];
  rec.processes.forEach((p, pi) => {
    for (const call of p.calls ?? []) if (call.kind === kind) found.push({ p: pi, call });
  });
  if (found.length === 0) return null;
  found.sort((a, b) => a.call.startMs - b.call.startMs);
  const workers = new Set(found.map((f) => `${f.p}:${f.call.thread}`));
  const gil = rec.python.gil;
  const covers = rec.processes.map((proc) => runningCover(proc));
  const held = rec.processes.map((proc, i) => (gil ? heldTime(proc, covers[i]) : undefined));
  const demand = programDemand(rec);
  const sources: TaskSource[] = found.map(({ p, call }) => ({
    name: uniqueName(call.name.split('.').pop() ?? call.name, used),
    process: p,
    thread: call.thread,
    startMs: call.startMs,
    endMs: call.endMs,
  }));
  const names = new Map(found.map((f, i) => [f.call, sources[i].name]));
  if (kind === 'thread-pool') {
    const tasks = found.map(({ p, call }, i): Task => {
      const proc = rec.processes[p];
      const steps = threadSteps(threadOf(proc, call.thread), call.startMs, call.endMs, covers[p], gil, demand, held[p]);
      return { name: sources[i].name, steps };
    });
    return { model: 'threads', tasks, sources, poolSize: workers.size };
  }
  const tasks = processTasks(
    rec,
    found,
    kind === 'process-pool',
    { covers, held, demand, gil },
    (call) => names.get(call) ?? call.name,
  );
  return {
    model: 'processes',
    tasks,
    sources,
    poolSize: kind === 'process' ? undefined : workers.size,
  };
}

function startMethodOf(rec: Recording): StartMethod | undefined {
  return rec.processes.find((p) => p.startMethod)?.startMethod ?? rec.program.startMethod ?? undefined;
}

function fromAsyncio(rec: Recording): Plan | null {
  const used = new Set<string>();
  const plan = asyncioPlan(rec, LATE_START_MS, (name) => uniqueName(name, used));
  if (!plan) return null;
  const sources = plan.sources.map((s): TaskSource => ({ ...s, process: 0 }));
  const settings = Object.keys(plan.settings).length > 0 ? plan.settings : undefined;
  return { model: 'asyncio', tasks: plan.tasks, sources, settings };
}

function fromThreads(rec: Recording): Plan {
  const root = rec.processes[0];
  const cover = runningCover(root);
  const demand = programDemand(rec);
  const gil = rec.python.gil;
  const held = gil ? heldTime(root, cover) : undefined;
  const workers = root.threads.filter((t) => !t.main);
  const used = new Set<string>();
  if (workers.length === 0) {
    const main = root.threads[0];
    return {
      model: 'sequential',
      tasks: [{ name: 'main', steps: threadSteps(main, main.startMs, main.endMs, cover, gil, demand, held) }],
      sources: [{ name: 'main', process: 0, thread: main.id, startMs: main.startMs, endMs: main.endMs }],
    };
  }
  const t0 = workers[0].startMs;
  const tasks: Task[] = [];
  const sources: TaskSource[] = [];
  for (const t of workers) {
    const name = uniqueName(t.name, used);
    const task: Task = { name, steps: threadSteps(t, t.startMs, t.endMs, cover, gil, demand, held) };
    // Each thread arrives when it started; those that started together, at the first one's start. The
    // main thread's work before it (the program's own set-up) is in the run under every model.
    const at = t.startMs - t0 > LATE_START_MS ? t.startMs : t0;
    if (at > 0) task.startAtMs = Math.round(at * 1000) / 1000;
    tasks.push(task);
    sources.push({ name, process: 0, thread: t.id, startMs: t.startMs, endMs: t.endMs });
  }
  return { model: 'threads', tasks, sources };
}

export function deriveScenario(rec: Recording): Derived {
  // An event loop's executors are part of an asyncio program, so asyncio comes before the pools.
  const plan =
    fromAsyncio(rec) ??
    (rec.processes.length > 1 ? (fromCalls(rec, 'process-pool') ?? fromCalls(rec, 'process')) : null) ??
    fromCalls(rec, 'thread-pool') ??
    fromThreads(rec);
  const program = rec.program.argv.join(' ');
  const scenario: Scenario = {
    id: `recorded-${slug(rec.program.argv[0] ?? 'program')}`,
    title: `Recorded: ${program}`,
    description:
      `Derived from a recording of \`${program}\` on ${rec.python.implementation} ${rec.python.version}, ` +
      `${rec.machine.platform}, ${rec.machine.cores} cores (${plan.model}, ${rec.durationMs.toFixed(1)} ms). ` +
      (rec.python.gil
        ? 'cpu steps are the time each task held the GIL (the time it wanted to run, shared with the other ' +
          'threads of its process that wanted to run as their CPU clocks moved, preemptions by other programs ' +
          'included); io steps are the wall time of its waits.'
        : 'cpu steps are the time each task ran, and waited for a core while other programs kept the machine ' +
          'busy (only its CPU time while it waited for a core its own threads held); io steps are the wall ' +
          'time of its waits.'),
    machine: { cores: Math.min(256, rec.machine.cores) },
    tasks: plan.tasks,
    settings: rec.python.switchIntervalMs ? { switchIntervalMs: rec.python.switchIntervalMs } : {},
  };
  const method = startMethodOf(rec);
  if (plan.model === 'processes' && method) scenario.settings = { ...scenario.settings, startMethod: method };
  if (plan.poolSize !== undefined || plan.settings)
    scenario.modelSettings = {
      [plan.model]: { ...plan.settings, ...(plan.poolSize !== undefined ? { poolSize: plan.poolSize } : {}) },
    };
  return { scenario, model: plan.model, sources: plan.sources, recordedMs: rec.durationMs };
}
