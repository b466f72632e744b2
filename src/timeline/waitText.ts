/**
 * Words for a task blocked on a coordination primitive, named for the primitive and who it waits on:
 * "waiting for lock L (held by B)", "waiting on queue q (empty)", "waiting for event e",
 * "waiting for A to finish", "waiting at barrier b". The tooltip, the details panel and a focused
 * span's accessible name all say it this way.
 */
import type { Span, Trace } from '../sim/types';
import { taskName } from './traceIndex';

const has = (n: number | undefined): n is number => n !== undefined && n >= 0;

/** The sentence for a wait on a primitive, or null for any other state. */
export function waitText(trace: Trace, span: Span): string | null {
  const name = span.sync ?? '';
  switch (span.state) {
    case 'wait-lock': {
      const kind = trace.metrics.sync[name]?.type === 'semaphore' ? 'semaphore' : 'lock';
      const what = name ? `${kind} ${name}` : `a ${kind}`;
      return has(span.holder) ? `waiting for ${what} (held by ${taskName(trace, span.holder)})` : `waiting for ${what}`;
    }
    case 'wait-queue': {
      const what = name ? `queue ${name}` : 'a queue';
      return span.detail ? `waiting on ${what} (${span.detail})` : `waiting on ${what}`;
    }
    case 'wait-event':
      return name ? `waiting for event ${name}` : 'waiting for an event';
    case 'wait-barrier':
      return name ? `waiting at barrier ${name}` : 'waiting at a barrier';
    case 'wait-join':
      return has(span.holder)
        ? `waiting for ${taskName(trace, span.holder)} to finish`
        : 'waiting for a task to finish';
    default:
      return null;
  }
}
