import { describe, expect, it } from 'vitest';
import { parseScenario } from '../sim/scenario/parse';
import { readScenarioText, scenarioJson } from './scenarioFile';

const raw = {
  id: 'file-coord',
  title: 'A file with coordination',
  machine: { cores: 2 },
  sync: { L: { type: 'lock' }, S: { type: 'semaphore', value: 3 }, e: { type: 'event' } },
  shared: { x: 0 },
  tasks: [
    {
      name: 'W',
      count: 4,
      startAtMs: 100,
      everyMs: 25,
      steps: [
        { kind: 'wait', sync: 'e' },
        {
          repeat: 10,
          steps: [
            { kind: 'acquire', sync: 'S', timeoutMs: 50, durationMs: 1 },
            { kind: 'read', var: 'x' },
            { kind: 'write', var: 'x' },
            { kind: 'release', sync: 'S' },
          ],
        },
      ],
    },
    {
      name: 'go',
      steps: [
        { kind: 'cpu', durationMs: 30 },
        { kind: 'set', sync: 'e' },
        { kind: 'join', task: 'W' },
      ],
    },
  ],
};

describe('scenario files: coordination, groups and arrivals', () => {
  it('writes sync, shared, the groups as written, step fields and arrivals, and reads them back the same', async () => {
    const scenario = parseScenario(raw, 'test');
    const text = scenarioJson(scenario);
    const file = JSON.parse(text);
    expect(file.sync).toEqual(raw.sync);
    expect(file.shared).toEqual({ x: 0 });
    expect(file.tasks[0]).toMatchObject({ startAtMs: 100, everyMs: 25 });
    expect(file.tasks[0].steps[1]).toEqual(raw.tasks[0].steps[1]);
    // A coordination step's duration of 0 is the default and is left out; a cpu step's is kept.
    expect(file.tasks[1].steps).toEqual(raw.tasks[1].steps);
    const back = await readScenarioText(text, 'f.json');
    expect(back.ok).toBe(true);
    if (!back.ok) return;
    expect(back.scenario).toEqual({ ...scenario, description: '' });
    expect(back.scenario.tasks[0].steps).toHaveLength(41);
  });
});

describe('scenario files: limits inside groups', () => {
  it('clamps a too-long step inside a group in the steps as written too, so the editor shows what runs', async () => {
    const long = {
      id: 'long',
      title: 'Long',
      machine: { cores: 1 },
      tasks: [{ name: 'A', steps: [{ repeat: 2, steps: [{ kind: 'io', durationMs: 120_000 }] }] }],
    };
    const back = await readScenarioText(JSON.stringify(long), 'long.json');
    expect(back.ok).toBe(true);
    if (!back.ok) return;
    const task = back.scenario.tasks[0];
    expect(task.steps.map((s) => s.durationMs)).toEqual([60_000, 60_000]);
    expect(task.written).toEqual([{ repeat: 2, steps: [{ kind: 'io', durationMs: 60_000 }] }]);
    expect(back.notes.join()).toMatch(/longer than 60 s/);
  });
});
