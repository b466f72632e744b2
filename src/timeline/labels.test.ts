import { describe, expect, it } from 'vitest';
import { bandSummary, speedupText } from './labels';
import { PALETTE, STATE_ORDER, statesPresent } from './palette';
import { SPAN_STATES } from '../sim/types';
import { sequentialTwo, threadsTwo } from './testing/traces';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseScenario, simulate } from '../sim';
import { readoutsAt } from './readouts';
import { indexTrace } from './traceIndex';
import { formatTime } from './scale';

describe('speedupText', () => {
  it('speedupText(3000, 6000) is "2.0× faster than sequential"', () =>
    expect(speedupText(3000, 6000)).toBe('2.0× faster than sequential'));
  it('says slower when slower', () => expect(speedupText(4000, 3000)).toBe('1.3× slower than sequential'));
  it('says "as fast" within half a percent', () => expect(speedupText(2200.168, 2200)).toBe('as fast as sequential'));
  it('groups big ratios', () => expect(speedupText(1, 12345)).toBe('12\u00a0345× faster than sequential'));
});

describe('bandSummary', () => {
  it('reads "Threads (GIL) · 42.0 ms · 1.1× slower than sequential"', () => {
    expect(bandSummary(threadsTwo(), 40).text).toBe('Threads (GIL) · 42.0 ms · 1.1× slower than sequential');
  });
  it('gives no speed-up for the sequential band itself', () => {
    expect(bandSummary(sequentialTwo(), 40).text).toBe('Sequential · 40.0 ms');
  });
});

describe('PALETTE', () => {
  it('covers every span state with a distinct label and a distinct colour + pattern pair', () => {
    expect([...STATE_ORDER].sort()).toEqual([...SPAN_STATES].sort());
    const labels = new Set(STATE_ORDER.map((s) => PALETTE[s].label));
    expect(labels.size).toBe(STATE_ORDER.length);
    const pairs = new Set(STATE_ORDER.map((s) => `${PALETTE[s].light}/${PALETTE[s].pattern}`));
    expect(pairs.size).toBe(STATE_ORDER.length);
  });
  it('statesPresent lists only the states that occur, in legend order', () => {
    expect(statesPresent(threadsTwo().spans)).toEqual(['running', 'held', 'io', 'wait-gil', 'starting']);
  });
});

describe('a run that stopped in a deadlock', () => {
  const file = resolve(import.meta.dirname, '../../content/scenarios/coord-deadlock.json');
  const scenario = parseScenario(JSON.parse(readFileSync(file, 'utf8')), 'coord-deadlock.json');
  const trace = simulate(scenario, 'threads');

  it('says where it deadlocked in its header, not how much faster it was', () => {
    expect(trace.metrics.deadlock).not.toBeNull();
    const { speedup } = bandSummary(trace, trace.makespanMs * 4);
    expect(speedup).toBe(`deadlocked at ${formatTime(trace.metrics.deadlock!.atMs)}`);
  });

  it('counts none of its unfinished tasks as done', () => {
    const r = readoutsAt(indexTrace(trace), trace.makespanMs);
    expect(r.done).toBe(trace.tasks.filter((t) => !t.unfinished).length);
    expect(r.done).toBeLessThan(r.total);
  });
});
