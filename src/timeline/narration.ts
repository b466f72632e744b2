/** One sentence for the moment t: "1.20 s — B waits for the GIL; A runs". */
import type { ModelId, SpanState } from '../sim/types';
import { formatCount, formatTime } from './scale';
import { countAtOrBelow, spanAt, taskName, taskStatesAt, type TraceIndex } from './traceIndex';

/** Clause order and verbs (singular, plural). */
const CLAUSES: readonly [SpanState, string, string][] = [
  ['blocking', 'blocks the event loop', 'block the event loop'],
  ['wait-gil', 'waits for the GIL', 'wait for the GIL'],
  ['running', 'runs', 'run'],
  ['native', 'runs C code without the GIL', 'run C code without the GIL'],
  ['pickling', 'is being pickled', 'are being pickled'],
  ['starting', 'is starting up', 'are starting up'],
  ['wait-core', 'waits for a free core', 'wait for a free core'],
  ['wait-worker', 'waits for a pool worker', 'wait for a pool worker'],
  ['wait-loop', 'waits for the event loop', 'wait for the event loop'],
  ['io', 'waits on I/O', 'wait on I/O'],
  ['wait-lock', 'waits for a lock', 'wait for a lock'],
  ['wait-queue', 'waits on a queue', 'wait on a queue'],
  ['wait-event', 'waits for an event', 'wait for an event'],
  ['wait-barrier', 'waits at a barrier', 'wait at a barrier'],
  ['wait-join', 'waits for another task to finish', 'wait for other tasks to finish'],
];

/** "A", "A and B", "A, B and C", "12 tasks". */
export function nameList(names: readonly string[], noun = 'tasks'): string {
  if (names.length > 3) return `${formatCount(names.length)} ${noun}`;
  if (names.length <= 1) return names[0] ?? '';
  return `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}

/** What happens at t in one trace, without the time: "B waits for the GIL; A runs". */
export function describeMoment(ix: TraceIndex, t: number): string {
  const { trace } = ix;
  const total = trace.tasks.length;
  if (total === 0) return 'nothing to run';
  const deadlock = trace.metrics.deadlock;
  if (deadlock && t >= deadlock.atMs - 1e-9) return `deadlock: ${deadlock.cycle}`;
  if (t >= trace.makespanMs)
    return total === 1 ? 'the task has finished' : `all ${formatCount(total)} tasks have finished`;
  const states = taskStatesAt(ix, t);
  const parts: string[] = [];
  // Between interpreters, arguments and results are copied (pickled only when not shareable).
  const copied = trace.model === 'subinterpreters';
  for (const [state, one, many] of CLAUSES) {
    const tasks = states.get(state);
    if (!tasks || tasks.length === 0) continue;
    const names = tasks.map((k) => taskName(trace, k));
    const verb =
      copied && state === 'pickling'
        ? tasks.length === 1
          ? 'is being copied between interpreters'
          : 'are being copied between interpreters'
        : tasks.length === 1
          ? one
          : many;
    parts.push(`${nameList(names)} ${verb}`);
  }
  if (parts.length > 0) return parts.join('; ');
  const done = countAtOrBelow(ix.taskEnds, t);
  // No task is doing anything, but a core may still be busy: the interpreter starting, the event loop or a
  // pool being set up, or shut down. Say so, as the readouts count that core as busy.
  const busy = coreBusyAt(ix, t);
  if (done === 0) return busy ? 'the program is starting; no task has started yet' : 'nothing has started yet';
  return `${formatCount(done)} of ${formatCount(total)} tasks done; ${busy ? 'the main program runs' : 'nothing else runs'}`;
}

function coreBusyAt(ix: TraceIndex, t: number): boolean {
  const { lanes } = ix.trace;
  for (let l = 0; l < lanes.length; l++) if (lanes[l].kind === 'core' && spanAt(ix, l, t) >= 0) return true;
  return false;
}

/** The sentence for a single trace: "1.20 s — B waits for the GIL; A runs". */
export function narrate(ix: TraceIndex, t: number): string {
  return `${formatTime(t)} — ${describeMoment(ix, t)}`;
}

/** For a compare view: "1.20 s — Sequential: A runs. Threads (GIL): B waits for the GIL; A runs". */
export function narrateAll(ixs: readonly TraceIndex[], t: number, labels: Partial<Record<ModelId, string>>): string {
  if (ixs.length === 1) return narrate(ixs[0], t);
  const parts = ixs.map(
    (ix) => `${ix.trace.label ?? labels[ix.trace.model] ?? ix.trace.model}: ${describeMoment(ix, t)}`,
  );
  return `${formatTime(t)} — ${parts.join('. ')}`;
}
