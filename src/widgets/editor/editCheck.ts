/**
 * How every editor change is checked: an Edit is the scenario after the change plus a sentence for the
 * reader; a change is applied only when the scenario format's own rules (src/sim/scenario/steps.ts) accept
 * it, and refused otherwise with their message, which names the field.
 */
import { ScenarioError } from '../../sim/errors';
import { hasGroups, taskSteps } from '../../sim/scenario/steps';
import type { Scenario, StepItem, Task } from '../../sim/types';

export interface Edit {
  scenario: Scenario;
  /** Shown to the reader: a clamped value or a refused change. */
  notice?: string;
}

/** What the scenario's messages call it when the editor checks it. */
export const SOURCE = 'the workload';

/** The task's steps as written (with its groups). */
export const itemsOf = (task: Task): readonly StepItem[] => task.written ?? task.steps;

const refuse = (sc: Scenario, error: unknown): Edit => ({
  scenario: sc,
  notice: `Not changed: ${error instanceof Error ? error.message : String(error)}.`,
});

/**
 * The scenario's steps checked and unrolled again: tasks in `changed` get new `steps` (and `written` when
 * they have groups); every other task is checked as it stands (a primitive, variable or task it names may
 * have gone). Throws the format's ScenarioError.
 */
export function recheck(sc: Scenario, changed: ReadonlyMap<number, readonly StepItem[]>): Scenario {
  const tasks = sc.tasks.map((task, i) => {
    const items = changed.get(i) ?? itemsOf(task);
    const steps = taskSteps(sc, i, items, SOURCE);
    if (!changed.has(i)) return task;
    const out: Task = { ...task, steps };
    if (hasGroups(items)) out.written = items as StepItem[];
    else delete out.written;
    return out;
  });
  return { ...sc, tasks };
}

/** Applies `next` when the format's rules accept it; otherwise the scenario as it was and their message. */
export function checked(sc: Scenario, next: () => Scenario, notice?: string): Edit {
  try {
    const scenario = next();
    return notice ? { scenario, notice } : { scenario };
  } catch (error) {
    if (error instanceof ScenarioError) return refuse(sc, error);
    throw error;
  }
}

/** Whether a scenario change elsewhere (a task renamed or removed) still passes the step rules. */
export function guard(before: Scenario, edit: Edit): Edit {
  if (edit.scenario === before) return edit;
  return checked(before, () => recheck(edit.scenario, new Map()), edit.notice);
}
