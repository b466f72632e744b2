import type { ModelId, Trace } from '../../sim/types';

/** What a prediction asks about a simulated run. */
export type PredictionKind = 'makespan' | 'first' | 'last' | 'fastest';

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

/**
 * Judges a prediction against simulated traces.
 * - makespan: choices are durations; the right one is nearest the first trace's total time.
 * - first / last: choices are task names; the right one finishes first / last in the first trace.
 * - fastest: choices are model ids; the right one has the smallest total time among the traces.
 */
export function judge(kind: PredictionKind, choices: string[], traces: Trace[]): Verdict {
  const [trace] = traces;
  if (!trace) throw new Error('A prediction needs at least one simulated model.');
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
  if (kind === 'fastest') return choices.map((c) => c.trim() as ModelId);
  return [model ?? 'sequential'];
}

/** What in the figure answers the question: the band of the model asked about, or the task in it. */
export function answerMark(
  kind: PredictionKind,
  choices: string[],
  traces: Trace[],
  verdict: Verdict,
  label: (model: ModelId) => string,
): { model: ModelId; task?: string; atMs: number; text: string } {
  const [trace] = traces;
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
