/**
 * The knobs a <ModelTable> offers for a scenario, and the scenario they produce.
 *
 * Per task group (a task in the scenario file, before `count` expansion): how many copies, and one duration
 * per distinct step. For the machine: cores, and the process pool's size when the scenario uses a pool.
 * Values are plain numbers (durations in seconds); `applyWorkload` turns them back into a scenario.
 */
import type { Scenario, Step } from '../../sim';
import { PAGE_LIMITS } from '../../sim/limits';

/** The page's limits (src/sim/limits.ts) in the table's units: durations in seconds. */
export const LIMITS = {
  duration: { min: PAGE_LIMITS.durationMs.min / 1000, max: PAGE_LIMITS.durationMs.max / 1000 },
  count: { min: 1, max: PAGE_LIMITS.tasks },
  cores: PAGE_LIMITS.cores,
  pool: PAGE_LIMITS.poolSize,
} as const;

/** Most tasks the table simulates in all (after `count` expansion). */
export const MAX_TASKS = LIMITS.count.max;

export type FieldKind = keyof typeof LIMITS;

export interface Field {
  /** Stable key into the values record: "g0.count", "g0.s1", "cores", "pool". */
  id: string;
  kind: FieldKind;
  /** The input's accessible name: what it changes. Every duration's name contains "duration". */
  label: string;
  /** For count and duration fields: the task group (index into scenario.tasks). */
  group?: number;
  /** For duration fields: the steps of the group it sets. */
  steps?: number[];
}

export type Values = Record<string, number>;

const KIND_WORDS: Partial<Record<Step['kind'], string>> = { cpu: 'computing', io: 'waiting', native: 'native code' };

function stepWord(step: Step): string {
  return step.label ?? KIND_WORDS[step.kind] ?? step.kind;
}

/**
 * The size of the Pool the processes model runs, or null for one process per task. Same precedence as the
 * simulator's settings: `modelSettings.processes` over `settings`.
 */
export function processPoolSize(scenario: Scenario): number | null {
  return scenario.modelSettings?.processes?.poolSize ?? scenario.settings?.poolSize ?? null;
}

/** The controls for a scenario, in display order, and their starting values. */
export function describeWorkload(scenario: Scenario): { fields: Field[]; initial: Values } {
  const fields: Field[] = [];
  const initial: Values = {};
  const several = scenario.tasks.length > 1;
  scenario.tasks.forEach((task, g) => {
    const prefix = several ? `${task.name}: ` : '';
    const countLabel = several ? `${task.name}: number of tasks` : `Number of ${task.name} tasks`;
    fields.push({ id: `g${g}.count`, kind: 'count', group: g, label: countLabel });
    initial[`g${g}.count`] = task.count ?? 1;
    // Steps with the same kind, label and duration share one control (a ticker's ten identical sleeps).
    const seen = new Map<string, Field>();
    task.steps.forEach((step, s) => {
      const key = `${step.kind}|${step.label ?? ''}|${step.durationMs}`;
      const existing = seen.get(key);
      if (existing) {
        existing.steps!.push(s);
        return;
      }
      const field: Field = { id: `g${g}.s${s}`, kind: 'duration', group: g, steps: [s], label: '' };
      seen.set(key, field);
      fields.push(field);
      initial[field.id] = step.durationMs / 1000;
    });
    // Name the durations; number the ones whose words collide ("waiting duration 2").
    const mine = [...seen.values()];
    const words = mine.map((f) => stepWord(task.steps[f.steps![0]]));
    mine.forEach((f, i) => {
      const twin = words.filter((w) => w === words[i]).length > 1;
      const nth = words.slice(0, i + 1).filter((w) => w === words[i]).length;
      f.label = cap(`${prefix}${words[i]} duration${twin ? ` ${nth}` : ''} (s)`);
    });
  });
  fields.push({ id: 'cores', kind: 'cores', label: 'CPU cores' });
  initial.cores = scenario.machine.cores;
  const pool = processPoolSize(scenario);
  if (pool !== null) {
    fields.push({ id: 'pool', kind: 'pool', label: 'Process pool size' });
    initial.pool = pool;
  }
  return { fields, initial };
}

/** The scenario with the values applied (a new object; the original is untouched). */
export function applyWorkload(scenario: Scenario, fields: Field[], values: Values): Scenario {
  const tasks = scenario.tasks.map((task) => ({ ...task, steps: task.steps.map((step) => ({ ...step })) }));
  for (const field of fields) {
    const value = values[field.id];
    if (field.kind === 'count') tasks[field.group!].count = value;
    if (field.kind === 'duration') {
      for (const s of field.steps!) tasks[field.group!].steps[s].durationMs = value * 1000;
    }
  }
  const next: Scenario = { ...scenario, tasks, machine: { ...scenario.machine, cores: values.cores } };
  if (values.pool !== undefined) {
    const processes = { ...scenario.modelSettings?.processes, poolSize: values.pool };
    next.modelSettings = { ...scenario.modelSettings, processes };
  }
  return next;
}

export type Checked = { ok: true; value: number; note: string | null } | { ok: false; note: string };

const fmt = (n: number) => (n >= 10_000 ? n.toLocaleString('en-US').replace(/,/g, '\u00a0') : String(n));

/**
 * Reads what the reader typed into a field: a number within the field's bounds (clamped, with a note saying
 * so), or a note when it is not a number. `maxCount` lowers a count's ceiling so that all groups stay within
 * MAX_TASKS.
 */
export function checkInput(field: Field, text: string, maxCount: number = LIMITS.count.max): Checked {
  const name = field.label.replace(/ \(s\)$/, '');
  const trimmed = text.trim();
  const raw = Number(trimmed);
  if (trimmed === '' || !Number.isFinite(raw))
    return {
      ok: false,
      note: `Enter a number for ${/^[A-Z][a-z]/.test(name) ? name.charAt(0).toLowerCase() + name.slice(1) : name}.`,
    };
  const { min } = LIMITS[field.kind];
  const max = field.kind === 'count' ? Math.min(LIMITS.count.max, maxCount) : LIMITS[field.kind].max;
  const whole = field.kind !== 'duration';
  const value = whole ? Math.round(raw) : raw;
  const unit = field.kind === 'duration' ? ' s' : '';
  if (value < min)
    return { ok: true, value: min, note: `${name} must be at least ${fmt(min)}${unit}: using ${fmt(min)}${unit}.` };
  if (value > max) {
    const why = field.kind === 'count' && max < LIMITS.count.max ? ` (at most ${fmt(MAX_TASKS)} tasks in all)` : '';
    return { ok: true, value: max, note: `${name} can be at most ${fmt(max)}${unit}${why}: using ${fmt(max)}${unit}.` };
  }
  if (whole && value !== raw) return { ok: true, value, note: `${name} must be a whole number: using ${value}.` };
  return { ok: true, value, note: null };
}

/** Capitalises a label unless it starts with code, such as "fib(35)" or "asyncio.to_thread". */
function cap(text: string): string {
  return /^[a-z]+\b(?![(.:_])/.test(text) ? text.charAt(0).toUpperCase() + text.slice(1) : text;
}

/** Tasks in all groups but one: the room left for that group under MAX_TASKS. */
export function roomFor(field: Field, fields: Field[], values: Values): number {
  let others = 0;
  for (const f of fields) if (f.kind === 'count' && f.id !== field.id) others += values[f.id];
  return Math.max(LIMITS.count.min, MAX_TASKS - others);
}
