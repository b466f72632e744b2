/**
 * The ten-thousand-task figure seen through a narrow window: its lanes are grouped many to a row, and the
 * one task whose reply the loop is parsing must still be drawn as itself, findable by a click.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseScenario, simulate } from '../sim';
import { layoutTimeline } from './layout';
import { buildScene, hitTest } from './scene';

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

  it('in a 1 ms window the parsing task’s 0.2 ms of Python is drawn as itself, over the summary', () => {
    const mid = (parse.startMs + parse.endMs) / 2;
    const scene = buildScene(layout, { startMs: mid - 0.5, endMs: mid + 0.5 }, 960);
    const row = scene.rows.find((r) => r.row.lanes.includes(parse.lane))!;
    const idx = band.ix.spans.indexOf(parse);
    const shape = row.shapes.find((s) => s.span === idx);
    expect(shape).toBeDefined();
    expect(shape!.state).toBe('running');
    // About 0.2 ms of a 1 ms window over 960 px (less the pixel left before a neighbour's span).
    const px = (parse.endMs - parse.startMs) * 960;
    expect(shape!.x1 - shape!.x0).toBeLessThanOrEqual(px + 1e-6);
    expect(shape!.x1 - shape!.x0).toBeGreaterThanOrEqual(px - 1.001);
    expect(shape!.x1 - shape!.x0).toBeGreaterThan(180);
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
    const scene = buildScene(layout, { startMs: mid - 0.5, endMs: mid + 0.5 }, 960, { shapes: false });
    const row = band.rows.find((r) => r.lanes.includes(parse.lane))!;
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
