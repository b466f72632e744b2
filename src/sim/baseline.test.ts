import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { baselineOf, parseScenario, simulate } from './index';

const scenario = (id: string) => {
  const file = join(import.meta.dirname, `../../content/scenarios/${id}.json`);
  return parseScenario(JSON.parse(readFileSync(file, 'utf8')), file);
};

describe('the baseline a speed-up divides by', () => {
  it('is the sequential makespan of a run that finishes', () => {
    const seq = simulate(scenario('three-sleeps'), 'sequential', { trace: 'summary' });
    expect(baselineOf(seq)).toBe(seq.makespanMs);
  });

  it('is null when sequential code blocks for good (a producer’s third put into a queue of two)', () => {
    const seq = simulate(scenario('coord-bounded-queue'), 'sequential', { trace: 'summary' });
    expect(seq.metrics.deadlock).not.toBeNull();
    expect(baselineOf(seq)).toBeNull();
  });

  it('is null without a sequential run', () => {
    expect(baselineOf(undefined)).toBeNull();
  });
});
