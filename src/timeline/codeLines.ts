/**
 * Code-line sync: which line of the article's code each task is on at a moment of the trace.
 *
 * A spec maps step numbers to 1-based code lines: "4" (step 1 of every task is on line 4), "5 6" (steps 1
 * and 2), or per task "calc: 3; *: 8 9" (task names without the "-N" suffix that `count` adds; `*` for
 * every other task).
 */
import type { Trace } from '../sim/types';

export interface CodeLineMap {
  byTask: Map<string, number[]>;
  /** Lines for tasks with no entry of their own (the `*` group, or a spec with no names). */
  fallback: number[] | null;
}

export type ParsedCodeLines = { ok: true; map: CodeLineMap } | { ok: false; error: string };

function parseNumbers(text: string, where: string): number[] | string {
  const parts = text
    .trim()
    .split(/[\s,]+/)
    .filter(Boolean);
  if (parts.length === 0) return `${where} lists no line numbers.`;
  const lines = parts.map(Number);
  const bad = parts.find((_, i) => !Number.isInteger(lines[i]) || lines[i] < 1);
  return bad === undefined ? lines : `${where}: "${bad}" is not a line number (1, 2, 3 …).`;
}

export function parseCodeLines(spec: string): ParsedCodeLines {
  const map: CodeLineMap = { byTask: new Map(), fallback: null };
  const groups = spec
    .split(';')
    .map((g) => g.trim())
    .filter(Boolean);
  if (groups.length === 0) return { ok: false, error: 'codeLines is empty.' };
  for (const group of groups) {
    const colon = group.indexOf(':');
    const name = colon >= 0 ? group.slice(0, colon).trim() : '*';
    const lines = parseNumbers(
      colon >= 0 ? group.slice(colon + 1) : group,
      `codeLines for ${name === '*' ? 'every task' : `"${name}"`}`,
    );
    if (typeof lines === 'string') return { ok: false, error: lines };
    if (name === '*') map.fallback = lines;
    else map.byTask.set(name, lines);
  }
  return { ok: true, map };
}

/** The lines for a task: its own entry, else its name without a "-N" copy suffix, else `*`. */
export function linesForTask(map: CodeLineMap, taskName: string): number[] | null {
  return map.byTask.get(taskName) ?? map.byTask.get(taskName.replace(/-\d+$/, '')) ?? map.fallback;
}

/** The code line of a task's step (0-based step), or null when the spec has none. */
export function lineOf(map: CodeLineMap, taskName: string, step: number): number | null {
  const lines = linesForTask(map, taskName);
  return lines && step >= 0 && step < lines.length ? lines[step] : null;
}

/** Per task, its spans on the timeline as parallel arrays sorted by start: [start, end) and the step. */
export interface TaskSteps {
  names: string[];
  starts: Float64Array[];
  ends: Float64Array[];
  steps: Int32Array[];
}

export function indexTaskSteps(trace: Trace): TaskSteps {
  const names = trace.tasks.map((t) => t.name);
  const buckets: { start: number; end: number; step: number }[][] = names.map(() => []);
  for (const span of trace.spans) {
    if (span.task < 0 || span.step < 0 || span.task >= names.length) continue;
    // Spans on worker lanes repeat task lanes' spans; a task's own lane is enough.
    if (trace.lanes[span.lane]?.kind !== 'task') continue;
    buckets[span.task].push({ start: span.startMs, end: span.endMs, step: span.step });
  }
  const starts: Float64Array[] = [];
  const ends: Float64Array[] = [];
  const steps: Int32Array[] = [];
  for (const list of buckets) {
    list.sort((a, b) => a.start - b.start);
    starts.push(Float64Array.from(list, (s) => s.start));
    ends.push(Float64Array.from(list, (s) => s.end));
    steps.push(Int32Array.from(list, (s) => s.step));
  }
  return { names, starts, ends, steps };
}

/** The step a task is on at `timeMs` (0-based), or -1 before it starts and after it ends. */
export function stepAt(index: TaskSteps, task: number, timeMs: number): number {
  const starts = index.starts[task];
  let lo = 0;
  let hi = starts.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (starts[mid] <= timeMs) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found >= 0 && timeMs < index.ends[task][found] ? index.steps[task][found] : -1;
}

/** Line number → the names of the tasks on it at `timeMs`, in task order. */
export function activeLines(index: TaskSteps, map: CodeLineMap, timeMs: number): Map<number, string[]> {
  const out = new Map<number, string[]>();
  for (let task = 0; task < index.names.length; task++) {
    const step = stepAt(index, task, timeMs);
    if (step < 0) continue;
    const line = lineOf(map, index.names[task], step);
    if (line === null) continue;
    const list = out.get(line);
    if (list) list.push(index.names[task]);
    else out.set(line, [index.names[task]]);
  }
  return out;
}
