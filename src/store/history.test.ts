import { describe, expect, it } from 'vitest';
import { simulate, SimulationError } from '../sim';
import type { ModelId, Scenario } from '../sim/types';
import { createTimelineStore, type SimulateFn } from './timelineStore';
import { apply, isEdited, redo, reset, undo } from './history';
import { sessionOf } from './session';

const base: Scenario = {
  id: 'two',
  title: 'Two sleeps',
  machine: { cores: 2 },
  tasks: [
    { name: 'A', steps: [{ kind: 'io', durationMs: 2000 }] },
    { name: 'B', steps: [{ kind: 'io', durationMs: 1000 }] },
  ],
};

const withA = (ms: number): Scenario => ({
  ...base,
  tasks: [{ name: 'A', steps: [{ kind: 'io', durationMs: ms }] }, base.tasks[1]],
});

function make(sim: SimulateFn = simulate) {
  return createTimelineStore({ scenario: base, models: ['sequential', 'threads'] as ModelId[], simulate: sim });
}

const total = (store: ReturnType<typeof make>) => store.getState().domainMs;

describe('edit history', () => {
  it('applies an edit at once: new traces, revision bumped, undo step recorded', () => {
    const store = make();
    const rev = store.getState().revision;
    expect(total(store)).toBeCloseTo(3000, 0);
    expect(apply(store, { scenario: withA(5000) })).toBe(true);
    expect(total(store)).toBeCloseTo(6000, 0);
    expect(store.getState().revision).toBe(rev + 1);
    expect(sessionOf(store).getState().past).toHaveLength(1);
    expect(isEdited(store)).toBe(true);
  });

  it('undo and redo walk the history; a new edit clears redo', () => {
    const store = make();
    apply(store, { scenario: withA(5000) });
    apply(store, { scenario: withA(7000) });
    undo(store);
    expect(total(store)).toBeCloseTo(6000, 0);
    undo(store);
    expect(store.getState().scenario).toBe(base);
    expect(isEdited(store)).toBe(false);
    undo(store); // nothing left: no change
    expect(store.getState().scenario).toBe(base);
    redo(store);
    expect(total(store)).toBeCloseTo(6000, 0);
    apply(store, { scenario: withA(1000) });
    expect(sessionOf(store).getState().future).toEqual([]);
  });

  it('edits of one group less than a second apart are one undo step', () => {
    const store = make();
    apply(store, { scenario: withA(2100) }, { group: 'a' }, 1000);
    apply(store, { scenario: withA(2200) }, { group: 'a' }, 1500);
    apply(store, { scenario: withA(2300) }, { group: 'a' }, 2000);
    apply(store, { scenario: withA(2400) }, { group: 'a' }, 3500);
    expect(sessionOf(store).getState().past).toHaveLength(2);
    undo(store);
    expect(store.getState().scenario?.tasks[0].steps[0].durationMs).toBe(2300);
  });

  it('reset goes back to the article’s workload and models, as an undo step', () => {
    const store = make();
    apply(store, { scenario: withA(5000), models: ['asyncio'] });
    reset(store);
    expect(store.getState().scenario).toBe(base);
    expect(store.getState().models).toEqual(['sequential', 'threads']);
    undo(store);
    expect(store.getState().models).toEqual(['asyncio']);
  });

  it('a workload that cannot be simulated leaves everything as it was and says why', () => {
    let fail = false;
    const store = make((s, m, o) => {
      if (fail) throw new SimulationError('event cap reached');
      return simulate(s, m, o);
    });
    fail = true;
    expect(apply(store, { scenario: withA(5000) })).toBe(false);
    expect(store.getState().scenario).toBe(base);
    expect(sessionOf(store).getState().past).toEqual([]);
    expect(sessionOf(store).getState().notice?.text).toContain('event cap reached');
  });

  it('a clamp message shows with the edit; sticky notices survive edits, others clear', () => {
    const store = make();
    apply(store, { scenario: withA(60000) }, { notice: 'set to 60 s' });
    expect(sessionOf(store).getState().notice).toEqual({ text: 'set to 60 s', tone: 'info' });
    apply(store, { scenario: withA(1) });
    expect(sessionOf(store).getState().notice).toBeNull();
    sessionOf(store).setState({ notice: { text: 'bad link', tone: 'error', sticky: true } });
    apply(store, { scenario: withA(2) });
    expect(sessionOf(store).getState().notice?.text).toBe('bad link');
  });

  it('restoring (record: false) is not an undo step', () => {
    const store = make();
    apply(store, { scenario: withA(4000) }, { record: false });
    expect(sessionOf(store).getState().past).toEqual([]);
    expect(isEdited(store)).toBe(true);
  });
});
