/** Event log sentences for coordination: who woke whom, a queue's depth, a write (lost or not), a deadlock. */
import type { Trace, TraceEvent } from '../sim/types';
import { formatCount, plural } from './scale';
import { taskName } from './traceIndex';

export function syncEventText(trace: Trace, e: TraceEvent): string {
  const who = taskName(trace, e.task);
  const from = e.fromTask !== undefined && e.fromTask >= 0 ? taskName(trace, e.fromTask) : '';
  switch (e.kind) {
    case 'sync-wake':
      if (!e.sync) return from ? `${from} has finished: ${who} stops waiting` : `${who} stops waiting`;
      return from ? `${from} wakes ${who}, waiting on ${e.sync}` : `${who} stops waiting on ${e.sync}`;
    case 'queue-depth':
      return `queue ${e.sync ?? ''} now holds ${plural(e.depth ?? 0, 'item')}`;
    case 'shared-write':
      return `${who} writes ${formatCount(e.value ?? 0)} to ${e.var ?? 'a shared variable'}${e.lost ? ': a lost update' : ''}`;
    case 'deadlock':
      return `deadlock: ${e.text ?? 'every unfinished task is blocked'}`;
    default:
      return `${e.kind} (${who})`;
  }
}
