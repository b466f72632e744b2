/** Untrusted scenarios (a link, saved edits, a file), checked (validate.ts) and then brought within the page's limits. */
import { checkLimits, describeProblems, PAGE_LIMITS, type Limits, type Problem } from '../sim/limits';
import { MODEL_IDS, type ModelSettings, type Scenario, type StepItem } from '../sim/types';
import { clamp, formatLimit } from './limits';
import { loadedValidator, loadValidator } from './loadValidator';

export type Checked =
  | { ok: true; scenario: Scenario; notes: string[] }
  /** `tooLarge`: the valid scenario that is beyond the limits, with what is too large. */
  | { ok: false; error: string; tooLarge?: { scenario: Scenario; problems: Problem[] } };

const POOLS = ['poolSize', 'threadPoolSize', 'processPoolSize'] as const;

/** Pools and the switch interval of one settings object, clamped; each change noted as "settings.poolSize 10⁹ became 1024". */
function fitSettings(s: ModelSettings | undefined, at: string, l: Limits, notes: string[]): ModelSettings | undefined {
  if (!s) return s;
  let out = s;
  const set = (k: keyof ModelSettings, range: { min: number; max: number }, whole: boolean) => {
    const v = s[k];
    if (typeof v !== 'number') return;
    const c = clamp(whole ? Math.round(v) : v, range.min, range.max);
    if (!c.clamped && c.value === v) return;
    out = { ...out, [k]: c.value };
    notes.push(`${at}.${k} ${formatLimit(v)} became ${formatLimit(c.value)}`);
  };
  for (const k of POOLS) set(k, l.poolSize, true);
  set('switchIntervalMs', l.switchIntervalMs, false);
  return out;
}

/**
 * Brings a scenario from a file or a link within the limits: durations, cores, pool sizes and the switch
 * interval are clamped (listed in the returned notes); too many tasks or steps, or too much work to
 * simulate in the page, is an error that says what is too large.
 */
export function fitToLimits(scenario: Scenario, limits: Limits = PAGE_LIMITS): Checked {
  const notes: string[] = [];
  let durations = 0;
  const { min, max } = limits.durationMs;
  const fit = <S extends { durationMs: number }>(step: S): S => {
    const d = clamp(step.durationMs, min, max);
    return d.clamped ? { ...step, durationMs: d.value } : step;
  };
  // The steps as written (groups) are clamped the same way, so that the editor shows what runs.
  const fitItems = (items: StepItem[]): StepItem[] =>
    items.map((it) =>
      'repeat' in it ? { ...it, steps: fitItems(it.steps) } : it.durationMs === undefined ? it : fit(it),
    );
  const tasks = scenario.tasks.map((task) => {
    const out = {
      ...task,
      steps: task.steps.map((step) => {
        const next = fit(step);
        if (next !== step) durations++;
        return next;
      }),
    };
    if (task.written) out.written = fitItems(task.written);
    return out;
  });
  if (durations > 0) {
    notes.push(
      `${durations === 1 ? 'one step was' : `${durations} steps were`} longer than ${formatLimit(max, 's')} and now take${durations === 1 ? 's' : ''} ${formatLimit(max, 's')}`,
    );
  }
  const cores = clamp(scenario.machine.cores, limits.cores.min, limits.cores.max);
  if (cores.clamped) notes.push(`${scenario.machine.cores} cores became ${cores.value}`);
  const fitted: Scenario = { ...scenario, machine: { cores: cores.value }, tasks };
  const settings = fitSettings(scenario.settings, 'settings', limits, notes);
  if (settings) fitted.settings = settings;
  if (scenario.modelSettings) {
    const per: Scenario['modelSettings'] = {};
    for (const m of MODEL_IDS) {
      const s = fitSettings(scenario.modelSettings[m], `modelSettings.${m}`, limits, notes);
      if (s) per[m] = s;
    }
    fitted.modelSettings = per;
  }
  const problems = checkLimits(fitted, {}, limits);
  if (problems.length > 0) {
    return {
      ok: false,
      error: `it is ${describeProblems(problems, limits)}`,
      tooLarge: { scenario: fitted, problems },
    };
  }
  return { ok: true, scenario: fitted, notes };
}

/** Schema first (errors name the field), then the limits (`source` names the file or "the link"). */
export async function checkUntrusted(raw: unknown, source: string, original?: Scenario | null): Promise<Checked> {
  return checkWith(await loadValidator(), raw, source, original);
}

/** The same check, at once, when the validator has already arrived; null when it has not. */
export function checkUntrustedNow(raw: unknown, source: string, original?: Scenario | null): Checked | null {
  const validator = loadedValidator();
  return validator ? checkWith(validator, raw, source, original) : null;
}

function checkWith(
  validator: NonNullable<ReturnType<typeof loadedValidator>>,
  raw: unknown,
  source: string,
  original?: Scenario | null,
): Checked {
  const parsed = validator.checkScenario(raw, source, original);
  if (!parsed.ok) return parsed;
  const fitted = fitToLimits(parsed.scenario);
  return fitted.ok ? fitted : { ...fitted, error: `${source}: ${fitted.error}` };
}
