import { describe, expect, it } from 'vitest';
import type { Span, Trace } from '../sim/types';
import { layoutTimeline } from './layout';
import { buildScene, hitTest, pctOf, statesInWindow } from './scene';
import { bandFlows, flowKind } from './flows';
import { makeTrace, manyDownloads, threadsTwo } from './testing/traces';

/** Two threads trading the GIL every `sliceMs` for `n` slices, with a GIL lane and hand-off events. */
function gilPingPong(n: number, sliceMs: number): Trace {
  const a: [Span['state'], number, number][] = [];
  const b: [Span['state'], number, number][] = [];
  for (let i = 0; i < n; i++) {
    const s = i * sliceMs;
    const e = s + sliceMs;
    (i % 2 === 0 ? a : b).push(['running', s, e]);
    (i % 2 === 0 ? b : a).push(['wait-gil', s, e]);
  }
  const held: [Span['state'], number, number, number][] = [];
  for (let i = 0; i < n; i++) held.push(['held', i * sliceMs, (i + 1) * sliceMs, i % 2]);
  const events = [];
  for (let i = 1; i < n; i++)
    events.push({ timeMs: i * sliceMs, kind: 'gil-handoff' as const, task: i % 2, lane: 0, fromTask: (i - 1) % 2 });
  const trace = makeTrace({
    model: 'threads',
    workers: [{ kind: 'gil', label: 'GIL', spans: held }],
    tasks: [
      { name: 'A', spans: a },
      { name: 'B', spans: b },
    ],
    events,
  });
  return trace;
}

describe('buildScene: positions', () => {
  it('maps the window onto the plot width: its start at 0 px, its end at the width', () => {
    const layout = layoutTimeline([threadsTwo()], 'task');
    const scene = buildScene(layout, { startMs: 10, endMs: 30 }, 400);
    expect(scene.scale(10)).toBe(0);
    expect(scene.scale(30)).toBe(400);
    expect(scene.scale.invert(200)).toBe(20);
    expect(pctOf(scene, 20)).toBe(50);
  });

  it('clamps a window outside the run into it', () => {
    const layout = layoutTimeline([threadsTwo()], 'task');
    const scene = buildScene(layout, { startMs: -50, endMs: 1e9 }, 400);
    expect(scene.window).toEqual({ startMs: 0, endMs: layout.domainMs });
  });

  it('ticks stay inside the window and are labelled in the window’s unit', () => {
    const layout = layoutTimeline([gilPingPong(440, 5)], 'task');
    const scene = buildScene(layout, { startMs: 12, endMs: 42 }, 900);
    expect(scene.ticks.length).toBeGreaterThan(2);
    for (const t of scene.ticks) {
      expect(t.ms).toBeGreaterThanOrEqual(12);
      expect(t.ms).toBeLessThanOrEqual(42);
      expect(t.label).toMatch(/ ms$/);
    }
  });
});

describe('buildScene: level of detail', () => {
  it('draws every span at least a pixel wide as itself', () => {
    const layout = layoutTimeline([gilPingPong(440, 5)], 'task');
    // 30 ms over 900 px: each 5 ms slice is 150 px.
    const scene = buildScene(layout, { startMs: 0, endMs: 30 }, 900);
    for (const r of scene.rows) {
      expect(r.shapes.length).toBe(6);
      for (const sh of r.shapes) expect(sh.span).toBeGreaterThanOrEqual(0);
    }
  });

  it('merges only sub-pixel spans, keeping at most two shapes per pixel column', () => {
    const layout = layoutTimeline([gilPingPong(440, 5)], 'task');
    // 2.2 s over 100 px: slices are 0.23 px wide.
    const scene = buildScene(layout, { startMs: 0, endMs: 2200 }, 100);
    for (const r of scene.rows) {
      expect(r.shapes.length).toBeLessThanOrEqual(200);
      expect(r.shapes.some((sh) => sh.span < 0)).toBe(true);
    }
  });

  it('alternates the GIL holder’s colour on the GIL lane', () => {
    const layout = layoutTimeline([gilPingPong(10, 5)], 'task');
    const scene = buildScene(layout, { startMs: 0, endMs: 50 }, 500);
    const gil = scene.rows.find((r) => r.row.kind === 'gil')!;
    expect(gil.shapes.map((s) => s.alt)).toEqual([false, true, false, true, false, true, false, true, false, true]);
  });

  it('summarises rows holding many lanes into at most one shape per column', () => {
    const layout = layoutTimeline([manyDownloads(3000)], 'task');
    const scene = buildScene(layout, { startMs: 0, endMs: layout.domainMs }, 300);
    for (const r of scene.rows) expect(r.shapes.length).toBeLessThanOrEqual(300);
  });
});

