/** The core scheduler on its own: round-robin 3 ms slices only while threads outnumber cores. */
import { describe, expect, it } from 'vitest';
import { Recorder, S } from './recorder';
import { Sim } from './sim';

const MS = 1e6;

function run(cores: number, workMs: number[]) {
  const rec = new Recorder(workMs.map((_, i) => `t${i}`));
  const sim = new Sim(rec, cores, 5.1 * MS, 1e6);
  let alive = workMs.length;
  sim.driver = {
    next(th) {
      rec.taskDone(th.id, sim.now);
      sim.exit(th);
      if (--alive === 0) sim.endNs = sim.now;
    },
    timer() {},
  };
  workMs.forEach((ms, i) => {
    const th = sim.newThread('process', `p${i}`, null);
    sim.run(th, ms * MS, S.running, i, 0, false, true);
  });
  sim.runLoop();
  rec.closeAll(sim.endNs);
  return { sim, ...rec.finish() };
}

describe('Cores', () => {
  it('three 9 ms threads on 2 cores: round-robin in 3 ms slices', () => {
    // 0–3 A,B | 3–6 C,A | 6–9 B,C | 9–12 A,B (both done) | 12–15 C alone: C waits 0–3 and 9–12
    const { tasks, spans, sim } = run(2, [9, 9, 9]);
    expect(tasks.map((t) => t.endMs)).toEqual([12, 12, 15]);
    expect(spans.filter((s) => s.lane === 2 && s.state === 'wait-core').map((s) => [s.startMs, s.endMs])).toEqual([
      [0, 3],
      [9, 12],
    ]);
    expect(sim.cpuWorkNs).toBe(27 * MS);
  });

  it('no slicing (and one event per thread) while threads fit on the cores', () => {
    const { tasks, sim, spans } = run(4, [9, 7, 5]);
    expect(tasks.map((t) => t.endMs)).toEqual([9, 7, 5]);
    expect(sim.eventCount).toBe(3);
    expect(spans.some((s) => s.state === 'wait-core')).toBe(false);
  });
});
