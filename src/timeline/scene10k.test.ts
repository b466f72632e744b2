/**
 * The ten-thousand-task figure seen through a narrow window: its lanes are grouped many to a row, and the
 * one task whose reply the loop is parsing must still be drawn as itself, findable by a click.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseScenario, simulate } from '../sim';
import { layoutTimeline, LAYOUT_DEFAULTS } from './layout';
import { buildScene, hitTest } from './scene';
import { isForeground } from './lod';
import { MAX_UNFOLDED } from './unfold';
import { cursorTarget, moveCursor, nearestInRow } from './cursor';

const file = join(import.meta.dirname, '../../content/scenarios/asyncio-10k-downloads.json');
const trace = simulate(parseScenario(JSON.parse(readFileSync(file, 'utf8')), 'asyncio-10k-downloads.json'), 'asyncio');
const layout = layoutTimeline([trace], 'task');
const band = layout.bands[0];

/** A "quick" download's parse (0.2 ms of Python) some way into the run. */
const parse = band.ix.spans.find(
  (s) => s.state === 'running' && s.startMs > 500 && Math.abs(s.endMs - s.startMs - 0.2) < 0.01,
)!;

describe('buildScene: ten thousand grouped tasks at a narrow window', () => {
  it('groups the tasks many to a row', () => {
    expect(parse).toBeDefined();
    const row = band.rows.find((r) => r.lanes.includes(parse.lane))!;
    expect(row.grouped).toBe(true);
    expect(row.lanes.length).toBeGreaterThan(20);
  });

  it('at the whole run no single parse is drawn: each is far below a pixel', () => {
    const scene = buildScene(layout, { startMs: 0, endMs: layout.domainMs }, 960);
    const exact = scene.rows.flatMap((r) => r.shapes).filter((s) => s.span >= 0 && s.state === 'running');
    expect(exact).toHaveLength(0);
  });

  it('in a 4 ms window (too many tasks active to unfold) the parse is drawn as itself, over the summary', () => {
    const mid = (parse.startMs + parse.endMs) / 2;
    const scene = buildScene(layout, { startMs: mid - 2, endMs: mid + 2 }, 960);
    const row = scene.rows.find((r) => r.row.lanes.includes(parse.lane))!;
    expect(row.row.grouped).toBe(true);
    const idx = band.ix.spans.indexOf(parse);
    const shape = row.shapes.find((s) => s.span === idx);
    expect(shape).toBeDefined();
    expect(shape!.state).toBe('running');
    // About 0.2 ms of a 4 ms window over 960 px (less the pixel left before a neighbour's span).
    const px = ((parse.endMs - parse.startMs) * 960) / 4;
    expect(shape!.x1 - shape!.x0).toBeLessThanOrEqual(px + 1e-6);
    expect(shape!.x1 - shape!.x0).toBeGreaterThanOrEqual(px - 1.001);
    expect(shape!.x1 - shape!.x0).toBeGreaterThan(45);
    // It is drawn after (over) the row's summary shapes, which show the waits.
    expect(row.shapes.indexOf(shape!)).toBeGreaterThan(0);
    expect(row.shapes.some((s) => s.span < 0 && s.state !== 'running')).toBe(true);
    // A click on it finds that task's span, not a waiting neighbour in the same row.
    const hit = hitTest(scene, (shape!.x0 + shape!.x1) / 2, row.row.y + row.row.h / 2);
    expect(hit?.span).toBe(idx);
  });
});

describe('hitTest: ten thousand grouped tasks without drawn shapes (the Canvas view)', () => {
  it('finds the parsing task in its grouped row from the layout and window alone', () => {
    const mid = (parse.startMs + parse.endMs) / 2;
    const scene = buildScene(layout, { startMs: mid - 2, endMs: mid + 2 }, 960, { shapes: false });
    const row = band.rows.find((r) => r.lanes.includes(parse.lane))!;
    expect(scene.layout).toBe(layout);
    expect(hitTest(scene, 480, row.y + row.h / 2)?.span).toBe(band.ix.spans.indexOf(parse));
  });
});

describe('lodForeground: tasks of one group handled one after another', () => {
  it('keeps a pixel between neighbouring spans, so that each reads as its own', () => {
    const mid = (parse.startMs + parse.endMs) / 2;
    const scene = buildScene(layout, { startMs: mid - 2, endMs: mid + 2 }, 960);
    const exact = scene.rows.flatMap((r) => r.shapes.filter((s) => s.span >= 0).sort((a, b) => a.x0 - b.x0));
    expect(exact.length).toBeGreaterThan(2);
    for (const r of scene.rows) {
      const shapes = r.shapes.filter((s) => s.span >= 0).sort((a, b) => a.x0 - b.x0);
      for (let k = 0; k + 1 < shapes.length; k++) expect(shapes[k + 1].x0 - shapes[k].x1).toBeGreaterThanOrEqual(0.999);
    }
  });
});

