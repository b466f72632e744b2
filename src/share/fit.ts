/** Untrusted scenarios, checked (validate.ts) and then brought within the page's limits. */
import type { Scenario } from '../sim/types';
import { clamp, formatLimit, LIMITS, totalTasks } from './limits';
import { loadValidator } from './loadValidator';

export type Checked = { ok: true; scenario: Scenario; notes: string[] } | { ok: false; error: string };

/**
 * Brings a scenario from a file or a link within the limits: durations and cores are clamped (listed in
 * the returned notes); too many tasks is an error.
 */
export function fitToLimits(scenario: Scenario): Checked {
  const total = totalTasks(scenario);
  if (total > LIMITS.tasks) {
    return {
      ok: false,
      error: `it has ${formatLimit(total)} tasks; the page runs at most ${formatLimit(LIMITS.tasks)}`,
    };
  }
  const notes: string[] = [];
  let durations = 0;
  const tasks = scenario.tasks.map((task) => ({
    ...task,
    steps: task.steps.map((step) => {
      const d = clamp(step.durationMs, LIMITS.durationMs.min, LIMITS.durationMs.max);
      if (!d.clamped) return step;
      durations++;
      return { ...step, durationMs: d.value };
    }),
  }));
  if (durations > 0) {
    notes.push(
      `${durations === 1 ? 'one step was' : `${durations} steps were`} longer than ${formatLimit(LIMITS.durationMs.max, 's')} and now take${durations === 1 ? 's' : ''} ${formatLimit(LIMITS.durationMs.max, 's')}`,
    );
  }
  const cores = clamp(scenario.machine.cores, LIMITS.cores.min, LIMITS.cores.max);
  if (cores.clamped) notes.push(`${scenario.machine.cores} cores became ${cores.value}`);
  return { ok: true, scenario: { ...scenario, machine: { cores: cores.value }, tasks }, notes };
}

/** Schema first (errors name the field), then the limits (`source` names the file or "the link"). */
export async function checkUntrusted(raw: unknown, source: string, original?: Scenario | null): Promise<Checked> {
  const parsed = (await loadValidator()).checkScenario(raw, source, original);
  if (!parsed.ok) return parsed;
  const fitted = fitToLimits(parsed.scenario);
  return fitted.ok ? fitted : { ok: false, error: `${source}: ${fitted.error}` };
}
