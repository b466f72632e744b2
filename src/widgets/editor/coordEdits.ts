/**
 * The editor's rules for coordination, step groups and arrivals, as pure functions (scenario in, Edit out).
 * Steps are edited as written (`task.written` when the task has groups, else `task.steps`) and addressed
 * by a path: [k] is the task's k-th item, [k, j] the j-th step inside the group at k. Every edit is checked
 * with the scenario format's own rules (src/sim/scenario/steps.ts); a change they reject is refused with
 * their message, which names the field ("the workload: tasks[0].steps[1].sync names no primitive "L" …").
 */
import { labelAfterKindChange, withDuration } from '../../sim/scenario/retime';
import {
  SYNC_STEP_KINDS,
  type Scenario,
  type Step,
  type StepGroup,
  type StepItem,
  type StepKind,
  type SyncSpec,
  type SyncType,
  type Task,
} from '../../sim/types';
import { clamp, formatLimit, LIMITS } from '../../share/limits';
import { checked, itemsOf, recheck, type Edit } from './editCheck';

export type StepPath = readonly number[];

export { guard, itemsOf, SOURCE } from './editCheck';

export const SYNC_TYPES: readonly SyncType[] = ['lock', 'semaphore', 'queue', 'event', 'barrier'];

/** The primitive types each step kind may name (the step kinds that name one). */
export const SYNC_OF_KIND: Partial<Record<StepKind, readonly SyncType[]>> = {
  acquire: ['lock', 'semaphore'],
  release: ['lock', 'semaphore'],
  put: ['queue'],
  get: ['queue'],
  set: ['event'],
  clear: ['event'],
  wait: ['event', 'barrier'],
};

export const isSyncKind = (kind: StepKind): boolean => (SYNC_STEP_KINDS as readonly string[]).includes(kind);

/** Which field a kind refers through: a primitive, a task or a shared variable (none for cpu, io, native). */
export function refField(kind: StepKind): 'sync' | 'task' | 'var' | null {
  if (SYNC_OF_KIND[kind]) return 'sync';
  if (kind === 'join') return 'task';
  if (kind === 'read' || kind === 'write') return 'var';
  return null;
}

export const isGroup = (item: StepItem): item is StepGroup => 'repeat' in item;

function withItems(sc: Scenario, t: number, f: (items: StepItem[]) => StepItem[] | string, notice?: string): Edit {
  const task = sc.tasks[t];
  if (!task) return { scenario: sc };
  const items = f([...itemsOf(task)]);
  if (typeof items === 'string') return { scenario: sc, notice: items };
  return checked(sc, () => recheck(sc, new Map([[t, items]])), notice);
}

/** The item at `path` replaced by f(item) (or removed when f returns null). */
function mapAt(items: StepItem[], path: StepPath, f: (item: StepItem) => StepItem | null): StepItem[] {
  const [k, ...rest] = path;
  const out: StepItem[] = [];
  items.forEach((item, i) => {
    if (i !== k) return void out.push(item);
    if (rest.length === 0) {
      const next = f(item);
      if (next) out.push(next);
      return;
    }
    if (isGroup(item)) out.push({ ...item, steps: mapAt(item.steps, rest, f) });
    else out.push(item);
  });
  return out;
}

function itemAt(items: readonly StepItem[], path: StepPath): StepItem | undefined {
  let node: StepItem | undefined;
  let list: readonly StepItem[] | undefined = items;
  for (const k of path) {
    node = list?.[k];
    list = node && isGroup(node) ? node.steps : undefined;
  }
  return node;
}

const mapStepAt = (sc: Scenario, t: number, path: StepPath, f: (step: Step) => Step, notice?: string) =>
  withItems(sc, t, (items) => mapAt(items, path, (it) => (isGroup(it) ? it : f(it))), notice);

/** What steps can name: the primitives, the shared variables and the tasks' names. */
export interface Refs {
  sync?: Record<string, SyncSpec>;
  shared?: Record<string, number>;
  taskNames: readonly string[];
}

export const refsOf = (sc: Scenario): Refs => ({
  sync: sc.sync,
  shared: sc.shared,
  taskNames: sc.tasks.map((t) => t.name),
});

/** The names a step of this kind may refer to, in the scenario's order (`self`: the step's own task). */
export function choicesFor(refs: Refs, kind: StepKind, self?: string): string[] {
  const field = refField(kind);
  if (field === 'sync') {
    const types = SYNC_OF_KIND[kind] ?? [];
    return Object.entries(refs.sync ?? {})
      .filter(([, spec]) => types.includes(spec.type))
      .map(([name]) => name);
  }
  if (field === 'var') return Object.keys(refs.shared ?? {});
  if (field === 'task') return refs.taskNames.filter((n) => n !== self);
  return [];
}

const NOTHING_TO_NAME: Record<'sync' | 'task' | 'var', (kind: StepKind) => string> = {
  sync: (kind) =>
    `A ${kind} step needs a ${(SYNC_OF_KIND[kind] ?? []).join(' or ')}: add one under Synchronisation first.`,
  var: () => 'A read or write step needs a shared variable: add one under Synchronisation first.',
  task: () => 'A join step needs another task to wait for: add a task first.',
};

