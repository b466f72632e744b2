/**
 * One number of a scenario that a reader can change in the prose: a step's duration, how many copies of a
 * task run, the cores, the switch interval. Reading it and its bounds (setBound.ts writes it). Pure: shared
 * by <Knob> and the editor.
 */
import type { Scenario } from '../../sim/types';
import { DEFAULT_SWITCH_INTERVAL_MS } from '../../sim/defaults';
import { LIMITS, totalTasks } from '../../share/limits';

export type KnobField = 'durationMs' | 'count' | 'cores' | 'switchIntervalMs';
export const KNOB_FIELDS: readonly KnobField[] = ['durationMs', 'count', 'cores', 'switchIntervalMs'];

export interface Binding {
  field: KnobField;
  /** Task name (before copies are numbered), for durationMs and count. */
  task?: string;
  /** Step number, from 1, for durationMs. */
  step?: number;
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
  const t = scenario.tasks.findIndex((task) => task.name === b.task);
  if (t < 0) return { ok: false, error: `no task named “${b.task ?? ''}” in ${scenario.id}` };
  const task = scenario.tasks[t];
  if (b.field === 'count') {
    const count = task.count ?? 1;
    const max = Math.max(count, LIMITS.tasks - (totalTasks(scenario) - count));
    return { ok: true, task: t, step: -1, bound: { value: count, min: 1, max, name: `Task ${task.name}, copies` } };
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
