import { describe, expect, it } from 'vitest';
import { parseScenario } from '../../sim/scenario/parse';
import {
  addStep,
  addTask,
  duplicateTask,
  freshName,
  poolOf,
  pythonOf,
  removeStep,
  removeTask,
  renameTask,
  setCores,
  setCount,
  setDuration,
  setKind,
  setPool,
  setPython,
  setStartMethod,
  setSwitchInterval,
  startMethodOf,
} from './edits';

const base = parseScenario(
  {
    id: 'e',
    title: 'E',
    machine: { cores: 2 },
    modelSettings: { processes: { poolSize: 8 } },
    tasks: [
      {
        name: 'd',
        count: 4,
        steps: [
          { kind: 'io', durationMs: 500 },
          { kind: 'cpu', durationMs: 20, offload: 'thread' },
        ],
      },
      { name: 'calc', steps: [{ kind: 'cpu', durationMs: 1100 }] },
    ],
  },
  'e',
);

/** Every edit's result must still be a valid scenario. */
const valid = (s: typeof base) => expect(() => parseScenario(JSON.parse(JSON.stringify(s)), 'edited')).not.toThrow();

describe('editor edits', () => {
  it('never change their input', () => {
    const frozen = JSON.stringify(base);
    setDuration(base, 0, 0, 9);
    addTask(base);
    duplicateTask(base, 0);
    setPool(base, 'processes', null);
    expect(JSON.stringify(base)).toBe(frozen);
  });

  it('clamp durations to 0–60 s with a message', () => {
    expect(setDuration(base, 0, 0, 1234).scenario.tasks[0].steps[0].durationMs).toBe(1234);
    const long = setDuration(base, 0, 0, 90_000);
    expect(long.scenario.tasks[0].steps[0].durationMs).toBe(60_000);
    expect(long.notice).toBe('Durations go from 0 to 60 s; set to 60 s.');
    expect(setDuration(base, 0, 0, -5).notice).toMatch(/set to 0 ms/);
  });

  it('clamp cores to 1–128, copies to 10 000 tasks in all, pools and the switch interval', () => {
    expect(setCores(base, 0).notice).toMatch(/set to 1\./);
    expect(setCores(base, 4.4).scenario.machine.cores).toBe(4);
    const many = setCount(base, 0, 20_000);
    expect(many.scenario.tasks[0].count).toBe(9_999);
    expect(many.notice).toMatch(/10\u202f000 tasks in all/);
    expect(setPool(base, 'threads', 5000).notice).toMatch(/set to 1024/);
    expect(setSwitchInterval(base, 0).scenario.settings?.switchIntervalMs).toBe(0.01);
  });

  it('change a step kind, dropping flags that no longer apply', () => {
    const io = setKind(base, 0, 1, 'io').scenario.tasks[0].steps[1];
    expect(io).toEqual({ kind: 'io', durationMs: 20, blocking: false });
    valid(setKind(base, 0, 0, 'native').scenario);
  });

  it('add and remove steps and tasks, keeping at least one of each', () => {
    expect(addStep(base, 1).scenario.tasks[1].steps).toHaveLength(2);
    expect(removeStep(base, 1, 0).notice).toBe('A task needs at least one step.');
    expect(removeStep(base, 0, 0).scenario.tasks[0].steps).toHaveLength(1);
    const one = removeTask(base, 1).scenario;
    expect(removeTask(one, 0).notice).toBe('A workload needs at least one task.');
    const added = addTask(base).scenario;
    expect(added.tasks[2].name).toBe('A');
    valid(added);
  });

  it('name copies so that no two tasks clash, copies included (d-1 … d-4)', () => {
    const dup = duplicateTask(base, 0).scenario;
    expect(dup.tasks.map((t) => t.name)).toEqual(['d', 'd2', 'calc']);
    valid(dup);
    expect(
      freshName([
        { name: 'A', steps: [] },
        { name: 'B', count: 2, steps: [] },
      ]),
    ).toBe('C');
    expect(renameTask(base, 1, 'd-2').notice).toMatch(/already called/);
    expect(renameTask(base, 1, '  ').notice).toBe('A task needs a name.');
    expect(renameTask(base, 1, 'fib').scenario.tasks[1].name).toBe('fib');
  });

  it('set the start method, pools and Python build where the scenario format keeps them', () => {
    expect(startMethodOf(setStartMethod(base, 'spawn').scenario)).toBe('spawn');
    expect(poolOf(base, 'processes')).toBe(8);
    const noPool = setPool(base, 'processes', null).scenario;
    expect(poolOf(noPool, 'processes')).toBeNull();
    expect(noPool.modelSettings).toBeUndefined();
    expect(pythonOf(setPython(base, '3.14t').scenario)).toBe('3.14t');
    valid(setPython(setStartMethod(base, 'forkserver').scenario, '3.11').scenario);
  });
});
