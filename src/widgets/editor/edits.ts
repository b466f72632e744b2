/**
 * The editor's changes to a workload, as pure functions: scenario in, scenario out, plus a sentence when a
 * value had to be clamped or a change was refused. Nothing here mutates its input.
 */
import type { ModelId, ModelSettings, PythonBuild, Scenario, StartMethod, StepKind, Task } from '../../sim/types';
import { clamp, formatLimit, LIMITS, totalTasks } from '../../share/limits';
import { withValue } from '../knob/setBound';
import { addStepIn, removeItem, setStepDuration, setStepKind } from './coordEdits';
import { guard, type Edit } from './editCheck';

export type { Edit } from './editCheck';

function mapTask(sc: Scenario, t: number, f: (task: Task) => Task): Scenario {
  return { ...sc, tasks: sc.tasks.map((task, i) => (i === t ? f(task) : task)) };
}

/** The names tasks get once copies are numbered (name-1 … name-N). */
function expandedNames(tasks: readonly Task[], skip = -1): Set<string> {
  const names = new Set<string>();
  tasks.forEach((task, i) => {
    if (i === skip) return;
    const n = task.count ?? 1;
    if (n === 1) names.add(task.name);
    else for (let c = 1; c <= n; c++) names.add(`${task.name}-${c}`);
  });
  return names;
}

/** No other task has this name, before or after copies are numbered. */
function nameFree(tasks: readonly Task[], name: string, count: number, skip = -1): boolean {
  if (tasks.some((t, i) => i !== skip && t.name === name)) return false;
  const taken = expandedNames(tasks, skip);
  if (count === 1) return !taken.has(name);
  for (let c = 1; c <= count; c++) if (taken.has(`${name}-${c}`)) return false;
  return true;
}

/** A name not used yet: A, B, … Z, then T27, T28 … (or base2, base3 … for a copy of base). */
export function freshName(tasks: readonly Task[], base?: string, count = 1): string {
  if (base !== undefined) {
    for (let i = 2; ; i++) if (nameFree(tasks, `${base}${i}`, count)) return `${base}${i}`;
  }
  for (let i = 0; i < 26; i++) {
    const name = String.fromCharCode(65 + i);
    if (nameFree(tasks, name, count)) return name;
  }
  for (let i = 27; ; i++) if (nameFree(tasks, `T${i}`, count)) return `T${i}`;
}

// Steps are edited as written (groups included) by the rules in coordEdits.ts; these address a task's k-th item.
export const setDuration = (sc: Scenario, t: number, s: number, ms: number): Edit => setStepDuration(sc, t, [s], ms);

export const setKind = (sc: Scenario, t: number, s: number, kind: StepKind): Edit => setStepKind(sc, t, [s], kind);

export const addStep = (sc: Scenario, t: number): Edit => addStepIn(sc, t);

export const removeStep = (sc: Scenario, t: number, s: number): Edit => removeItem(sc, t, [s]);

const tooMany = `The page runs at most ${formatLimit(LIMITS.tasks)} tasks.`;

export function addTask(sc: Scenario): Edit {
  if (totalTasks(sc) + 1 > LIMITS.tasks) return { scenario: sc, notice: tooMany };
  const task: Task = { name: freshName(sc.tasks), steps: [{ kind: 'io', durationMs: 1000 }] };
  return { scenario: { ...sc, tasks: [...sc.tasks, task] } };
}

export function duplicateTask(sc: Scenario, t: number): Edit {
  const task = sc.tasks[t];
  if (!task) return { scenario: sc };
  const count = task.count ?? 1;
  if (totalTasks(sc) + count > LIMITS.tasks) return { scenario: sc, notice: tooMany };
  const copy: Task = { ...task, name: freshName(sc.tasks, task.name, count) };
  return { scenario: { ...sc, tasks: [...sc.tasks.slice(0, t + 1), copy, ...sc.tasks.slice(t + 1)] } };
}

export function removeTask(sc: Scenario, t: number): Edit {
  if (sc.tasks.length <= 1) return { scenario: sc, notice: 'A workload needs at least one task.' };
  // A join step elsewhere may name it: the step rules say so instead of the workload breaking.
  return guard(sc, { scenario: { ...sc, tasks: sc.tasks.filter((_, i) => i !== t) } });
}

