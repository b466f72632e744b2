import { describe, expect, it } from 'vitest';
import { parseScenario, simulate } from '../index';
import type { Scenario } from '../types';

/** Four threads each take a lock `rounds` times, computing `holdMs` inside it and nothing outside. */
function tightLoop(holdMs: number, rounds = 20): Scenario {
  return parseScenario(
    {
      id: 'tight',
      title: 'tight loop',
      machine: { cores: 2 },
      sync: { L: { type: 'lock' } },
      tasks: [
        {
          name: 'T',
          count: 4,
          steps: [
            {
              repeat: rounds,
              steps: [
                { kind: 'acquire', sync: 'L' },
                { kind: 'cpu', durationMs: holdMs },
                { kind: 'release', sync: 'L' },
              ],
            },
          ],
        },
      ],
    },
    'tight.json',
  );
}

const handoffs = (s: Scenario, model: 'threads' | 'free-threading') =>
  simulate(s, model, { trace: 'summary' }).metrics.sync!.L.handoffs;

describe('who gets a released threading.Lock', () => {
  it('with the GIL (3.11): the releasing thread takes it back, so it changes hands only as threads finish', () => {
    expect(handoffs(tightLoop(1.05), 'threads')).toBe(3);
  });

  it('free-threaded (a PyMutex): a waiter asleep on it for over 1 ms is handed it, so it changes hands nearly every round', () => {
    expect(handoffs(tightLoop(1.05), 'free-threading')).toBeGreaterThanOrEqual(75);
  });

  it('free-threaded, rounds far shorter than 1 ms: the releasing thread still takes it back until a waiter has waited 1 ms', () => {
    const n = handoffs(tightLoop(0.05), 'free-threading');
    expect(n).toBeGreaterThan(3);
    expect(n).toBeLessThan(40);
  });
});