describe('buildScene: flows', () => {
  it('draws every GIL hand-off as a flow from the dropper’s row to the taker’s row when they are apart', () => {
    const layout = layoutTimeline([gilPingPong(440, 5)], 'task');
    const scene = buildScene(layout, { startMs: 0, endMs: 30 }, 900);
    // Hand-offs at 5, 10, 15, 20, 25, 30 ms.
    expect(scene.flowCounts.inView.gil).toBe(6);
    expect(scene.flows).toHaveLength(6);
    expect(scene.flowCounts.thinned).toBe(false);
    const [first] = scene.flows;
    const rowA = layout.bands[0].rows.find((r) => r.label === 'A')!;
    const rowB = layout.bands[0].rows.find((r) => r.label === 'B')!;
    expect(first.y0).toBe(rowA.y + rowA.h / 2);
    expect(first.y1).toBe(rowB.y + rowB.h / 2);
    expect(first.x).toBeCloseTo(150, 6);
  });

  it('in a wide view counts every hand-off but draws only those a few pixels apart', () => {
    const layout = layoutTimeline([gilPingPong(440, 5)], 'task');
    const scene = buildScene(layout, { startMs: 0, endMs: 2200 }, 300);
    expect(scene.flowCounts.inView.gil).toBe(439);
    expect(scene.flowCounts.thinned).toBe(true);
    expect(scene.flows.length).toBeLessThanOrEqual(101);
    for (let i = 1; i < scene.flows.length; i++)
      expect(scene.flows[i].x - scene.flows[i - 1].x).toBeGreaterThanOrEqual(3);
  });

  it('treats any event naming another task as the giver as a wake-up, but not the loop’s own switches', () => {
    expect(flowKind({ timeMs: 1, kind: 'gil-handoff', task: 1, lane: 0, fromTask: 0 })).toBe('gil');
    expect(flowKind({ timeMs: 1, kind: 'loop-switch', task: 1, lane: 0, fromTask: 0 })).toBeNull();
    expect(flowKind({ timeMs: 1, kind: 'gil-handoff', task: 1, lane: 0, fromTask: -1 })).toBeNull();
    const wake = { timeMs: 1, kind: 'sync-wake', task: 1, lane: 0, fromTask: 0 } as unknown as Parameters<
      typeof flowKind
    >[0];
    expect(flowKind(wake)).toBe('wake');
    expect(bandFlows(layoutTimeline([threadsTwo()], 'task').bands[0]).every((f) => f.fromRow !== f.toRow)).toBe(true);
  });
});

describe('hitTest and statesInWindow', () => {
  it('finds the span under a point through the window', () => {
    const layout = layoutTimeline([gilPingPong(10, 5)], 'task');
    const scene = buildScene(layout, { startMs: 10, endMs: 20 }, 100);
    const rowA = layout.bands[0].rows.find((r) => r.label === 'A')!;
    const hit = hitTest(scene, 75, rowA.y + 2)!;
    const span = layout.bands[0].ix.spans[hit.span];
    expect(span.startMs).toBe(15);
    expect(span.state).toBe('wait-gil');
    expect(hit.xPct).toBe(75);
  });

  it('lists only the states with time inside the window', () => {
    const trace = makeTrace({
      tasks: [
        {
          name: 'A',
          spans: [
            ['running', 0, 10],
            ['io', 10, 20],
          ],
        },
      ],
    });
    const layout = layoutTimeline([trace], 'task');
    expect(statesInWindow(layout, { startMs: 0, endMs: 5 })).toEqual(['running']);
    expect(statesInWindow(layout, { startMs: 12, endMs: 15 })).toEqual(['io']);
    expect(statesInWindow(layout, { startMs: 5, endMs: 15 })).toEqual(['running', 'io']);
  });
});
