import { describe, expect, it } from 'vitest';
import type { Span } from '../sim/types';
import { waitText } from './waitText';
import { spanText } from './spanText';
import { whyText } from './details';
import { indexTrace } from './traceIndex';
import { makeTrace } from './testing/traces';

const trace = makeTrace({
  model: 'threads',
  tasks: [
    { name: 'A', spans: [['running', 0, 10]] },
    { name: 'B', spans: [['running', 0, 10]] },
  ],
});
trace.metrics.sync = { L: { type: 'lock' }, S: { type: 'semaphore' }, q: { type: 'queue' } };

const span = (extra: Partial<Span>): Span => ({
  lane: 0,
  startMs: 0,
  endMs: 5,
  state: 'wait-lock',
  task: 0,
  step: 0,
  worker: -1,
  ...extra,
});

describe('waitText', () => {
  it('names the lock and who holds it', () => {
    expect(waitText(trace, span({ sync: 'L', holder: 1 }))).toBe('waiting for lock L (held by B)');
    expect(waitText(trace, span({ sync: 'L', holder: -1 }))).toBe('waiting for lock L');
    expect(waitText(trace, span({ sync: 'S', holder: 1 }))).toBe('waiting for semaphore S (held by B)');
  });

  it('says whether the queue was empty or full', () => {
    expect(waitText(trace, span({ state: 'wait-queue', sync: 'q', detail: 'empty' }))).toBe(
      'waiting on queue q (empty)',
    );
    expect(waitText(trace, span({ state: 'wait-queue', sync: 'q', detail: 'full' }))).toBe('waiting on queue q (full)');
  });

  it('names the event, the barrier and the task being joined', () => {
    expect(waitText(trace, span({ state: 'wait-event', sync: 'e' }))).toBe('waiting for event e');
    expect(waitText(trace, span({ state: 'wait-barrier', sync: 'b' }))).toBe('waiting at barrier b');
    expect(waitText(trace, span({ state: 'wait-join', task: 1, holder: 0 }))).toBe('waiting for A to finish');
  });

  it('is null for states that are not waits on a primitive', () => {
    expect(waitText(trace, span({ state: 'wait-gil' }))).toBeNull();
  });

  it('is what the tooltip and the details panel say', () => {
    const s = span({ sync: 'L', holder: 1 });
    expect(spanText(trace, s).state).toBe('waiting for lock L (held by B)');
    expect(whyText(indexTrace(trace), s)).toBe('waiting for lock L (held by B)');
  });
});
