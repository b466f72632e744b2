import { describe, expect, it } from 'vitest';
import { layoutTimeline } from './layout';
import { activePositions, MAX_UNFOLDED, unfoldLayout, unfoldLimit, unfoldPool } from './unfold';
import { manyDownloads } from './testing/traces';

// Two thousand downloads: each runs 0.02 ms to send its request, one after another from t = 0.
const layout = layoutTimeline([manyDownloads(2000)], 'task');
const band = layout.bands[0];
const pool = band.pools[0];

describe('activePositions: the lanes doing something in a window', () => {
  it('finds the tasks running in the window, in lane order, and gives up past the limit', () => {
    // [0.03, 0.09) meets the sends of downloads 2, 3, 4 and 5 (0.02–0.04, …, 0.08–0.10).
    expect(activePositions(band, pool, { startMs: 0.03, endMs: 0.09 }, 8)).toEqual([1, 2, 3, 4]);
    expect(activePositions(band, pool, { startMs: 0.03, endMs: 0.09 }, 3)).toBeNull();
    // Half-open: a span ending at the window's start is not in it.
    expect(activePositions(band, pool, { startMs: 0.04, endMs: 0.05 }, 8)).toEqual([2]);
  });
});

describe('unfoldPool: lanes out of their groups within the same height', () => {
  for (const open of [[0], [5, 6, 7], [1, 500, 1999], [0, 1999]]) {
    it(`lanes ${open.join(', ')}: own rows in lane order, grouped rows around them, the section's height kept`, () => {
      const { rows, groups } = unfoldPool(band, pool, open);
      expect(rows.flatMap((r) => r.lanes)).toEqual(pool.lanes);
      const own = rows.filter((r) => r.unfolded);
      expect(own.map((r) => pool.lanes.indexOf(r.lanes[0]))).toEqual(open);
      for (const r of own) expect(r.h).toBeGreaterThanOrEqual(pool.laneH);
      for (const r of rows.filter((x) => !x.unfolded)) expect(r.h).toBe(pool.rowH);
      let y = pool.y;
      for (const r of rows) {
        expect(r.y).toBe(y);
        y += r.h;
      }
      expect(y).toBe(pool.y + pool.h);
      // Label groups beside the grouped runs only, counting their lanes.
      const counted = groups.reduce((n, g) => n + Number(g.label.replace(/\D/g, '') || 0), 0);
      expect(counted).toBeLessThanOrEqual(2000 - open.length);
      for (const g of groups) for (const r of own) expect(g.y + g.h <= r.y || g.y >= r.y + r.h).toBe(true);
    });
  }
});

describe('unfoldLayout', () => {
  it('the whole run stays folded: the same layout', () => {
    expect(unfoldLayout(layout, { startMs: 0, endMs: layout.domainMs })).toBe(layout);
  });
  it('a narrow window unfolds its active lanes; the same lanes give the same layout; it reads from the folded one', () => {
    const a = unfoldLayout(layout, { startMs: 0.03, endMs: 0.09 });
    expect(a).not.toBe(layout);
    expect(a.base).toBe(layout);
    expect(a.height).toBe(layout.height);
    expect(a.bands[0].rows.filter((r) => r.unfolded).map((r) => r.label)).toEqual([
      'download-2',
      'download-3',
      'download-4',
      'download-5',
    ]);
    expect(unfoldLayout(layout, { startMs: 0.031, endMs: 0.089 })).toBe(a);
    expect(unfoldLayout(a, { startMs: 0.03, endMs: 0.09 })).toBe(a);
    expect(unfoldLayout(a, { startMs: 0, endMs: 50 })).toBe(layout);
  });
  it('unfolds at most MAX_UNFOLDED lanes, and no more than half the section’s height', () => {
    expect(unfoldLimit(pool)).toBeLessThanOrEqual(MAX_UNFOLDED);
    expect(unfoldLimit(pool) * pool.laneH).toBeLessThanOrEqual(pool.h / 2);
    expect(unfoldLayout(layout, { startMs: 0, endMs: 1 })).toBe(layout);
  });
});
