import { describe, expect, it } from 'vitest';
import { nameList, narrate, narrateAll } from './narration';
import { indexTrace } from './traceIndex';
import { DEFAULT_MODEL_LABELS } from './labels';
import { manyDownloads, sequentialTwo, threadsTwo, threeSleeps } from './testing/traces';

describe('narrate', () => {
  it('under threads at 7 ms: "7.00 ms — A waits for the GIL; B runs"', () => {
    expect(narrate(indexTrace(threadsTwo()), 7)).toBe('7.00 ms — A waits for the GIL; B runs');
  });
  it('while coroutines sleep: all three wait on I/O', () => {
    expect(narrate(indexTrace(threeSleeps()), 500)).toBe('500 ms — A, B and C wait on I/O');
  });
  it('at the end: all tasks have finished', () => {
    const t = sequentialTwo();
    expect(narrate(indexTrace(t), t.makespanMs)).toBe('40.0 ms — all 2 tasks have finished');
  });
  it('counts instead of naming thousands of tasks', () => {
    expect(narrate(indexTrace(manyDownloads(5000)), 250)).toMatch(/^250 ms — .*\d+ tasks wait on I\/O/);
  });
});

describe('narrateAll', () => {
  it('names each model in a compare view', () => {
    const s = narrateAll([indexTrace(sequentialTwo()), indexTrace(threadsTwo())], 7, DEFAULT_MODEL_LABELS);
    expect(s).toBe(
      '7.00 ms — Sequential: A runs; B waits for a pool worker. Threads (GIL): A waits for the GIL; B runs',
    );
  });
});

describe('nameList', () => {
  it('joins two names with "and"', () => expect(nameList(['A', 'B'])).toBe('A and B'));
  it('counts more than three', () => expect(nameList(['a', 'b', 'c', 'd'])).toBe('4 tasks'));
});
