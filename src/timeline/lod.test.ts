import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { Span, SpanState } from '../sim/types';
import { lodGroup, lodLane, type LodShape } from './lod';

const STATES: SpanState[] = ['running', 'io', 'wait-gil', 'native'];

function laneFrom(durations: { d: number; gap: number; s: number }[]): Span[] {
  let t = 0;
  return durations.map(({ d, gap, s }) => {
    t += gap;
    const span: Span = { lane: 0, startMs: t, endMs: t + d, state: STATES[s], task: 0, step: 0, worker: -1 };
    t += d;
    return span;
  });
}

function maxShapesPerColumn(shapes: LodShape[]): number {
  const counts = new Map<number, number>();
  for (const sh of shapes) {
    const c0 = Math.floor(sh.x0);
    const c1 = Math.max(c0 + 1, Math.ceil(sh.x1));
    for (let c = c0; c < c1; c++) counts.set(c, (counts.get(c) ?? 0) + 1);
  }
  return Math.max(0, ...counts.values());
}

const total = (xs: { coveredMs: number }[]) => xs.reduce((n, x) => n + x.coveredMs, 0);
const spanTotal = (xs: Span[]) => xs.reduce((n, s) => n + (s.endMs - s.startMs), 0);

const laneArb = fc.array(
  fc.record({
    d: fc.oneof(fc.double({ min: 0, max: 0.5, noNaN: true }), fc.double({ min: 0, max: 30, noNaN: true })),
    gap: fc.oneof(fc.constant(0), fc.double({ min: 0, max: 3, noNaN: true })),
    s: fc.integer({ min: 0, max: STATES.length - 1 }),
  }),
  { maxLength: 300 },
);

describe('lodLane', () => {
  it('keeps spans a pixel or wider exact', () => {
    const spans = laneFrom([
      { d: 10, gap: 0, s: 0 },
      { d: 20, gap: 5, s: 1 },
    ]);
    const shapes = lodLane(spans, 0, spans.length, 1);
    expect(shapes.map((s) => [s.x0, s.x1, s.state, s.span])).toEqual([
      [0, 10, 'running', 0],
      [15, 35, 'io', 1],
    ]);
  });
  it('merges a run of sub-pixel spans into one shape of the dominant state', () => {
    const spans = laneFrom([
      { d: 0.1, gap: 0, s: 0 },
      { d: 0.3, gap: 0, s: 1 },
      { d: 0.1, gap: 0, s: 0 },
    ]);
    const shapes = lodLane(spans, 0, spans.length, 1);
    expect(shapes).toHaveLength(1);
    expect(shapes[0]).toMatchObject({ state: 'io', count: 3, span: -1 });
    expect(shapes[0].coveredMs).toBeCloseTo(0.5);
  });
  it('never draws more than two shapes per lane per pixel column (property)', () => {
    fc.assert(
      fc.property(laneArb, fc.double({ min: 0.05, max: 4, noNaN: true }), (ds, pxPerMs) => {
        const spans = laneFrom(ds);
        expect(maxShapesPerColumn(lodLane(spans, 0, spans.length, pxPerMs))).toBeLessThanOrEqual(2);
      }),
    );
  });
  it('keeps the covered time: merged coverage equals original coverage (property)', () => {
    fc.assert(
      fc.property(laneArb, fc.double({ min: 0.05, max: 4, noNaN: true }), (ds, pxPerMs) => {
        const spans = laneFrom(ds);
        const shapes = lodLane(spans, 0, spans.length, pxPerMs);
        expect(total(shapes)).toBeCloseTo(spanTotal(spans), 6);
        // Every original span lies inside exactly one shape.
        for (const s of spans) {
          const inside = shapes.filter((sh) => sh.startMs <= s.startMs && s.endMs <= sh.endMs);
          expect(inside.length).toBeGreaterThanOrEqual(1);
        }
      }),
    );
  });
});

describe('lodGroup', () => {
  it('summarises many lanes as at most one shape per pixel column and keeps coverage', () => {
    const lanes: Span[][] = [];
    for (let l = 0; l < 50; l++)
      lanes.push(
        laneFrom([
          { d: 3 + (l % 7), gap: l % 5, s: l % 2 },
          { d: 40, gap: 0.5, s: 1 },
        ]).map((s) => ({ ...s, lane: l })),
      );
    const all = lanes.flat();
    const ranges: [number, number][] = [];
    let k = 0;
    for (const ls of lanes) {
      ranges.push([k, k + ls.length]);
      k += ls.length;
    }
    const shapes = lodGroup(all, ranges, 2, 200);
    expect(maxShapesPerColumn(shapes)).toBeLessThanOrEqual(1);
    expect(total(shapes)).toBeCloseTo(spanTotal(all), 6);
    expect(shapes.every((s) => s.density > 0 && s.density <= 1 + 1e-9)).toBe(true);
  });

  it('gives the same answer when called again (scratch buffers are cleaned), for random rows (property)', () => {
    fc.assert(
      fc.property(
        fc.array(laneArb, { minLength: 1, maxLength: 8 }),
        fc.integer({ min: 20, max: 300 }),
        (lanes, width) => {
          const all: Span[] = [];
          const ranges: [number, number][] = [];
          for (const ds of lanes) {
            const spans = laneFrom(ds);
            ranges.push([all.length, all.length + spans.length]);
            all.push(...spans);
          }
          const end = Math.max(1, ...all.map((s) => s.endMs));
          const a = lodGroup(all, ranges, width / end, width);
          const b = lodGroup(all, ranges, width / end, width);
          expect(b).toEqual(a);
          expect(total(a)).toBeCloseTo(spanTotal(all), 4);
          expect(maxShapesPerColumn(a)).toBeLessThanOrEqual(1);
        },
      ),
      { numRuns: 60 },
    );
  });
});
