import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EventHeap } from './heap';

describe('EventHeap', () => {
  it('pops by time, then in scheduling order for equal times', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 20 }), { maxLength: 300 }), (times) => {
        const h = new EventHeap(4);
        times.forEach((t, i) => h.push(t, 1, i, 0));
        const out: [number, number][] = [];
        while (h.pop()) out.push([h.topTime, h.topA]);
        const expected = times.map((t, i) => [t, i] as [number, number]).sort((a, b) => a[0] - b[0] || a[1] - b[1]);
        expect(out).toEqual(expected);
      }),
      { numRuns: 1000 },
    );
  });

  it('keeps that order when pushes and pops interleave', () => {
    // Each entry: a time to push, or null to pop; the model is a sorted list.
    const op = fc.option(fc.integer({ min: 0, max: 30 }), { nil: null, freq: 3 });
    fc.assert(
      fc.property(fc.array(op, { maxLength: 400 }), (ops) => {
        const h = new EventHeap(2);
        const model: [number, number][] = [];
        ops.forEach((t, i) => {
          if (t !== null) {
            h.push(t, 1, i, 0);
            model.push([t, i]);
            model.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
          } else if (model.length > 0) {
            expect(h.pop()).toBe(true);
            expect([h.topTime, h.topA]).toEqual(model.shift());
          } else expect(h.pop()).toBe(false);
          expect(h.size).toBe(model.length);
        });
      }),
      { numRuns: 500 },
    );
  });
});