describe('buildScene: the tasks active in a narrow window come out of their groups', () => {
  const mid = (parse.startMs + parse.endMs) / 2;
  const narrow = buildScene(layout, { startMs: mid - 0.5, endMs: mid + 0.5 }, 960);
  const rows = narrow.layout.bands[0].rows;
  const own = rows.find((r) => r.lanes.includes(parse.lane))!;

  it('the parsing task gets a lane of its own: labelled, a full lane high, its spans exact', () => {
    expect(own.grouped).toBe(false);
    expect(own.unfolded).toBe(true);
    expect(own.lanes).toEqual([parse.lane]);
    expect(own.label).toBe(trace.lanes[parse.lane].label);
    expect(own.h).toBeGreaterThanOrEqual(LAYOUT_DEFAULTS.laneHeight);
    const shapes = narrow.rows.find((r) => r.row === own)!.shapes;
    expect(shapes.every((s) => s.span >= 0 && s.density === 1)).toBe(true);
    expect(shapes.map((s) => band.ix.spans[s.span])).toContain(parse);
  });

  it('every lane active in view is unfolded, at most MAX_UNFOLDED of them, in lane order', () => {
    const unfolded = rows.filter((r) => r.unfolded);
    const pooled = new Set(band.pools[0].lanes);
    const active = new Set(
      band.ix.spans
        .filter((s) => pooled.has(s.lane))
        .filter((s) => isForeground(s.state) && s.startMs < mid + 0.5 && s.endMs > mid - 0.5 && s.endMs > s.startMs)
        .map((s) => s.lane),
    );
    expect(new Set(unfolded.map((r) => r.lanes[0]))).toEqual(active);
    expect(unfolded.length).toBeLessThanOrEqual(MAX_UNFOLDED);
    const order = rows.flatMap((r) => r.lanes);
    expect(order).toEqual(band.rows.flatMap((r) => r.lanes));
  });

  it('keeps the figure’s height: rows tile the band without gaps, and the rows above stay in place', () => {
    expect(narrow.layout.height).toBe(layout.height);
    const pool = band.pools[0];
    let y = pool.y;
    for (const r of rows) {
      expect(r.y).toBe(y);
      y += r.h;
    }
    expect(y).toBe(pool.y + pool.h);
    const first = rows.findIndex((r) => r.unfolded);
    for (let i = 0; i < first; i++) expect(rows[i].y).toBe(band.rows[i].y);
  });

  it('folds back as the window widens, to the very same layout', () => {
    const wide = buildScene(layout, { startMs: mid - 10, endMs: mid + 10 }, 960);
    expect(wide.layout).toBe(layout);
    const again = buildScene(layout, { startMs: mid - 0.5, endMs: mid + 0.5 }, 640);
    expect(again.layout).toBe(narrow.layout);
  });

  it('hit-testing and the keyboard cursor read the unfolded rows', () => {
    const shape = narrow.rows.find((r) => r.row === own)!.shapes.find((s) => band.ix.spans[s.span] === parse)!;
    const hit = hitTest(narrow, (shape.x0 + shape.x1) / 2, own.y + own.h / 2);
    expect(hit?.span).toBe(band.ix.spans.indexOf(parse));
    expect(hit?.y).toBe(own.y);
    const r = rows.indexOf(own);
    const c = nearestInRow(narrow.layout, 0, r, mid)!;
    expect(c.lane).toBe(parse.lane);
    expect(cursorTarget(narrow.layout, c, narrow.window).y).toBe(own.y);
    // Down from the lane above reaches it.
    const above = nearestInRow(narrow.layout, 0, r - 1, mid)!;
    expect(moveCursor(narrow.layout, above, 'ArrowDown')?.row).toBe(r);
  });

  it('label groups stand beside the runs of grouped lanes around the unfolded ones', () => {
    const groups = narrow.layout.bands[0].groups;
    const unfolded = rows.filter((r) => r.unfolded);
    for (const g of groups) for (const u of unfolded) expect(g.y + g.h <= u.y || g.y >= u.y + u.h).toBe(true);
    const grouped = rows.filter((r) => !r.unfolded).reduce((n, r) => n + r.lanes.length, 0);
    const counted = groups.map((g) => g.label).filter(Boolean);
    expect(counted.length).toBeGreaterThan(0);
    expect(grouped).toBe(10000 - unfolded.length);
  });
});
