import { describe, expect, it } from 'vitest';
import { checkLimits, CLI_LIMITS, describeProblems, estimateWork, formatCount, PAGE_LIMITS } from './limits';
import { simulate } from './simulate';
import type { Scenario } from './types';

const work = (count: number, durationMs: number, extra: Partial<Scenario> = {}): Scenario => ({
  id: 'w',
  title: 'w',
  machine: { cores: 2 },
  tasks: [{ name: 't', count, steps: [{ kind: 'cpu', durationMs }] }],
  ...extra,
});

describe('limits', () => {
  it('accepts a workload inside the page limits', () => {
    expect(checkLimits(work(4, 1000))).toEqual([]);
  });

  it('names tasks after copies, in readable numbers', () => {
    const p = checkLimits(work(20_000, 1));
    expect(p[0]).toEqual({ field: 'tasks', message: 'tasks: 20\u202f000 after copies, at most 10\u202f000' });
    expect(checkLimits(work(20_000, 1), {}, CLI_LIMITS)).toEqual([]);
  });

  it('checks pools and the switch interval wherever they are set, and the overrides', () => {
    const s = work(2, 10, {
      settings: { poolSize: 1e9 },
      modelSettings: { threads: { switchIntervalMs: 0.0001 }, processes: { processPoolSize: 0 } },
    });
    const fields = checkLimits(s, { cores: 1e20, threadPoolSize: 5000 }).map((p) => p.field);
    expect(fields).toEqual([
      'settings.poolSize',
      'modelSettings.threads.switchIntervalMs',
      'modelSettings.processes.processPoolSize',
      'cores',
      'threadPoolSize',
    ]);
    expect(checkLimits(work(1, 1), { poolSize: 2.5 })[0].message).toBe('poolSize: 2.5 is not a whole number');
  });

  it('names durations and cores out of range', () => {
    const s = work(1, 61_000, { machine: { cores: 300 } });
    expect(checkLimits(s).map((p) => p.message)).toEqual([
      'tasks[0].steps[0].durationMs: 61\u202f000 ms, at most 60\u202f000 ms',
      'machine.cores: 300, at most 128',
    ]);
  });

  it('refuses the work of 10 000 tasks of 60 s of computing, each value in range', () => {
    const p = checkLimits(work(10_000, 60_000));
    expect(p).toHaveLength(1);
    expect(p[0].field).toBe('work');
    expect(describeProblems(p)).toMatch(/^too large for the page: simulated work: about .* events under threads/);
  });

  it('estimates at least the events the simulator really needs (never under by more than a little)', () => {
    const cases = [
      work(2, 60_000),
      work(10, 10_000),
      work(200, 50),
      work(20, 1000, { settings: { switchIntervalMs: 0.5 } }),
    ];
    for (const s of cases) {
      const est = estimateWork(s).events;
      const real = Math.max(
        ...(['threads', 'processes'] as const).map((m) => simulate(s, m, { trace: 'summary' }).metrics.eventCount),
      );
      expect(est).toBeGreaterThanOrEqual(real * 0.9);
    }
  });

  it('keeps the CLI limits larger than the page limits', () => {
    expect(CLI_LIMITS.tasks).toBeGreaterThan(PAGE_LIMITS.tasks);
    expect(CLI_LIMITS.poolSize.max).toBeGreaterThan(PAGE_LIMITS.poolSize.max);
    expect(CLI_LIMITS.work).toBeGreaterThan(PAGE_LIMITS.work);
    expect(formatCount(1234.5678)).toBe('1234.568');
  });
});
