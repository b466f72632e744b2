import type { ModelId, Trace } from '../../sim/types';

/**
 * What a prediction asks about a simulated run: its total time, the task that finishes first or last, the
 * fastest of several models, the value a shared variable ends with (`final`), which of several models
 * ends in a deadlock (`deadlock`), or the 95th-percentile latency of tasks that arrive over time (`p95`).
 */
export type PredictionKind = 'makespan' | 'first' | 'last' | 'fastest' | 'final' | 'deadlock' | 'p95';

/** What some kinds of question need besides the choices: the shared variable a `final` question is about. */
export interface PredictionOptions {
  variable?: string;
}

export interface Verdict {
  /** Index of the right choice. */
  correct: number;
  /** The simulated fact the choice is judged against, in words ("3.00 s", "task C", "asyncio"). */
  fact: string;
}

/** Reads "3 s", "2.5 s", "500 ms", "120 µs" as milliseconds; undefined when the text is not a duration. */
export function parseDurationMs(text: string): number | undefined {
  const m = /^\s*(\d+(?:\.\d+)?)\s*(s|ms|µs|us|min)\s*$/i.exec(text);
  if (!m) return undefined;
  const value = Number(m[1]);
  const unit = m[2].toLowerCase();
  const factor = unit === 'min' ? 60_000 : unit === 's' ? 1000 : unit === 'ms' ? 1 : 0.001;
  return value * factor;
}

export function formatSeconds(ms: number): string {
  if (ms >= 1000) return `${(ms / 1000).toFixed(2)} s`;
  if (ms >= 1) return `${ms.toFixed(ms >= 100 ? 0 : 1)} ms`;
  return `${(ms * 1000).toFixed(0)} µs`;
}

/** The choice nearest to a duration, comparing ratios so that 3 s vs 6 s weighs like 300 ms vs 600 ms. */
function nearestDuration(choices: string[], ms: number): number {
  let best = -1;
  let bestDistance = Infinity;
  choices.forEach((choice, i) => {
    const value = parseDurationMs(choice);
    if (value === undefined) throw new Error(`Choice "${choice}" is not a duration like "3 s" or "500 ms".`);
    const distance = Math.abs(Math.log(Math.max(value, 1e-6) / Math.max(ms, 1e-6)));
    if (distance < bestDistance) {
      bestDistance = distance;
      best = i;
    }
  });
  return best;
}

function taskChoice(choices: string[], name: string): number {
  const index = choices.findIndex((c) => c.trim().toLowerCase() === name.toLowerCase());
  if (index < 0) throw new Error(`None of the choices (${choices.join(', ')}) names task ${name}.`);
  return index;
}

/** The shared variable a `final` question asks about, as the first trace reports it. */
function sharedOf(trace: Trace, options: PredictionOptions) {
  const name = options.variable;
  const shared = name === undefined ? undefined : trace.metrics.shared[name];
  if (!name || !shared) throw new Error(`A "final" prediction needs var naming a shared variable of the scenario.`);
  return { name, shared };
}

function numberChoice(choices: string[], value: number): number {
  let best = -1;
  let bestDistance = Infinity;
  choices.forEach((choice, i) => {
    const n = Number(choice.trim());
    if (choice.trim() === '' || !Number.isFinite(n)) throw new Error(`Choice "${choice}" is not a number.`);
    if (Math.abs(n - value) < bestDistance) {
      bestDistance = Math.abs(n - value);
      best = i;
    }
  });
  return best;
}

/** The first of the traces (one per choice, in order) that ends in a deadlock. */
function firstDeadlock(choices: string[], traces: Trace[]): { index: number; trace: Trace } {
  const index = traces.findIndex((t) => t.metrics.deadlock !== null);
  if (index < 0) throw new Error(`None of the choices (${choices.join(', ')}) deadlocks.`);
  const choice = choices.findIndex((c) => c.trim() === traces[index].model);
  if (choice < 0) throw new Error(`None of the choices (${choices.join(', ')}) is the model ${traces[index].model}.`);
  return { index: choice, trace: traces[index] };
}

/**
 * Judges a prediction against simulated traces.
 * - makespan: choices are durations; the right one is nearest the first trace's total time.
 * - first / last: choices are task names; the right one finishes first / last in the first trace.
 * - fastest: choices are model ids; the right one has the smallest total time among the traces.
 * - final: choices are numbers; the right one is nearest the value `options.variable` ends with.
 * - deadlock: choices are model ids (one trace each, in order); the right one is the first that deadlocks.
 * - p95: choices are durations; the right one is nearest the first trace's 95th-percentile latency.
 */
