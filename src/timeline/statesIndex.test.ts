import { describe, expect, it } from 'vitest';
import type { SpanState } from '../sim/types';
import { layoutTimeline } from './layout';
import { addStatesIn } from './statesIndex';
import { manyDownloads, threadsTwo } from './testing/traces';

/** The states with time in [a, b) on the rows' lanes, span by span. */
function bruteForce(layout: ReturnType<typeof layoutTimeline>, a: number, b: number): Set<SpanState> {
  const seen = new Set<SpanState>();
  for (const band of layout.bands)
    for (const row of band.rows)
      for (const l of row.lanes)
        for (let i = band.ix.laneStart[l]; i < band.ix.laneStart[l + 1]; i++) {
          const s = band.ix.spans[i];
          if (s.endMs > a && s.startMs < b) seen.add(s.state);
        }
  return seen;
}

describe('addStatesIn', () => {
  it('finds the states with time in a window as a pass over every span does', () => {
    for (const layout of [layoutTimeline([threadsTwo()], 'task'), layoutTimeline([manyDownloads(300)], 'task')]) {
      const D = layout.domainMs;
      for (let k = 0; k < 200; k++) {
        // Windows of every width, some of them between two spans.
        const a = (((k * 7919) % 1000) / 1000) * D;
        const b = Math.min(D, a + D * Math.pow(((k * 104729) % 1000) / 1000, 3));
        const seen = new Set<SpanState>();
        for (const band of layout.bands) addStatesIn(band.ix.spans, band.ix.laneStart, band.rows, a, b, seen);
        expect([...seen].sort()).toEqual([...bruteForce(layout, a, b)].sort());
      }
    }
  });

  it('looks only at the lanes of the rows it is given', () => {
    const layout = layoutTimeline([threadsTwo()], 'task');
    const band = layout.bands[0];
    const all = new Set<SpanState>();
    addStatesIn(band.ix.spans, band.ix.laneStart, band.rows, 0, layout.domainMs, all);
    const first = new Set<SpanState>();
    addStatesIn(band.ix.spans, band.ix.laneStart, band.rows.slice(0, 1), 0, layout.domainMs, first);
    const lane = band.rows[0].lanes[0];
    const own = new Set(band.ix.spans.slice(band.ix.laneStart[lane], band.ix.laneStart[lane + 1]).map((s) => s.state));
    expect(first).toEqual(own);
    expect(all.size).toBeGreaterThanOrEqual(first.size);
  });
});
