/**
 * What the details panel says about one span: task, step, state, start, end, duration, and why it is in
 * that state at its start ("waiting for the GIL, held by thread 2 since 219 ms", "waiting for the loop:
 * task fib runs", "waiting for a core: both cores are busy").
 */
import type { Span, Trace } from '../sim/types';
import { PALETTE } from './palette';
import { formatTime } from './scale';
import { spanAt, taskName, taskStatesAt, type TraceIndex } from './traceIndex';
import { waitText } from './waitText';

export interface SpanDetails {
  task: string;
  step: string;
  state: string;
  start: string;
  end: string;
  duration: string;
  why: string;
}

/** Names a task's step: the scenario's label for it when the caller has one ("download"), else its number. */
export type StepNamer = (task: number, step: number) => string | undefined;

function stepLabel(span: Span, name?: StepNamer): string {
  if (span.step < 0) return span.state === 'starting' ? 'start-up' : '—';
  const label = name?.(span.task, span.step);
  return label ? `step ${span.step + 1}: ${label}` : `step ${span.step + 1}`;
}

/** The lane of a kind in a trace, or -1. */
function laneOf(trace: Trace, kind: string): number {
  return trace.lanes.findIndex((l) => l.kind === kind);
}

/** The thread a task's Python runs on at t ("thread 2"), from the task's span there. */
function threadOf(ix: TraceIndex, task: number, t: number): string {
  const lane = task >= 0 && task < ix.taskLane.length ? ix.taskLane[task] : -1;
  const i = lane >= 0 ? spanAt(ix, lane, t) : -1;
  const w = i >= 0 ? ix.spans[i].worker : -1;
  if (w >= 0) return ix.trace.lanes[w].label;
  // Worker view: the span may be on the thread lane itself.
  for (let l = 0; l < ix.trace.lanes.length; l++) {
    if (ix.trace.lanes[l].kind !== 'thread') continue;
    const k = spanAt(ix, l, t);
    if (k >= 0 && ix.spans[k].task === task) return ix.trace.lanes[l].label;
  }
  return taskName(ix.trace, task);
}

function gilWhy(ix: TraceIndex, t: number): string {
  const gil = laneOf(ix.trace, 'gil');
  const i = gil >= 0 ? spanAt(ix, gil, t) : -1;
  if (i < 0) return 'waiting for the GIL, which is changing hands';
  const held = ix.spans[i];
  if (held.task < 0) return `waiting for the GIL, held by the runtime since ${formatTime(held.startMs)}`;
  const who = threadOf(ix, held.task, t);
  const name = taskName(ix.trace, held.task);
  return `waiting for the GIL, held by ${who} since ${formatTime(held.startMs)}${who !== name ? ` (running ${name})` : ''}`;
}

function runners(ix: TraceIndex, t: number, self: number): string[] {
  const states = taskStatesAt(ix, t);
  const out: string[] = [];
  for (const s of ['running', 'blocking', 'native'] as const)
    for (const k of states.get(s) ?? []) if (k !== self) out.push(taskName(ix.trace, k));
  return out;
}

function list(names: string[]): string {
  if (names.length <= 1) return names[0] ?? '';
  if (names.length > 3) return `${names.length} tasks`;
  return `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}

/** Why the span's task is in its state, at the span's start (a moment inside it, to miss hand-off instants). */
export function whyText(ix: TraceIndex, span: Span): string {
  const t = span.startMs + Math.min(1e-6, (span.endMs - span.startMs) / 2);
  const label = PALETTE[span.state]?.label ?? span.state;
  const trace = ix.trace;
  switch (span.state) {
    case 'wait-gil':
      return gilWhy(ix, t);
    case 'wait-loop': {
      const r = runners(ix, t, span.task);
      return r.length
        ? `waiting for the loop: task ${list(r)} ${r.length === 1 ? 'runs' : 'run'}`
        : 'waiting for the loop to come round';
    }
    case 'wait-core': {
      const r = runners(ix, t, span.task);
      const cores = trace.settings.cores;
      return `waiting for a core: ${cores === 1 ? 'the only core is' : `all ${cores} cores are`} busy${r.length ? ` (${list(r)})` : ''}`;
    }
    case 'wait-lock':
    case 'wait-join':
    case 'wait-queue':
    case 'wait-event':
    case 'wait-barrier':
      return waitText(trace, span) ?? label;
    case 'running':
      return laneOf(trace, 'gil') >= 0 ? 'running Python, holding the GIL' : 'running Python';
    case 'held':
      return `the GIL is held by ${threadOf(ix, span.task, t)}`;
    default:
      return label;
  }
}

export function spanDetails(ix: TraceIndex, span: Span, name?: StepNamer): SpanDetails {
  const trace = ix.trace;
  const lane = trace.lanes[span.lane];
  return {
    task: span.task >= 0 ? taskName(trace, span.task) : (lane?.label ?? 'runtime'),
    step: stepLabel(span, name),
    state: PALETTE[span.state]?.label ?? span.state,
    start: formatTime(span.startMs),
    end: formatTime(span.endMs),
    duration: formatTime(span.endMs - span.startMs),
    why: whyText(ix, span),
  };
}
