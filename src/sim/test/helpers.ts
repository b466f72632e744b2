/** Small helpers shared by the simulator tests. */
import { parseScenario } from '../scenario/parse';
import type { Scenario, SpanState, Step, Task, Trace } from '../types';

export function scenario(tasks: Task[], cores = 2, settings: Scenario['settings'] = {}): Scenario {
  return parseScenario({ id: 'test', title: 'test', machine: { cores }, tasks, settings }, 'test.json');
}

export const cpu = (durationMs: number, extra: Partial<Step> = {}): Step => ({ kind: 'cpu', durationMs, ...extra });
export const io = (durationMs: number, extra: Partial<Step> = {}): Step => ({ kind: 'io', durationMs, ...extra });
export const native = (durationMs: number): Step => ({ kind: 'native', durationMs });

/** Spans of one task's lane, optionally only one state. */
export function taskSpans(trace: Trace, task: number, state?: SpanState) {
  const lane = trace.lanes.findIndex((l) => l.kind === 'task' && l.task === task);
  return trace.spans.filter((s) => s.lane === lane && (state === undefined || s.state === state));
}

export function lanesOf(trace: Trace, kind: string): number[] {
  return trace.lanes.flatMap((l, i) => (l.kind === kind ? [i] : []));
}

export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}
