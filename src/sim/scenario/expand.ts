import type { Scenario, Task } from '../types';

/**
 * Applies `count`: a task with count N becomes N tasks named `name-1` … `name-N` (launched one after
 * another, in place of the original; with everyMs, copy i arrives at startAtMs + (i - 1) × everyMs). The copies
 * share the step list. `count` and `everyMs` are dropped from the copies.
 */
export function expandTasks(scenario: Scenario): Task[] {
  const out: Task[] = [];
  for (const task of scenario.tasks) {
    const n = task.count ?? 1;
    if (n === 1 && task.count === undefined) {
      out.push(task);
      continue;
    }
    for (let i = 1; i <= n; i++) {
      const copy: Task = { name: n === 1 ? task.name : `${task.name}-${i}`, steps: task.steps };
      const at = (task.startAtMs ?? 0) + (i - 1) * (task.everyMs ?? 0);
      if (at > 0) copy.startAtMs = at;
      if (task.argsBytes !== undefined) copy.argsBytes = task.argsBytes;
      if (task.resultBytes !== undefined) copy.resultBytes = task.resultBytes;
      out.push(copy);
    }
  }
  return out;
}
