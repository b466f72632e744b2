import { describe, expect, it } from 'vitest';
import { PhaseSet } from './phases';

/** The plain definition: entries sorted by phase, equal phases in the order they were added. */
class Reference {
  entries: { p: number; t: number }[] = [];
  add(p: number, t: number): void {
    let i = 0;
    while (i < this.entries.length && this.entries[i].p <= p) i++;
    this.entries.splice(i, 0, { p, t });
  }
  remove(p: number, t: number): void {
    const i = this.entries.findIndex((e) => e.p === p && e.t === t);
    if (i >= 0) this.entries.splice(i, 1);
  }
  next(p: number, period: number): [number, number] {
    const e = this.entries.find((x) => x.p > p) ?? this.entries[0];
    return [e.p > p ? e.p - p : e.p - p + period, e.t];
  }
}

/** A small deterministic generator (the test must not depend on Math.random). */
function lcg(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

describe('PhaseSet', () => {
  it('agrees with the plain sorted list through thousands of adds and removes (blocks split and empty)', () => {
    const period = 100;
    for (const seed of [1, 2, 3]) {
      const rnd = lcg(seed);
      const set = new PhaseSet();
      const ref = new Reference();
      const inSet: { p: number; t: number }[] = [];
      let nextThread = 0;
      for (let step = 0; step < 6000; step++) {
        // Grow to well past one block, then shrink back to empty, twice.
        const growing = step % 3000 < 1800;
        if (inSet.length === 0 || (growing ? rnd() < 0.8 : rnd() < 0.2)) {
          // Few distinct phases, so that equal phases are common.
          const p = Math.floor(rnd() * 40) * 2.5;
          const t = nextThread++;
          set.add(p, t);
          ref.add(p, t);
          inSet.push({ p, t });
        } else {
          const k = Math.floor(rnd() * inSet.length);
          const { p, t } = inSet[k];
          inSet.splice(k, 1);
          set.remove(p, t);
          ref.remove(p, t);
        }
        expect(set.size).toBe(ref.entries.length);
        if (ref.entries.length > 0) {
          const q = rnd() * period;
          const [delta, who] = ref.next(q, period);
          expect(set.nextDelta(q, period)).toBe(delta);
          expect(set.who).toBe(who);
        }
      }
      expect(set.size).toBe(ref.entries.length);
    }
  });

  it('ignores the removal of an entry it does not hold', () => {
    const set = new PhaseSet();
    set.add(5, 1);
    set.remove(5, 2);
    set.remove(6, 1);
    expect(set.size).toBe(1);
    expect(set.nextDelta(0, 10)).toBe(5);
    expect(set.who).toBe(1);
  });
});
