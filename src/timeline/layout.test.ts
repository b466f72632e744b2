import { describe, expect, it } from 'vitest';
import { lanesForView, layoutTimeline, rowAtY, LABEL_MIN_ROW, LAYOUT_DEFAULTS } from './layout';
import { manyDownloads, sequentialTwo, threadsTwo, threeSleeps } from './testing/traces';

describe('lanesForView', () => {
  it('task view lists the GIL lane first, then one lane per task', () => {
    const t = threadsTwo();
    expect(lanesForView(t, 'task').map((l) => t.lanes[l].label)).toEqual(['GIL', 'A', 'B']);
  });
  it('worker view lists the GIL, thread and core lanes and no task lanes', () => {
    const t = threadsTwo();
    const kinds = lanesForView(t, 'worker').map((l) => t.lanes[l].kind);
    expect(kinds).toEqual(['gil', 'thread', 'thread', 'core', 'core']);
  });
  it('worker view of asyncio shows the event loop', () => {
    const t = threeSleeps();
    expect(lanesForView(t, 'worker').map((l) => t.lanes[l].kind)).toEqual(['loop']);
  });
});

describe('layoutTimeline', () => {
  it('gives each lane a full-height row under a header', () => {
    const l = layoutTimeline([threeSleeps()], 'task');
    const band = l.bands[0];
    expect(band.rows.map((r) => r.label)).toEqual(['A', 'B', 'C']);
    expect(band.rows[0].y).toBe(LAYOUT_DEFAULTS.headerHeight);
    expect(band.rows[1].y - band.rows[0].y).toBe(LAYOUT_DEFAULTS.laneHeight);
    expect(l.height).toBe(LAYOUT_DEFAULTS.headerHeight + 3 * LAYOUT_DEFAULTS.laneHeight);
    expect(l.large).toBe(false);
  });
  it('stacks compared traces on one shared time domain', () => {
    const seq = sequentialTwo();
    const thr = threadsTwo();
    const l = layoutTimeline([seq, thr], 'task');
    expect(l.bands).toHaveLength(2);
    expect(l.domainMs).toBe(42);
    expect(l.bands[1].y).toBe(l.bands[0].h + LAYOUT_DEFAULTS.bandGap);
    expect(l.height).toBe(l.bands[1].y + l.bands[1].h);
  });
  it('groups 10 000 task lanes into rows within the height budget', () => {
    const l = layoutTimeline([manyDownloads(10000)], 'task');
    const band = l.bands[0];
    expect(l.large).toBe(true);
    expect(band.h - band.headerH).toBeLessThanOrEqual(LAYOUT_DEFAULTS.maxBandHeight);
    expect(band.rows.every((r) => r.h >= LAYOUT_DEFAULTS.minRowHeight)).toBe(true);
    expect(band.rows.reduce((n, r) => n + r.lanes.length, 0)).toBe(10000);
    expect(band.groups.map((g) => g.label)).toEqual(['10\u00a0000 tasks']);
  });
  it('records the grouped section (its rows, their height, a lane’s height) for unfolding', () => {
    const band = layoutTimeline([manyDownloads(10000)], 'task').bands[0];
    expect(band.pools).toHaveLength(1);
    const [pool] = band.pools;
    expect(pool.lanes).toHaveLength(10000);
    expect(pool.firstRow).toBe(0);
    expect(pool.rowCount).toBe(band.rows.length);
    expect(pool.y).toBe(band.rows[0].y);
    expect(pool.h).toBe(band.rows.reduce((n, r) => n + r.h, 0));
    expect(pool.rowH).toBe(LAYOUT_DEFAULTS.minRowHeight);
    expect(pool.laneH).toBe(LAYOUT_DEFAULTS.laneHeight);
    expect(layoutTimeline([threeSleeps()], 'task').bands[0].pools).toEqual([]);
  });
  it('depends only on the lane count, so it is identical on server and client', () => {
    expect(layoutTimeline([threadsTwo()], 'worker')).toEqual(layoutTimeline([threadsTwo()], 'worker'));
  });
});

describe('rowAtY', () => {
  it('finds the row under a y coordinate', () => {
    const l = layoutTimeline([threeSleeps()], 'task');
    const r = l.bands[0].rows[1];
    expect(rowAtY(l, r.y + 1)?.row.label).toBe('B');
    expect(rowAtY(l, 1)).toBeNull();
  });
});

describe('layoutTimeline: stacked bands within one height', () => {
  it('bands of many thin rows share the stack height instead of each taking its own maximum', () => {
    const l = layoutTimeline([manyDownloads(50), manyDownloads(50), manyDownloads(50)], 'task');
    expect(l.height).toBeLessThanOrEqual(LAYOUT_DEFAULTS.maxStackHeight);
    for (const band of l.bands) expect(band.rows.reduce((n, r) => n + r.lanes.length, 0)).toBe(50);
  });
  it('labelled rows stay labelled: ten lanes a band keep rows of a label’s height', () => {
    const l = layoutTimeline([manyDownloads(10), manyDownloads(10), manyDownloads(10), manyDownloads(10)], 'task');
    for (const band of l.bands) for (const r of band.rows) expect(r.h).toBeGreaterThanOrEqual(LABEL_MIN_ROW);
    expect(l.bands[0].rows[0].h).toBeLessThan(LAYOUT_DEFAULTS.laneHeight);
  });
  it('a stack that fits is left as it is', () => {
    const l = layoutTimeline([sequentialTwo(), threadsTwo()], 'task');
    for (const band of l.bands) for (const r of band.rows) expect(r.h).toBe(LAYOUT_DEFAULTS.laneHeight);
  });
});
