/** What the readouts beside the playhead show at time t: tasks done, who runs, busy cores. */
import type { SpanState } from '../sim/types';
import { countAtOrBelow, spanAt, taskName, taskStatesAt, type TraceIndex } from './traceIndex';
import { formatCount } from './scale';

export interface Readout {
  done: number;
  total: number;
  /** Tasks running Python or native code at t (task indices). */
  running: number[];
  /** "A, B", "A, B, C +5", "nobody". */
  runningText: string;
  busyCores: number;
  cores: number;
}

const CPU_STATES: readonly SpanState[] = ['running', 'native', 'pickling', 'starting'];

export function namesText(ix: TraceIndex, tasks: readonly number[], max = 3): string {
  if (tasks.length === 0) return 'nobody';
  const names = tasks.slice(0, max).map((t) => taskName(ix.trace, t));
  const rest = tasks.length - names.length;
  return rest > 0 ? `${names.join(', ')} +${formatCount(rest)}` : names.join(', ');
}

export function readoutsAt(ix: TraceIndex, t: number): Readout {
  const { trace } = ix;
  const total = trace.tasks.length;
  const done = countAtOrBelow(ix.taskEnds, t);
  const states = taskStatesAt(ix, t);
  const running = [...(states.get('running') ?? []), ...(states.get('native') ?? [])].sort((a, b) => a - b);
  const cores = trace.settings.cores;
  let busyCores = 0;
  let coreLanes = 0;
  trace.lanes.forEach((lane, l) => {
    if (lane.kind !== 'core') return;
    coreLanes++;
    if (spanAt(ix, l, t) >= 0) busyCores++;
  });
  if (coreLanes === 0) {
    let cpu = 0;
    for (const s of CPU_STATES) cpu += states.get(s)?.length ?? 0;
    busyCores = Math.min(cores, cpu);
  }
  return { done, total, running, runningText: namesText(ix, running), busyCores, cores };
}
