/**
 * The GIL on its own, driven by a scripted model: exact drop-request times.
 * Waits are interval + overshoot = 5 + 0.1 = 5.1 ms.
 */
import { describe, expect, it } from 'vitest';
import { Recorder, S } from './recorder';
import { Sim } from './sim';
import type { SimThread } from './thread';

const MS = 1e6;

/** Runs scripted threads: each gets its ops in order ('cpu' needs the GIL), starting at its start time. */
function runScript(script: { start: number; ops: ['cpu' | 'io', number][] }[]) {
  const rec = new Recorder(script.map((_, i) => `t${i}`));
  const sim = new Sim(rec, 8, 5.1 * MS, 1e6);
  const gil = sim.newGil('GIL');
  const threads: SimThread[] = script.map((_, i) => sim.newThread('thread', `thread ${i}`, gil));
  let alive = script.length;
  sim.driver = {
    next(th) {
      const s = script[th.id];
      if (th.stepIdx < s.ops.length) {
        const [kind, ms] = s.ops[th.stepIdx];
        const k = th.stepIdx++;
        if (kind === 'cpu') sim.run(th, ms * MS, S.running, th.id, k, true, true);
        else sim.wait(th, ms * MS, S.io, th.id, k);
        return;
      }
      rec.taskDone(th.id, sim.now);
      sim.exit(th);
      if (--alive === 0) sim.endNs = sim.now;
    },
    timer(_kind, i) {
      sim.driver.next(threads[i]);
    },
  };
  // each thread gets its first op when its start timer fires
  script.forEach((s, i) => sim.timer(s.start * MS, 0, i));
  sim.runLoop();
  rec.closeAll(sim.endNs);
  const { events } = rec.finish();
  return { sim, events };
}

describe('Gil', () => {
  it('a waiter that saw a hand-off asks at its second timeout after it; a new waiter one wait after arriving', () => {
    const { events, sim } = runScript([
      {
        start: 0,
        ops: [
          ['cpu', 3],
          ['io', 100],
        ],
      }, // A holds 0–3, then sleeps
      { start: 1, ops: [['cpu', 50]] }, // B waits from 1 and gets the GIL at 3 (FIFO)
      { start: 2, ops: [['cpu', 50]] }, // C waits from 2: timeouts at 7.1 (sees the switch) and 12.2
    ]);
    const requests = events.filter((e) => e.kind === 'gil-drop-request').map((e) => e.timeMs);
    // 12.2: C's request (B drops, C takes, B waits from 12.2); 17.3: B's request one wait later; …
    expect(requests[0]).toBeCloseTo(12.2, 9);
    expect(requests[1]).toBeCloseTo(17.3, 9);
    expect(requests[2]).toBeCloseTo(22.4, 9);
    const handoffs = events.filter((e) => e.kind === 'gil-handoff').map((e) => e.timeMs);
    expect(handoffs.slice(0, 3).map((t) => Math.round(t * 1e6) / 1e6)).toEqual([3, 12.2, 17.3]);
    expect(sim.gilSwitches).toBe(handoffs.length);
  });

  it('without a hand-off, the first waiter asks one wait after it arrived', () => {
    const { events } = runScript([
      { start: 0, ops: [['cpu', 20]] },
      { start: 1.5, ops: [['cpu', 1]] },
    ]);
    const requests = events.filter((e) => e.kind === 'gil-drop-request').map((e) => e.timeMs);
    expect(requests[0]).toBeCloseTo(6.6, 9);
  });
});
