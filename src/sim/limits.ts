/**
 * The one set of bounds a workload must stay within before it is simulated: the page's (every edit, link,
 * file and saved state) and the command line's (larger). Pure data and arithmetic, no DOM.
 *
 * `checkLimits` lists what is out of bounds in words a reader can act on ("tasks: 20 000 after copies, at
 * most 10 000"). `estimateEvents` predicts, before running anything, roughly how many events one model
 * will need: the work limit is on that figure, and the event cap (`events`, passed to simulate as
 * maxEvents) stops a run the estimate got wrong.
 *
 * The page's work limit: the worst workloads inside PAGE_LIMITS were timed on the 2-core machine of
 * ../shared/calibration/cpython-3.11-linux-2core.md by tests/bench/limits-worst.ts (figures in its header);
 * they take about a second for all five models together.
 */
import { DEFAULT_SWITCH_INTERVAL_MS } from './defaults';
import { MODEL_IDS, type ModelId, type ModelSettings, type Scenario } from './types';

export interface Range {
  min: number;
  max: number;
}

export interface Limits {
  /** Who the limits are for, used in messages ("the page", "the command line"). */
  who: string;
  /** Tasks after `count` copies are made. */
  tasks: number;
  /** Steps of one task. */
  stepsPerTask: number;
  /** Steps of all tasks after copies are made. */
  steps: number;
  durationMs: Range;
  cores: Range;
  /** poolSize, threadPoolSize and processPoolSize. */
  poolSize: Range;
  switchIntervalMs: Range;
  /** Most events `estimateEvents` may predict for one model: the total simulated work. */
  work: number;
  /** The event cap of one simulation (maxEvents). */
  events: Range;
}

export const PAGE_LIMITS: Limits = Object.freeze({
  who: 'the page',
  tasks: 10_000,
  stepsPerTask: 100,
  steps: 40_000,
  durationMs: Object.freeze({ min: 0, max: 60_000 }),
  cores: Object.freeze({ min: 1, max: 128 }),
  poolSize: Object.freeze({ min: 1, max: 1024 }),
  switchIntervalMs: Object.freeze({ min: 0.01, max: 1000 }),
  work: 150_000,
  events: Object.freeze({ min: 1, max: 400_000 }),
});

export const CLI_LIMITS: Limits = Object.freeze({
  who: 'the command line',
  tasks: 1_000_000,
  stepsPerTask: 10_000,
  steps: 5_000_000,
  durationMs: Object.freeze({ min: 0, max: 86_400_000 }),
  cores: Object.freeze({ min: 1, max: 4096 }),
  poolSize: Object.freeze({ min: 1, max: 100_000 }),
  switchIntervalMs: Object.freeze({ min: 0.001, max: 86_400_000 }),
  work: 100_000_000,
  events: Object.freeze({ min: 1, max: 200_000_000 }),
});

/** The settings a check looks at: the simulator's overrides (cores, pools, interval, maxEvents). */
export interface LimitOverrides extends ModelSettings {
  cores?: number;
  maxEvents?: number;
}

export interface Problem {
  /** Where the value is: "tasks", "machine.cores", "settings.poolSize", "modelSettings.threads.poolSize", "cores". */
  field: string;
  /** "tasks: 20 000 after copies, at most 10 000". */
  message: string;
}

/** "10 000", "1 000 000" (narrow no-break spaces), "2.5", "0.01": how numbers are written in messages. */
export function formatCount(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  if (Math.abs(value) < 10_000) return String(Math.round(value * 1000) / 1000);
  return Math.round(value).toLocaleString('en').replace(/,/g, '\u202f');
}

export function totalTasks(scenario: Scenario): number {
  return scenario.tasks.reduce((n, t) => n + (t.count ?? 1), 0);
}

const POOL_FIELDS = ['poolSize', 'threadPoolSize', 'processPoolSize'] as const;

const isWhole = (v: number) => Number.isInteger(v);

function checkRange(out: Problem[], field: string, value: unknown, range: Range, whole: boolean, unit = '') {
  if (value === undefined) return;
  const v = typeof value === 'number' ? value : Number.NaN;
  const u = unit ? ` ${unit}` : '';
  if (!Number.isFinite(v)) out.push({ field, message: `${field}: ${String(value)} is not a number` });
  else if (whole && !isWhole(v)) out.push({ field, message: `${field}: ${formatCount(v)} is not a whole number` });
  else if (v > range.max) {
    out.push({ field, message: `${field}: ${formatCount(v)}${u}, at most ${formatCount(range.max)}${u}` });
  } else if (v < range.min) {
    out.push({ field, message: `${field}: ${formatCount(v)}${u}, at least ${formatCount(range.min)}${u}` });
  }
}

function checkSettings(out: Problem[], prefix: string, s: ModelSettings | LimitOverrides | undefined, l: Limits) {
  if (!s) return;
  const at = (k: string) => (prefix ? `${prefix}.${k}` : k);
  for (const k of POOL_FIELDS) checkRange(out, at(k), s[k], l.poolSize, true);
  checkRange(out, at('switchIntervalMs'), s.switchIntervalMs, l.switchIntervalMs, false, 'ms');
}

/**
 * Everything about the scenario and overrides that is out of bounds for `limits`, in reading order.
 * An empty list means the workload may be simulated with `maxEvents: limits.events.max`.
 */
