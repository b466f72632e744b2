import { describe, expect, it } from 'vitest';
import { readoutsAt } from './readouts';
import { indexTrace, spanAt } from './traceIndex';
import { sequentialTwo, threadsTwo, threeSleeps } from './testing/traces';

describe('spanAt', () => {
  it('finds the span covering t on a lane, half-open', () => {
    const ix = indexTrace(sequentialTwo());
    const laneB = ix.taskLane[1];
    expect(ix.spans[spanAt(ix, laneB, 10)].state).toBe('wait-worker');
    expect(ix.spans[spanAt(ix, laneB, 20)].state).toBe('running');
    expect(spanAt(ix, laneB, 40)).toBe(-1);
  });
});

describe('readoutsAt', () => {
  it('at 10 ms of the sequential run: 0 of 2 done, A runs, 1 of 2 cores busy', () => {
    const r = readoutsAt(indexTrace(sequentialTwo()), 10);
    expect(r).toMatchObject({ done: 0, total: 2, runningText: 'A', busyCores: 1, cores: 2 });
  });
  it('at the end every task is done and nobody runs', () => {
    const t = sequentialTwo();
    const r = readoutsAt(indexTrace(t), t.makespanMs);
    expect(r).toMatchObject({ done: 2, runningText: 'nobody', busyCores: 0 });
  });
  it('under threads only the GIL holder runs, on one core', () => {
    const r = readoutsAt(indexTrace(threadsTwo()), 7);
    expect(r.runningText).toBe('B');
    expect(r.busyCores).toBe(1);
  });
  it('while three coroutines sleep, nobody runs', () => {
    const r = readoutsAt(indexTrace(threeSleeps()), 500);
    expect(r.runningText).toBe('nobody');
    expect(r.busyCores).toBe(0);
  });
});
