import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ScenarioError } from '../errors';
import { expandTasks } from './expand';
import { parseScenario } from './parse';

const FILE = 'content/scenarios/x.json';
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- test inputs are deliberately malformed
type Loose = any;
const ok = () => ({
  id: 'x',
  title: 'X',
  machine: { cores: 2 },
  tasks: [
    { name: 'calc', steps: [{ kind: 'cpu', durationMs: 1100 }] },
    {
      name: 'd1',
      steps: [
        { kind: 'io', durationMs: 500 },
        { kind: 'cpu', durationMs: 20 },
      ],
    },
  ],
});

function errorOf(input: unknown): ScenarioError {
  try {
    parseScenario(input, FILE);
  } catch (e) {
    expect(e).toBeInstanceOf(ScenarioError);
    return e as ScenarioError;
  }
  throw new Error('parseScenario accepted bad input');
}

describe('parseScenario', () => {
  it('accepts the issue example and fills in defaults', () => {
    const s = parseScenario(ok(), FILE);
    expect(s.description).toBe('');
    expect(s.settings).toEqual({});
    expect(s.tasks[0]).toEqual({
      name: 'calc',
      steps: [{ kind: 'cpu', durationMs: 1100 }],
      argsBytes: 0,
      resultBytes: 0,
      count: 1,
    });
    expect(s.tasks[1].steps[0]).toEqual({ kind: 'io', durationMs: 500, blocking: false });
  });

  it('allows $schema, other top-level fields and fractional durations', () => {
    const input = { $schema: './scenario.schema.json', author: 'someone', ...ok() };
    input.tasks[0].steps[0].durationMs = 0.25;
    expect(parseScenario(input, FILE).tasks[0].steps[0].durationMs).toBe(0.25);
  });

  it.each([
    [
      'a negative duration',
      (s: Loose) => (s.tasks[1].steps[0].durationMs = -1),
      'tasks[1].steps[0].durationMs',
      'must be a number ≥ 0',
    ],
    [
      'a string duration',
      (s: Loose) => (s.tasks[1].steps[1].durationMs = '20'),
      'tasks[1].steps[1].durationMs',
      'must be a number ≥ 0',
    ],
    [
      'a typo in a step field',
      (s: Loose) => (s.tasks[0].steps[0].duraton = 3),
      'tasks[0].steps[0].duraton',
      'is not a known field',
    ],
    ['a typo in a task field', (s: Loose) => (s.tasks[1].stpes = []), 'tasks[1].stpes', 'is not a known field'],
    ['a missing title', (s: Loose) => delete s.title, 'title', 'is required'],
    ['a missing steps list', (s: Loose) => delete s.tasks[0].steps, 'tasks[0].steps', 'is required'],
    [
      'an unknown kind',
      (s: Loose) => (s.tasks[0].steps[0].kind = 'gpu'),
      'tasks[0].steps[0].kind',
      'must be one of "cpu", "io", "native"',
    ],
    ['zero cores', (s: Loose) => (s.machine.cores = 0), 'machine.cores', 'must be an integer from 1 to 256'],
    ['count 0', (s: Loose) => (s.tasks[0].count = 0), 'tasks[0].count', 'must be an integer ≥ 1'],
    ['count 1.5', (s: Loose) => (s.tasks[0].count = 1.5), 'tasks[0].count', 'must be an integer ≥ 1'],
    [
      'blocking on a cpu step',
      (s: Loose) => (s.tasks[0].steps[0].blocking = true),
      'tasks[0].steps[0].blocking',
      'only allowed on io steps',
    ],
    [
      'offload on an io step',
      (s: Loose) => (s.tasks[1].steps[0].offload = 'thread'),
      'tasks[1].steps[0].offload',
      'only allowed on cpu steps',
    ],
    [
      'a bad start method',
      (s: Loose) => (s.settings = { startMethod: 'vfork' }),
      'settings.startMethod',
      'must be one of',
    ],
    ['a task that is not an object', (s: Loose) => (s.tasks[1] = 3), 'tasks[1]', 'must be an object'],
    [
      'a typo in per-model settings',
      (s: Loose) => (s.modelSettings = { processes: { pool: 8 } }),
      'modelSettings.processes.pool',
      'is not a known field',
    ],
  ])('names the file and field for %s', (_what, mutate, path, message) => {
    const input = ok();
    mutate(input);
    const e = errorOf(input);
    expect(e.file).toBe(FILE);
    expect(e.path).toBe(path);
    expect(e.message).toContain(`${FILE}: ${path} `);
    expect(e.message).toContain(message);
  });

  it('rejects duplicate task names, also after count expansion', () => {
    const dup = ok();
    dup.tasks[1].name = 'calc';
    expect(errorOf(dup).path).toBe('tasks[1].name');
    const clash = {
      ...ok(),
      tasks: [
        { name: 'a', count: 2, steps: [{ kind: 'io', durationMs: 1 }] },
        { name: 'a-2', steps: [{ kind: 'io', durationMs: 1 }] },
      ],
    };
    expect(errorOf(clash).message).toContain('"a-2"');
  });

  it('rejects input that is not an object', () => {
    expect(errorOf(null).message).toBe(`${FILE}: must be a JSON object (a scenario)`);
    expect(errorOf([]).path).toBe('');
  });

  it('expandTasks applies count: name-1 … name-N in place', () => {
    const s = parseScenario(
      {
        ...ok(),
        tasks: [
          { name: 'a', steps: [{ kind: 'io', durationMs: 1 }] },
          { name: 'b', count: 3, steps: [{ kind: 'cpu', durationMs: 1 }] },
        ],
      },
      FILE,
    );
    expect(expandTasks(s).map((t) => t.name)).toEqual(['a', 'b-1', 'b-2', 'b-3']);
  });

  it('accepts 100 000 tasks', () => {
    const s = parseScenario(
      { ...ok(), tasks: [{ name: 'n', count: 100_000, steps: [{ kind: 'io', durationMs: 1 }] }] },
      FILE,
    );
    expect(expandTasks(s)).toHaveLength(100_000);
  });

  it('every shipped scenario parses and its id is its file name', () => {
    const dir = 'content/scenarios';
    const files = readdirSync(dir).filter((f) => f.endsWith('.json') && f !== 'scenario.schema.json');
    expect(files.length).toBeGreaterThanOrEqual(10);
    for (const f of files) {
      const s = parseScenario(JSON.parse(readFileSync(join(dir, f), 'utf8')), join(dir, f));
      expect(s.id).toBe(f.replace(/\.json$/, ''));
      expect(s.description!.length).toBeGreaterThan(40);
    }
  });
});