export function checkLimits(
  scenario: Scenario,
  overrides: LimitOverrides = {},
  limits: Limits = PAGE_LIMITS,
): Problem[] {
  const out: Problem[] = [];
  const tasks = totalTasks(scenario);
  if (tasks > limits.tasks) {
    out.push({
      field: 'tasks',
      message: `tasks: ${formatCount(tasks)} after copies, at most ${formatCount(limits.tasks)}`,
    });
  }
  let steps = 0;
  let longest = 0;
  scenario.tasks.forEach((task, i) => {
    steps += task.steps.length * (task.count ?? 1);
    if (task.steps.length > limits.stepsPerTask) {
      out.push({
        field: `tasks[${i}].steps`,
        message: `tasks[${i}].steps: ${formatCount(task.steps.length)} steps, at most ${formatCount(limits.stepsPerTask)}`,
      });
    }
    task.steps.forEach((step, j) => {
      if (!(step.durationMs <= longest)) longest = step.durationMs;
      if (step.durationMs > limits.durationMs.max || !(step.durationMs >= limits.durationMs.min)) {
        checkRange(out, `tasks[${i}].steps[${j}].durationMs`, step.durationMs, limits.durationMs, false, 'ms');
      }
    });
  });
  if (steps > limits.steps) {
    out.push({
      field: 'steps',
      message: `steps: ${formatCount(steps)} after copies, at most ${formatCount(limits.steps)}`,
    });
  }
  checkRange(out, 'machine.cores', scenario.machine.cores, limits.cores, true);
  checkSettings(out, 'settings', scenario.settings, limits);
  for (const model of MODEL_IDS) checkSettings(out, `modelSettings.${model}`, scenario.modelSettings?.[model], limits);
  checkRange(out, 'cores', overrides.cores, limits.cores, true);
  checkSettings(out, '', overrides, limits);
  checkRange(out, 'maxEvents', overrides.maxEvents, limits.events, true);
  // The work estimate only means something once every count and duration is in range.
  if (out.length === 0) {
    const work = estimateWork(scenario, overrides);
    if (work.events > limits.work) {
      out.push({
        field: 'work',
        message:
          `simulated work: about ${formatCount(work.events)} events under ${work.model} ` +
          `(${formatCount(Math.round(work.cpuMs / 1000))} s of computing), at most ${formatCount(limits.work)}`,
      });
    }
  }
  return out;
}

export interface WorkEstimate {
  /** The model expected to need the most events. */
  model: ModelId;
  events: number;
  /** Core time of all cpu and native steps after copies, ms. */
  cpuMs: number;
}

/** Events per task and per step (start, end, hand-offs around it), from traces of the built-in scenarios. */
const EVENTS_PER_TASK = 4;
const EVENTS_PER_STEP = 4;
/**
 * Events per switch interval of contended computing under the GIL (measured: 2 threads of 60 s, 47 064 for
 * 24 000 intervals; 10 threads of 10 s, 58 832 for 20 000; 4 of 30 s on 16 cores, 70 592 for 24 000).
 */
const EVENTS_PER_GIL_INTERVAL = 3;
/** Events per 3 ms slice when more threads or processes want a core than there are cores. */
const EVENTS_PER_CORE_SLICE = 1.5;
/** The OS scheduler's round-robin slice under contention (see engine/cores.ts). */
const CORE_SLICE_MS = 3;

function effective(scenario: Scenario, model: ModelId, overrides: LimitOverrides): ModelSettings {
  return { ...scenario.settings, ...scenario.modelSettings?.[model], ...definedOnly(overrides) };
}

function definedOnly(o: LimitOverrides): ModelSettings {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(o)) if (v !== undefined && k !== 'cores' && k !== 'maxEvents') out[k] = v;
  return out as ModelSettings;
}

/** Roughly how many events the busiest model needs for this workload (an upper estimate, never run). */
export function estimateWork(scenario: Scenario, overrides: LimitOverrides = {}): WorkEstimate {
  let tasks = 0;
  let steps = 0;
  let cpuMs = 0;
  let gilMs = 0;
  for (const task of scenario.tasks) {
    const n = task.count ?? 1;
    tasks += n;
    steps += n * task.steps.length;
    for (const step of task.steps) {
      // Coordination steps run Python code for their duration (default 0), like cpu steps.
      const ms = n * (step.durationMs || 0);
      if (step.kind === 'io') continue;
      cpuMs += ms;
      if (step.kind !== 'native') gilMs += ms;
    }
  }
  const cores = overrides.cores ?? scenario.machine.cores;
  const base = EVENTS_PER_TASK * tasks + EVENTS_PER_STEP * steps;
  let best: WorkEstimate = { model: 'sequential', events: base, cpuMs };
  if (tasks < 2) return best;
  for (const model of ['threads', 'processes'] as const) {
    const s = effective(scenario, model, overrides);
    const interval = s.switchIntervalMs ?? DEFAULT_SWITCH_INTERVAL_MS;
    const extra =
      model === 'threads'
        ? (EVENTS_PER_GIL_INTERVAL * gilMs) / Math.max(interval, 1e-6) +
          EVENTS_PER_CORE_SLICE * (tasks > cores ? (cpuMs - gilMs) / CORE_SLICE_MS : 0)
        : tasks > cores
          ? (EVENTS_PER_CORE_SLICE * cpuMs) / CORE_SLICE_MS
          : 0;
    if (base + extra > best.events) best = { model, events: Math.round(base + extra), cpuMs };
  }
  return best;
}

export const estimateEvents = (scenario: Scenario, overrides?: LimitOverrides) =>
  estimateWork(scenario, overrides).events;

/** The problems joined into one sentence for a notice or a one-line error. */
export function describeProblems(problems: readonly Problem[], limits: Limits = PAGE_LIMITS): string {
  if (problems.length === 0) return '';
  return `too large for ${limits.who}: ${problems.map((p) => p.message).join('; ')}`;
}
