import { describe, expect, it } from 'vitest';
import type { ModelId, Trace } from '../../sim/types';
import { formatSeconds, judge, modelsFor, parseDurationMs } from './answer';

function trace(model: ModelId, tasks: [string, number, number][]): Trace {
  const makespanMs = Math.max(...tasks.map(([, , end]) => end));
  return {
    model,
    scenarioId: 'test',
    makespanMs,
    tasks: tasks.map(([name, startMs, endMs]) => ({ name, startMs, endMs, latencyMs: endMs - startMs })),
  } as Trace;
}

describe('parseDurationMs', () => {
  it('parseDurationMs("3 s") is 3000', () => expect(parseDurationMs('3 s')).toBe(3000));
  it('parseDurationMs("2.5 s") is 2500', () => expect(parseDurationMs('2.5 s')).toBe(2500));
  it('parseDurationMs("500 ms") is 500', () => expect(parseDurationMs('500 ms')).toBe(500));
  it('parseDurationMs("84 µs") is 0.084', () => expect(parseDurationMs('84 µs')).toBeCloseTo(0.084));
  it('parseDurationMs("fast") is undefined', () => expect(parseDurationMs('fast')).toBeUndefined());
});

describe('formatSeconds', () => {
  it('formatSeconds(3003) is "3.00 s"', () => expect(formatSeconds(3003)).toBe('3.00 s'));
  it('formatSeconds(2.45) is "2.5 ms"', () => expect(formatSeconds(2.45)).toBe('2.5 ms'));
  it('formatSeconds(0.084) is "84 µs"', () => expect(formatSeconds(0.084)).toBe('84 µs'));
});

describe('judge', () => {
  const sleeps = trace('asyncio', [
    ['A', 0, 2000],
    ['B', 0, 3000],
    ['C', 0, 1000],
  ]);

  it('judge("makespan") picks the duration nearest the simulated total', () => {
    expect(judge('makespan', ['1 s', '3 s', '6 s'], [sleeps])).toEqual({ correct: 1, fact: '3.00 s' });
  });

  it('judge("makespan") compares ratios, not differences', () => {
    // Against 3 s, 1.8 s is 1.2 s off (×1.67) and 4.3 s is 1.3 s off (×1.43): by ratio 4.3 s is nearer.
    expect(judge('makespan', ['1.8 s', '4.3 s'], [sleeps]).correct).toBe(1);
  });

  it('judge("first") names the task that finishes first', () => {
    expect(judge('first', ['A', 'B', 'C'], [sleeps])).toEqual({ correct: 2, fact: 'C (at 1.00 s)' });
  });

  it('judge("last") names the task that finishes last', () => {
    expect(judge('last', ['a', 'b', 'c'], [sleeps]).correct).toBe(1);
  });

  it('judge("fastest") names the model with the smallest total time', () => {
    const sequential = trace('sequential', [['A', 0, 6000]]);
    expect(judge('fastest', ['sequential', 'asyncio'], [sequential, sleeps])).toEqual({
      correct: 1,
      fact: 'asyncio (3.00 s)',
    });
  });

  it('judge throws a readable error when no choice names the answer', () => {
    expect(() => judge('first', ['A', 'B'], [sleeps])).toThrow('None of the choices (A, B) names task C.');
    expect(() => judge('makespan', ['soon'], [sleeps])).toThrow('Choice "soon" is not a duration');
  });
});

describe('modelsFor', () => {
  it('modelsFor("fastest") simulates every model in the choices', () => {
    expect(modelsFor('fastest', undefined, ['threads', ' processes'])).toEqual(['threads', 'processes']);
  });
  it('modelsFor("makespan") simulates the one model asked about', () => {
    expect(modelsFor('makespan', 'asyncio', ['1 s'])).toEqual(['asyncio']);
  });
});
