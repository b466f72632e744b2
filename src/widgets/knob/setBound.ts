/** A scenario with one bound number changed (clamped to its bounds). Pure: used by <Knob> and the editor. */
import type { Scenario } from '../../sim/types';
import { withDuration } from '../../sim/scenario/retime';
import { clamp, type Clamped } from '../../share/limits';
import { resolveBinding, type Binding } from './binding';

/** The scenario with the bound number set to `value` (clamped to its bounds). */
export function withValue(scenario: Scenario, b: Binding, value: number): { scenario: Scenario } & Clamped {
  const r = resolveBinding(scenario, b);
  if (!r.ok || !Number.isFinite(value)) return { scenario, value: NaN, clamped: false };
  const whole = b.field === 'count' || b.field === 'cores' || b.field === 'poolSize' || b.field === 'argsBytes';
  const c = clamp(whole ? Math.round(value) : value, r.bound.min, r.bound.max);
  if (c.value === r.bound.value) return { scenario, ...c };
  if (b.field === 'cores') return { scenario: { ...scenario, machine: { cores: c.value } }, ...c };
  if (b.field === 'switchIntervalMs') {
    return { scenario: { ...scenario, settings: { ...scenario.settings, switchIntervalMs: c.value } }, ...c };
  }
  if (b.field === 'poolSize' && b.model) {
    const own = { ...scenario.modelSettings?.[b.model], poolSize: c.value };
    return { scenario: { ...scenario, modelSettings: { ...scenario.modelSettings, [b.model]: own } }, ...c };
  }
  const tasks = scenario.tasks.map((task, i) => {
    if (i !== r.task) return task;
    if (b.field === 'count') return { ...task, count: c.value };
    if (b.field === 'argsBytes') return { ...task, argsBytes: c.value };
    return { ...task, steps: task.steps.map((st, k) => (k === r.step ? withDuration(st, c.value) : st)) };
  });
  return { scenario: { ...scenario, tasks }, ...c };
}