export function setStepKind(sc: Scenario, t: number, path: StepPath, kind: StepKind): Edit {
  const task = sc.tasks[t];
  const current = task && itemAt(itemsOf(task), path);
  if (!current || isGroup(current) || current.kind === kind) return { scenario: sc };
  const field = refField(kind);
  const step: Step = { kind, durationMs: isSyncKind(kind) && !isSyncKind(current.kind) ? 0 : current.durationMs };
  if (kind === 'io') step.blocking = false;
  const label = labelAfterKindChange(current.label, current.durationMs);
  if (label !== undefined) step.label = label;
  if (field) {
    const choices = choicesFor(refsOf(sc), kind, task.name);
    const keep = current[field];
    const name = keep !== undefined && choices.includes(keep) ? keep : choices[0];
    if (name === undefined) return { scenario: sc, notice: NOTHING_TO_NAME[field](kind) };
    step[field] = name;
  }
  return mapStepAt(sc, t, path, () => step);
}

/** The primitive, task or variable a step names. */
export function setStepRef(sc: Scenario, t: number, path: StepPath, name: string): Edit {
  return mapStepAt(sc, t, path, (step) => {
    const field = refField(step.kind);
    return field ? { ...step, [field]: name } : step;
  });
}

export function setStepDuration(sc: Scenario, t: number, path: StepPath, ms: number): Edit {
  if (!Number.isFinite(ms)) return { scenario: sc };
  const { min, max } = LIMITS.durationMs;
  const c = clamp(ms, min, max);
  const notice = c.clamped
    ? `Durations go from ${min} to ${formatLimit(max, 's')}; set to ${formatLimit(c.value, c.value >= 1000 ? 's' : 'ms')}.`
    : undefined;
  return mapStepAt(sc, t, path, (step) => withDuration(step, c.value), notice);
}

/** An acquire's timeout in ms; null: wait as long as it takes. */
export function setTimeoutMs(sc: Scenario, t: number, path: StepPath, ms: number | null): Edit {
  if (ms !== null && !Number.isFinite(ms)) return { scenario: sc };
  const c = ms === null ? null : clamp(ms, 0, LIMITS.durationMs.max);
  const notice = c?.clamped ? `Timeouts go from 0 to ${formatLimit(LIMITS.durationMs.max, 's')}.` : undefined;
  return mapStepAt(
    sc,
    t,
    path,
    (step) => {
      if (step.kind !== 'acquire') return step;
      const out = { ...step };
      if (c === null) delete out.timeoutMs;
      else out.timeoutMs = c.value;
      return out;
    },
    notice,
  );
}

const newStep = (): Step => ({ kind: 'cpu', durationMs: 100 });

/** A CPU step at the end of the task, or at the end of the group at item `group`. */
export function addStepIn(sc: Scenario, t: number, group?: number): Edit {
  return withItems(sc, t, (items) =>
    group === undefined
      ? [...items, newStep()]
      : mapAt(items, [group], (it) => (isGroup(it) ? { ...it, steps: [...it.steps, newStep()] } : it)),
  );
}

/** Removes the step or group at `path` (a task keeps one item, a group one step). */
export function removeItem(sc: Scenario, t: number, path: StepPath): Edit {
  return withItems(sc, t, (items) => {
    if (path.length === 1 && items.length <= 1) return 'A task needs at least one step.';
    if (path.length > 1) {
      const parent = itemAt(items, path.slice(0, -1));
      if (parent && isGroup(parent) && parent.steps.length <= 1) {
        return 'A group needs at least one step: remove the group instead.';
      }
    }
    return mapAt(items, path, () => null);
  });
}

/** A group of one CPU step, repeated twice, at the end of the task. */
export function addGroup(sc: Scenario, t: number): Edit {
  return withItems(sc, t, (items) => [...items, { repeat: 2, steps: [newStep()] }]);
}

/** Far above what the page runs (its limit on steps per task refuses more), low enough to unroll at once. */
export const MAX_REPEAT = 10_000;

export function setRepeat(sc: Scenario, t: number, k: number, n: number): Edit {
  if (!Number.isFinite(n)) return { scenario: sc };
  const c = clamp(Math.round(n), 1, MAX_REPEAT);
  const notice = c.clamped
    ? `A group repeats from 1 to ${formatLimit(MAX_REPEAT)} times; set to ${formatLimit(c.value)}.`
    : undefined;
  return withItems(
    sc,
    t,
    (items) => mapAt(items, [k], (it) => (isGroup(it) ? { ...it, repeat: c.value } : it)),
    notice,
  );
}

/** Arrival of a task (ms after the start); null or 0: at once. */
export function setStartAt(sc: Scenario, t: number, ms: number | null): Edit {
  return setTaskTime(sc, t, 'startAtMs', ms, 'Arrivals');
}

/** Spacing between the copies' arrivals; null or 0: all together. */
export function setEvery(sc: Scenario, t: number, ms: number | null): Edit {
  return setTaskTime(sc, t, 'everyMs', ms, 'Spacings');
}

function setTaskTime(sc: Scenario, t: number, field: 'startAtMs' | 'everyMs', ms: number | null, what: string): Edit {
  const task = sc.tasks[t];
  if (!task || (ms !== null && !Number.isFinite(ms))) return { scenario: sc };
  const max = LIMITS.durationMs.max;
  const c = ms === null ? { value: 0, clamped: false } : clamp(ms, 0, max);
  if ((task[field] ?? 0) === c.value && (c.value !== 0 || task[field] === undefined)) return { scenario: sc };
  const next: Task = { ...task };
  if (c.value === 0) delete next[field];
  else next[field] = c.value;
  const scenario = { ...sc, tasks: sc.tasks.map((x, i) => (i === t ? next : x)) };
  return c.clamped
    ? {
        scenario,
        notice: `${what} go from 0 to ${formatLimit(max, 's')}; set to ${formatLimit(c.value, c.value >= 1000 ? 's' : 'ms')}.`,
      }
    : { scenario };
}
