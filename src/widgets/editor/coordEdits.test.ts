import { describe, expect, it } from 'vitest';
import { parseScenario } from '../../sim/scenario/parse';
import type { Scenario, Step } from '../../sim/types';
import {
  addGroup,
  addStepIn,
  choicesFor,
  refsOf,
  removeItem,
  setEvery,
  setRepeat,
  setStartAt,
  setStepDuration,
  setStepKind,
  setStepRef,
  setTimeoutMs,
} from './coordEdits';
import {
  addShared,
  addSync,
  removeShared,
  removeSync,
  renameShared,
  renameSync,
  setSyncNumber,
  setSyncType,
} from './syncEdits';
import { removeTask, renameTask } from './edits';

const base = (): Scenario =>
  parseScenario(
    {
      id: 'w',
      title: 'W',
      machine: { cores: 2 },
      tasks: [
        { name: 'A', steps: [{ kind: 'cpu', durationMs: 10 }] },
        { name: 'B', steps: [{ kind: 'io', durationMs: 20 }] },
      ],
    },
    'test',
  );

const kinds = (sc: Scenario, t = 0) => sc.tasks[t].steps.map((s) => s.kind);

/** A lock L and task A: acquire L, cpu, release L. */
function locked(): Scenario {
  let sc = addSync(base(), 'lock').scenario;
  sc = addStepIn(sc, 0).scenario;
  sc = addStepIn(sc, 0).scenario;
  sc = setStepKind(sc, 0, [0], 'acquire').scenario;
  return setStepKind(sc, 0, [2], 'release').scenario;
}

describe('coordination edits', () => {
  it('adds a lock and acquire/release steps naming it; the steps pass the format', () => {
    const sc = locked();
    expect(sc.sync).toEqual({ L: { type: 'lock' } });
    expect(kinds(sc)).toEqual(['acquire', 'cpu', 'release']);
    expect(sc.tasks[0].steps[0]).toEqual({ kind: 'acquire', durationMs: 0, sync: 'L' });
    expect(() => parseScenario(JSON.parse(JSON.stringify(sc)), 'again')).not.toThrow();
  });

  it('refuses a kind that names nothing yet, saying what to add', () => {
    const r = setStepKind(base(), 0, [0], 'put');
    expect(r.scenario).toEqual(base());
    expect(r.notice).toMatch(/needs a queue: add one under Synchronisation/);
    expect(setStepKind(base(), 0, [0], 'read').notice).toMatch(/shared variable/);
    expect(setStepKind(base(), 0, [0], 'join').scenario.tasks[0].steps[0]).toMatchObject({ kind: 'join', task: 'B' });
  });

  it('refuses a release with no acquire before it, with the format’s message naming the field', () => {
    const sc = addSync(base(), 'lock').scenario;
    const r = setStepKind(sc, 0, [0], 'release');
    expect(r.scenario).toBe(sc);
    expect(r.notice).toBe(
      'Not changed: the workload: tasks[0].steps[0] releases "L" without an acquire of it earlier in task "A".',
    );
    // Removing the acquire that a release needs is refused the same way.
    expect(removeItem(locked(), 0, [0]).notice).toMatch(/tasks\[0\]\.steps\[1\] releases "L"/);
  });

  it('removing or renaming a primitive steps use is refused with the format’s message', () => {
    const sc = locked();
    const gone = removeSync(sc, 'L');
    expect(gone.scenario).toBe(sc);
    expect(gone.notice).toMatch(/tasks\[0\]\.steps\[0\]\.sync names no primitive "L"/);
    expect(renameSync(sc, 'L', 'M').notice).toMatch(/names no primitive "L" \(known: M\)/);
    expect(setSyncType(sc, 'L', 'queue').notice).toMatch(/names queue "L", but acquire needs a lock or semaphore/);
    expect(setSyncType(sc, 'L', 'semaphore').scenario.sync?.L).toEqual({ type: 'semaphore', value: 2 });
    // Unused ones go freely; the last one takes the section with it.
    const spare = addSync(sc, 'event').scenario;
    expect(Object.keys(spare.sync!)).toEqual(['L', 'e']);
    expect(renameSync(spare, 'e', 'ready').scenario.sync).toEqual({ L: { type: 'lock' }, ready: { type: 'event' } });
    expect(renameSync(spare, 'e', '2x').notice).toMatch(/not a usable name/);
    expect(renameSync(spare, 'e', 'L').notice).toMatch(/already called “L”/);
    expect(removeSync(addSync(base(), 'queue').scenario, 'q').scenario.sync).toBeUndefined();
  });

  it('sets a semaphore’s value, a queue’s maxsize and a barrier’s parties, clamped', () => {
    let sc = addSync(addSync(addSync(base(), 'semaphore').scenario, 'queue').scenario, 'barrier').scenario;
    sc = setSyncNumber(sc, 'S', 3).scenario;
    sc = setSyncNumber(sc, 'q', 2).scenario;
    const r = setSyncNumber(sc, 'b', 0);
    expect(r.notice).toMatch(/parties goes from 1/);
    expect(r.scenario.sync).toEqual({
      S: { type: 'semaphore', value: 3 },
      q: { type: 'queue', maxsize: 2 },
      b: { type: 'barrier', parties: 1 },
    });
  });

  it('shared variables: add, set, rename and remove, guarded like primitives', () => {
    let sc = addShared(base()).scenario;
    expect(sc.shared).toEqual({ x: 0 });
    sc = setStepKind(sc, 0, [0], 'write').scenario;
    expect(sc.tasks[0].steps[0]).toMatchObject({ kind: 'write', var: 'x' });
    expect(removeShared(sc, 'x').notice).toMatch(/tasks\[0\]\.steps\[0\]\.var names no shared variable "x"/);
    expect(renameShared(sc, 'x', 'y').notice).toMatch(/names no shared variable "x"/);
    const two = addShared(sc).scenario;
    expect(Object.keys(two.shared!)).toEqual(['x', 'x2']);
    expect(setStepRef(two, 0, [0], 'x2').scenario.tasks[0].steps[0].var).toBe('x2');
  });

  it('an acquire’s timeout: set, cleared with null, clamped', () => {
    let sc = setTimeoutMs(locked(), 0, [0], 500).scenario;
    expect(sc.tasks[0].steps[0].timeoutMs).toBe(500);
    sc = setTimeoutMs(sc, 0, [0], null).scenario;
    expect(sc.tasks[0].steps[0]).not.toHaveProperty('timeoutMs');
    expect(setTimeoutMs(sc, 0, [0], -5).scenario.tasks[0].steps[0].timeoutMs).toBe(0);
  });

  it('joins: the choices leave out the task itself; renaming or removing a joined task is refused', () => {
    const sc = setStepKind(base(), 0, [0], 'join').scenario;
    expect(choicesFor(refsOf(sc), 'join', 'A')).toEqual(['B']);
    expect(renameTask(sc, 1, 'C').notice).toMatch(/tasks\[0\]\.steps\[0\]\.task names no task "B"/);
    expect(removeTask(sc, 1).notice).toMatch(/names no task "B"/);
  });
});

