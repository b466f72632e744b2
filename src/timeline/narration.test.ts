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

describe('narrate: subinterpreters', () => {
  it('says arguments are copied between interpreters, where processes pickle them', async () => {
    const { parseScenario, simulate } = await import('../sim');
    const s = parseScenario(
      {
        id: 'copy',
        title: 'copy',
        machine: { cores: 2 },
        tasks: [{ name: 'A', argsBytes: 100_000_000, steps: [{ kind: 'cpu', durationMs: 10 }] }],
      },
      'copy.json',
    );
    const t = simulate(s, 'subinterpreters');
    const copying = t.spans.find((x) => x.state === 'pickling' && x.task === 0)!;
    const mid = (copying.startMs + copying.endMs) / 2;
    expect(narrate(indexTrace(t), mid)).toMatch(/ — A is being copied between interpreters$/);
    const p = simulate(s, 'processes', { startMethod: 'spawn' });
    const pickling = p.spans.find((x) => x.state === 'pickling' && x.task === 0)!;
    expect(narrate(indexTrace(p), (pickling.startMs + pickling.endMs) / 2)).toMatch(/A is being pickled$/);
  });
});

describe('narrate: a busy core with no task at work', () => {
  it('says the program is starting, or that the main program runs after the tasks, as the readouts count a busy core', async () => {
    const { parseScenario, simulate } = await import('../sim');
    const s = parseScenario(
      {
        id: 'late',
        title: 'late',
        machine: { cores: 2 },
        tasks: [{ name: 'A', startAtMs: 30, steps: [{ kind: 'cpu', durationMs: 10 }] }],
      },
      'late.json',
    );
    const aio = indexTrace(simulate(s, 'asyncio'));
    expect(narrate(aio, 0)).toBe('0 s — the program is starting; no task has started yet');
    expect(narrate(aio, 10)).toBe('10.0 ms — nothing has started yet');
    const thr = simulate(s, 'threads');
    expect(narrate(indexTrace(thr), thr.makespanMs - 0.01)).toMatch(/ — 1 of 1 tasks done; the main program runs$/);
  });
});