export function judge(
  kind: PredictionKind,
  choices: string[],
  traces: Trace[],
  options: PredictionOptions = {},
): Verdict {
  const [trace] = traces;
  if (!trace) throw new Error('A prediction needs at least one simulated model.');
  if (kind === 'p95') {
    const p95 = trace.metrics.latency.p95Ms;
    return { correct: nearestDuration(choices, p95), fact: `a p95 latency of ${formatSeconds(p95)}` };
  }
  if (kind === 'final') {
    const { name, shared } = sharedOf(trace, options);
    const lost = shared.lostUpdates === 1 ? '1 update lost' : `${shared.lostUpdates} updates lost`;
    return { correct: numberChoice(choices, shared.final), fact: `${name} = ${shared.final} (${lost})` };
  }
  if (kind === 'deadlock') {
    const { index, trace: stuck } = firstDeadlock(choices, traces);
    return { correct: index, fact: `${stuck.model}: ${stuck.metrics.deadlock!.cycle}` };
  }
  if (kind === 'makespan') {
    return { correct: nearestDuration(choices, trace.makespanMs), fact: formatSeconds(trace.makespanMs) };
  }
  if (kind === 'first' || kind === 'last') {
    const order = trace.tasks.map((t, i) => ({ t, i })).sort((a, b) => a.t.endMs - b.t.endMs || a.i - b.i);
    const pick = kind === 'first' ? order[0] : order[order.length - 1];
    return { correct: taskChoice(choices, pick.t.name), fact: `${pick.t.name} (at ${formatSeconds(pick.t.endMs)})` };
  }
  const fastest = [...traces].sort((a, b) => a.makespanMs - b.makespanMs)[0];
  const index = choices.findIndex((c) => c.trim() === fastest.model);
  if (index < 0) throw new Error(`None of the choices (${choices.join(', ')}) is the model ${fastest.model}.`);
  return { correct: index, fact: `${fastest.model} (${formatSeconds(fastest.makespanMs)})` };
}

export function modelsFor(kind: PredictionKind, model: ModelId | undefined, choices: string[]): ModelId[] {
  if (kind === 'fastest' || kind === 'deadlock') return choices.map((c) => c.trim() as ModelId);
  return [model ?? 'sequential'];
}

/** What in the figure answers the question: the band of the model asked about, or the task in it. */
export function answerMark(
  kind: PredictionKind,
  choices: string[],
  traces: Trace[],
  verdict: Verdict,
  label: (model: ModelId) => string,
  options: PredictionOptions = {},
): { model: ModelId; task?: string; atMs: number; text: string } {
  const [trace] = traces;
  if (kind === 'p95') {
    const { p50Ms, p95Ms, maxMs } = trace.metrics.latency;
    return {
      model: trace.model,
      atMs: trace.makespanMs,
      text: `${label(trace.model)}: latency p50 ${formatSeconds(p50Ms)}, p95 ${formatSeconds(p95Ms)}, max ${formatSeconds(maxMs)}`,
    };
  }
  if (kind === 'final') {
    const { name, shared } = sharedOf(trace, options);
    return {
      model: trace.model,
      atMs: trace.makespanMs,
      text: `${label(trace.model)}: ${name} ends at ${shared.final} after ${shared.writes} writes`,
    };
  }
  if (kind === 'deadlock') {
    const { trace: stuck } = firstDeadlock(choices, traces);
    const info = stuck.metrics.deadlock!;
    return {
      model: stuck.model,
      atMs: info.atMs,
      text: `${label(stuck.model)}: deadlock at ${formatSeconds(info.atMs)}. ${info.cycle}`,
    };
  }
  if (kind === 'fastest') {
    const fastest = traces.find((t) => t.model === choices[verdict.correct].trim()) ?? trace;
    return {
      model: fastest.model,
      atMs: fastest.makespanMs,
      text: `${label(fastest.model)} finishes first, at ${formatSeconds(fastest.makespanMs)}`,
    };
  }
  if (kind === 'first' || kind === 'last') {
    const name = choices[verdict.correct].trim();
    const task = trace.tasks.find((t) => t.name.toLowerCase() === name.toLowerCase());
    const atMs = task?.endMs ?? trace.makespanMs;
    return {
      model: trace.model,
      task: task?.name ?? name,
      atMs,
      text: `${task?.name ?? name} finishes ${kind}, at ${formatSeconds(atMs)} (${label(trace.model)})`,
    };
  }
  return {
    model: trace.model,
    atMs: trace.makespanMs,
    text: `${label(trace.model)}: all done at ${formatSeconds(trace.makespanMs)}`,
  };
}