describe('step groups', () => {
  it('adds a group, steps inside it, sets its count; steps are unrolled and written kept', () => {
    let sc = addGroup(base(), 0).scenario;
    sc = addStepIn(sc, 0, 1).scenario;
    sc = setStepDuration(sc, 0, [1, 1], 5).scenario;
    sc = setRepeat(sc, 0, 1, 3).scenario;
    expect(sc.tasks[0].written).toEqual([
      { kind: 'cpu', durationMs: 10 },
      {
        repeat: 3,
        steps: [
          { kind: 'cpu', durationMs: 100 },
          { kind: 'cpu', durationMs: 5 },
        ],
      },
    ]);
    expect(sc.tasks[0].steps.map((s: Step) => s.durationMs)).toEqual([10, 100, 5, 100, 5, 100, 5]);
    expect(setRepeat(sc, 0, 1, 0).notice).toMatch(/repeats from 1/);
  });

  it('a group keeps one step; removing the group brings the task back to plain steps', () => {
    const sc = addGroup(base(), 0).scenario;
    expect(removeItem(sc, 0, [1, 0]).notice).toMatch(/remove the group instead/);
    const plain = removeItem(sc, 0, [1]).scenario;
    expect(plain.tasks[0]).not.toHaveProperty('written');
    expect(kinds(plain)).toEqual(['cpu']);
    expect(removeItem(plain, 0, [0]).notice).toBe('A task needs at least one step.');
  });

  it('a lock around a group’s step pair: acquire and release inside the group', () => {
    let sc = addSync(base(), 'lock').scenario;
    sc = addGroup(sc, 0).scenario;
    sc = addStepIn(sc, 0, 1).scenario;
    sc = addStepIn(sc, 0, 1).scenario;
    sc = setStepKind(sc, 0, [1, 0], 'acquire').scenario;
    sc = setStepKind(sc, 0, [1, 2], 'release').scenario;
    expect(kinds(sc)).toEqual(['cpu', 'acquire', 'cpu', 'release', 'acquire', 'cpu', 'release']);
  });
});

describe('arrivals', () => {
  it('sets and clears a task’s arrival and its copies’ spacing, clamped at 0', () => {
    let sc = setStartAt(base(), 0, 250).scenario;
    sc = setEvery(sc, 0, 20).scenario;
    expect(sc.tasks[0]).toMatchObject({ startAtMs: 250, everyMs: 20 });
    sc = setStartAt(sc, 0, null).scenario;
    expect(sc.tasks[0]).not.toHaveProperty('startAtMs');
    const neg = setEvery(sc, 0, -3);
    expect(neg.scenario.tasks[0]).not.toHaveProperty('everyMs');
    expect(neg.notice).toMatch(/Spacings go from 0/);
  });
});
