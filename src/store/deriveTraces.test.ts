import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseScenario, simulate } from '../sim';
import { deriveTraces } from './deriveTraces';
import { sequentialMakespan } from './baseline';

const scenario = (id: string) => {
  const file = join(import.meta.dirname, `../../content/scenarios/${id}.json`);
  return parseScenario(JSON.parse(readFileSync(file, 'utf8')), file);
};

describe('the baseline of a figure’s speed-ups', () => {
  it('is the sequential makespan when sequential code finishes', () => {
    const { baselineMs } = deriveTraces(scenario('three-sleeps'), ['threads'], simulate, undefined, sequentialMakespan);
    expect(baselineMs).toBe(6000);
  });

  it('is none when sequential code blocks for good, shown or not (no “18× slower than sequential”)', () => {
    const queue = scenario('coord-bounded-queue');
    expect(deriveTraces(queue, ['threads', 'asyncio'], simulate, undefined, sequentialMakespan).baselineMs).toBeNull();
    expect(deriveTraces(queue, ['sequential', 'threads'], simulate).baselineMs).toBeNull();
  });
});