export function setCount(sc: Scenario, t: number, n: number): Edit {
  const r = withValue(sc, { field: 'count', task: sc.tasks[t]?.name }, n);
  return r.clamped
    ? {
        scenario: r.scenario,
        notice: `Copies go from 1 up to ${formatLimit(LIMITS.tasks)} tasks in all; set to ${formatLimit(r.value)}.`,
      }
    : { scenario: r.scenario };
}

export function renameTask(sc: Scenario, t: number, raw: string): Edit {
  const name = raw.trim();
  const task = sc.tasks[t];
  if (!task || name === task.name) return { scenario: sc };
  if (!name) return { scenario: sc, notice: 'A task needs a name.' };
  if (!nameFree(sc.tasks, name, task.count ?? 1, t)) {
    return { scenario: sc, notice: `Another task is already called “${name}” (copies are named name-1, name-2 …).` };
  }
  return guard(sc, { scenario: mapTask(sc, t, (x) => ({ ...x, name })) });
}

export function setCores(sc: Scenario, n: number): Edit {
  const r = withValue(sc, { field: 'cores' }, n);
  const { min, max } = LIMITS.cores;
  return r.clamped
    ? { scenario: r.scenario, notice: `Cores go from ${min} to ${max}; set to ${r.value}.` }
    : { scenario: r.scenario };
}

export function setSwitchInterval(sc: Scenario, ms: number): Edit {
  const r = withValue(sc, { field: 'switchIntervalMs' }, ms);
  const { min, max } = LIMITS.switchIntervalMs;
  return r.clamped
    ? { scenario: r.scenario, notice: `The switch interval goes from ${min} to ${max} ms; set to ${r.value} ms.` }
    : { scenario: r.scenario };
}

/** A setting of one model (where the scenario format keeps it), removing it when `value` is undefined. */
function setModelSetting<K extends keyof ModelSettings>(
  sc: Scenario,
  model: ModelId,
  key: K,
  value: ModelSettings[K] | undefined,
): Scenario {
  const own: ModelSettings = { ...sc.modelSettings?.[model] };
  if (value === undefined) delete own[key];
  else own[key] = value;
  const modelSettings = { ...sc.modelSettings, [model]: own };
  if (Object.keys(own).length === 0) delete modelSettings[model];
  const out: Scenario = { ...sc, modelSettings };
  if (Object.keys(modelSettings).length === 0) delete out.modelSettings;
  return out;
}

export const startMethodOf = (sc: Scenario): StartMethod =>
  sc.modelSettings?.processes?.startMethod ?? sc.settings?.startMethod ?? 'fork';
export const pythonOf = (sc: Scenario): PythonBuild =>
  sc.modelSettings?.['free-threading']?.python ?? sc.settings?.python ?? '3.13t';
export type PoolModel = 'threads' | 'processes' | 'subinterpreters';
export const poolOf = (sc: Scenario, model: PoolModel): number | null =>
  sc.modelSettings?.[model]?.poolSize ?? sc.settings?.poolSize ?? null;

export function setStartMethod(sc: Scenario, method: StartMethod): Edit {
  return { scenario: setModelSetting(sc, 'processes', 'startMethod', method) };
}

export function setPython(sc: Scenario, build: PythonBuild): Edit {
  return { scenario: setModelSetting(sc, 'free-threading', 'python', build) };
}

/**
 * A pool of n workers for the threads, processes or subinterpreters model; null: one thread or process per
 * task (subinterpreters: the InterpreterPoolExecutor's default size, min(32, cores + 4)).
 */
export function setPool(sc: Scenario, model: PoolModel, n: number | null): Edit {
  if (n === null) {
    const out = setModelSetting(sc, model, 'poolSize', undefined);
    const shared = out.settings?.poolSize !== undefined;
    return shared
      ? { scenario: out, notice: 'This workload sets one pool size for every model; it still applies.' }
      : { scenario: out };
  }
  const { min, max } = LIMITS.poolSize;
  const c = clamp(Math.round(n), min, max);
  const scenario = setModelSetting(sc, model, 'poolSize', c.value);
  return c.clamped ? { scenario, notice: `Pool sizes go from ${min} to ${max}; set to ${c.value}.` } : { scenario };
}
