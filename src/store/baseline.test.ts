import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expandTasks, parseScenario } from '../sim';
import type { Scenario } from '../sim/types';
import { sequentialMakespan } from './baseline';

const dir = join(import.meta.dirname, '../../content/scenarios');
const scenarios = readdirSync(dir)
  .filter((f) => f.endsWith('.json') && f !== 'scenario.schema.json')
  .map((f) => parseScenario(JSON.parse(readFileSync(join(dir, f), 'utf8')), f));

/** The sum over every expanded task's steps, one copy at a time. */
function byCopies(scenario: Scenario): number {
  let ns = 0;
  for (const task of expandTasks(scenario)) for (const step of task.steps) ns += Math.round(step.durationMs * 1e6);
  return ns / 1e6;
}

describe('the sequential makespan summed from the workload', () => {
  it('is what summing every copy of every task gives, for each scenario of the site', () => {
    let summed = 0;
    for (const s of scenarios) {
      const ms = sequentialMakespan(s);
      if (ms === null) continue;
      summed++;
      expect(Object.is(ms, byCopies(s)), s.id).toBe(true);
    }
    expect(summed).toBeGreaterThan(10);
  });

  it('counts a task with a count as its copies, and one with count 0 not at all', () => {
    const s = (count: number | undefined) =>
      ({
        id: 'c',
        title: 'c',
        machine: { cores: 2 },
        tasks: [
          {
            name: 'a',
            count,
            steps: [
              { kind: 'io', durationMs: 0.1 },
              { kind: 'cpu', durationMs: 1 / 3 },
            ],
          },
          { name: 'b', steps: [{ kind: 'io', durationMs: 2 }] },
        ],
      }) as Scenario;
    for (const count of [undefined, 0, 1, 7, 10_000]) expect(sequentialMakespan(s(count))).toBe(byCopies(s(count)));
  });
});
