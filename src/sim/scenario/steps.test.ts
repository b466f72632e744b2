/** The coordination part of the scenario language: groups, arrivals and what validation says. */
import { describe, expect, it } from 'vitest';
import { parseScenario } from './parse';

const base = (extra: Record<string, unknown>) => ({ id: 'c', title: 'c', machine: { cores: 2 }, ...extra });
const parse = (extra: Record<string, unknown>) => parseScenario(base(extra), 'content/scenarios/c.json');
const err = (extra: Record<string, unknown>) => {
  try {
    parse(extra);
  } catch (e) {
    return (e as Error).message;
  }
  return 'no error';
};

describe('coordination steps', () => {
  it('unrolls nested groups, keeps the written form, and defaults durationMs to 0', () => {
    const s = parse({
      sync: { L: { type: 'lock' } },
      tasks: [
        {
          name: 'A',
          steps: [
            {
              repeat: 2,
              steps: [
                { kind: 'acquire', sync: 'L' },
                { repeat: 3, steps: [{ kind: 'cpu', durationMs: 1 }] },
                { kind: 'release', sync: 'L' },
              ],
            },
          ],
        },
      ],
    });
    expect(s.tasks[0].steps.map((x) => x.kind).join(' ')).toBe(
      'acquire cpu cpu cpu release acquire cpu cpu cpu release',
    );
    expect(s.tasks[0].steps[0]).toEqual({ kind: 'acquire', sync: 'L', durationMs: 0 });
    expect(s.tasks[0].written).toHaveLength(1);
  });

  it('fills in primitive defaults and keeps arrivals', () => {
    const s = parse({
      sync: { S: { type: 'semaphore' }, q: { type: 'queue' } },
      shared: { x: 3 },
      tasks: [{ name: 'r', count: 2, startAtMs: 5, everyMs: 20, steps: [{ kind: 'read', var: 'x' }] }],
    });
    expect(s.sync).toEqual({ S: { type: 'semaphore', value: 1 }, q: { type: 'queue', maxsize: 0 } });
    expect(s.shared).toEqual({ x: 3 });
    expect(s.tasks[0]).toMatchObject({ startAtMs: 5, everyMs: 20 });
  });

  it.each([
    [
      'an unknown primitive type',
      { sync: { L: { type: 'mutex' } }, tasks: [{ name: 'A', steps: [{ kind: 'cpu', durationMs: 1 }] }] },
      'content/scenarios/c.json: sync.L.type must be one of "lock", "semaphore", "queue", "event", "barrier"',
    ],
    [
      'a step naming a primitive that does not exist',
      { sync: { L: { type: 'lock' } }, tasks: [{ name: 'A', steps: [{ kind: 'acquire', sync: 'M' }] }] },
      'content/scenarios/c.json: tasks[0].steps[0].sync names no primitive "M" (known: L)',
    ],
    [
      'a release without an acquire in the same task, inside a group',
      {
        sync: { L: { type: 'lock' } },
        tasks: [
          {
            name: 'A',
            steps: [
              { kind: 'cpu', durationMs: 1 },
              { repeat: 2, steps: [{ kind: 'release', sync: 'L' }] },
            ],
          },
        ],
      },
      'content/scenarios/c.json: tasks[0].steps[1].steps[0] releases "L" without an acquire of it earlier in task "A"',
    ],
    [
      'a join on itself',
      { tasks: [{ name: 'A', steps: [{ kind: 'join', task: 'A' }] }] },
      'content/scenarios/c.json: tasks[0].steps[0].task joins task "A" itself: it would wait forever',
    ],
    [
      'a join on a task that does not exist',
      { tasks: [{ name: 'A', steps: [{ kind: 'join', task: 'B' }] }] },
      'content/scenarios/c.json: tasks[0].steps[0].task names no task "B" (known: A)',
    ],
    [
      'a put on a lock',
      { sync: { L: { type: 'lock' } }, tasks: [{ name: 'A', steps: [{ kind: 'put', sync: 'L' }] }] },
      'content/scenarios/c.json: tasks[0].steps[0].sync names lock "L", but put needs a queue',
    ],
    [
      'a read of an unknown variable',
      { shared: { x: 0 }, tasks: [{ name: 'A', steps: [{ kind: 'read', var: 'y' }] }] },
      'content/scenarios/c.json: tasks[0].steps[0].var names no shared variable "y" (known: x)',
    ],
    [
      'a misspelt step kind',
      { tasks: [{ name: 'A', steps: [{ kind: 'aquire', sync: 'L' }] }] },
      'content/scenarios/c.json: tasks[0].steps[0].kind must be one of',
    ],
    [
      'a timeout on a step that is not acquire',
      { sync: { L: { type: 'lock' } }, tasks: [{ name: 'A', steps: [{ kind: 'cpu', durationMs: 1, timeoutMs: 3 }] }] },
      'content/scenarios/c.json: tasks[0].steps[0].timeoutMs is only allowed on acquire steps',
    ],
    [
      'a cpu step without a duration',
      { tasks: [{ name: 'A', steps: [{ kind: 'cpu' }] }] },
      'content/scenarios/c.json: tasks[0].steps[0].durationMs is required',
    ],
    [
      'a field of another primitive type',
      {
        sync: { b: { type: 'barrier', parties: 2, maxsize: 3 } },
        tasks: [{ name: 'A', steps: [{ kind: 'cpu', durationMs: 1 }] }],
      },
      'content/scenarios/c.json: sync.b.maxsize is not a field of a barrier',
    ],
    [
      'a bad repeat',
      { tasks: [{ name: 'A', steps: [{ repeat: 0, steps: [{ kind: 'cpu', durationMs: 1 }] }] }] },
      'content/scenarios/c.json: tasks[0].steps[0].repeat must be an integer ≥ 1',
    ],
    [
      'a negative arrival',
      { tasks: [{ name: 'A', startAtMs: -1, steps: [{ kind: 'cpu', durationMs: 1 }] }] },
      'content/scenarios/c.json: tasks[0].startAtMs must be a number ≥ 0',
    ],
  ])('names the file and the field for %s', (_what, extra, message) => {
    expect(err(extra)).toContain(message);
  });
});
