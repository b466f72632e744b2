/**
 * The sequential makespan without simulating it: one task after another costs the sum of every step's
 * duration, unless the workload coordinates (locks, queues, shared variables) or has tasks arriving late;
 * then null, and the caller simulates sequential code. Used by the page's stores and by the simulation
 * worker, so a run that does not show sequential code does not simulate it just for "2× faster".
 */
import { expandTasks } from '../sim/scenario/expand';
import type { ModelSettings, Scenario } from '../sim/types';

export type BaselineFn = (scenario: Scenario, overrides?: ModelSettings) => number | null;

export const sequentialMakespan: BaselineFn = (scenario) => {
  // Coordination and late arrivals change what one-after-another costs: simulate those instead.
  const coordinated = scenario.sync !== undefined || scenario.shared !== undefined;
  if (coordinated || scenario.tasks.some((t) => t.startAtMs !== undefined)) return null;
  // The copies of a task with a count share its steps (expandTasks): count × the steps' sum, without
  // making 10 000 copies. A sum of whole numbers of ns is exact in any order, below 2^53.
  let ns = 0;
  for (const task of scenario.tasks) {
    const n = task.count ?? 1;
    if (n === 0) continue;
    let stepsNs = 0;
    for (const step of task.steps) stepsNs += Math.round(step.durationMs * 1e6);
    ns += n * stepsNs;
  }
  if (Number.isSafeInteger(ns)) return ns / 1e6;
  ns = 0;
  for (const task of expandTasks(scenario)) for (const step of task.steps) ns += Math.round(step.durationMs * 1e6);
  return ns / 1e6;
};
