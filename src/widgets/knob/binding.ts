/**
 * One number of a scenario that a reader can change in the prose: a step's duration, how many copies of a
 * task run, the bytes a task sends to a worker process, the cores, the switch interval, a model's pool size. Reading it and its bounds (setBound.ts writes it). Pure: shared
 * by <Knob> and the editor.
 */
import type { ModelId, Scenario } from '../../sim/types';
import { DEFAULT_SWITCH_INTERVAL_MS } from '../../sim/defaults';
import { LIMITS, totalTasks } from '../../share/limits';

export type KnobField = 'durationMs' | 'count' | 'cores' | 'switchIntervalMs' | 'poolSize' | 'argsBytes';
export const KNOB_FIELDS: readonly KnobField[] = [
  'durationMs',
  'count',
  'cores',
  'switchIntervalMs',
  'poolSize',
  'argsBytes',
];
/** The models a pool size belongs to (a ThreadPoolExecutor, a multiprocessing.Pool, an InterpreterPoolExecutor). */
export const POOL_MODELS: readonly ModelId[] = ['threads', 'processes', 'subinterpreters'];
/** Bytes pickled to a worker: up to 1 GB, which the simulator moves in well under a second of its own work. */
export const ARGS_BYTES = { min: 0, max: 1_000_000_000 } as const;

export interface Binding {
  field: KnobField;
  /** Task name (before copies are numbered), for durationMs and count. */
  task?: string;
  /** Step number, from 1, for durationMs. */
  step?: number;
  /** For poolSize: "threads", "processes" or "subinterpreters". */
  model?: ModelId;
}

export interface Bound {
  value: number;
  min: number;
  max: number;
  /** What the number is, for its accessible name ("Task d, step 1 duration"). */
  name: string;
}

export type Resolved = { ok: true; bound: Bound; task: number; step: number } | { ok: false; error: string };

export function resolveBinding(scenario: Scenario, b: Binding): Resolved {
  if (!KNOB_FIELDS.includes(b.field)) return { ok: false, error: `field must be one of ${KNOB_FIELDS.join(', ')}` };
  if (b.field === 'cores') {
    return { ok: true, task: -1, step: -1, bound: { value: scenario.machine.cores, ...LIMITS.cores, name: 'Cores' } };
  }
  if (b.field === 'switchIntervalMs') {
    const value = scenario.settings?.switchIntervalMs ?? DEFAULT_SWITCH_INTERVAL_MS;
    return { ok: true, task: -1, step: -1, bound: { value, ...LIMITS.switchIntervalMs, name: 'Switch interval' } };
  }
  if (b.field === 'poolSize') {
    if (!b.model || !POOL_MODELS.includes(b.model))
      return { ok: false, error: 'poolSize needs model="threads", "processes" or "subinterpreters"' };
    const value = scenario.modelSettings?.[b.model]?.poolSize ?? scenario.settings?.poolSize;
    if (value === undefined) return { ok: false, error: `${scenario.id} has no ${b.model} pool` };
    const name =
      b.model === 'threads'
        ? 'Thread pool size'
        : b.model === 'subinterpreters'
          ? 'Interpreter pool size'
          : 'Process pool size';
    return { ok: true, task: -1, step: -1, bound: { value, ...LIMITS.poolSize, name } };
  }
  const t = scenario.tasks.findIndex((task) => task.name === b.task);
  if (t < 0) return { ok: false, error: `no task named “${b.task ?? ''}” in ${scenario.id}` };
  const task = scenario.tasks[t];
  if (b.field === 'count') {
    const count = task.count ?? 1;
    const max = Math.max(count, LIMITS.tasks - (totalTasks(scenario) - count));
    return { ok: true, task: t, step: -1, bound: { value: count, min: 1, max, name: `Task ${task.name}, copies` } };
  }
  if (b.field === 'argsBytes') {
    const name = `Task ${task.name}, bytes sent to its worker`;
    return { ok: true, task: t, step: -1, bound: { value: task.argsBytes ?? 0, ...ARGS_BYTES, name } };
  }
  const s = (b.step ?? 1) - 1;
  const step = task.steps[s];
  if (!step) return { ok: false, error: `task “${task.name}” has no step ${s + 1}` };
  return {
    ok: true,
    task: t,
    step: s,
    bound: { value: step.durationMs, ...LIMITS.durationMs, name: `Task ${task.name}, step ${s + 1} duration` },
  };
}
