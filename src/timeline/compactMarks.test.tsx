import { describe, expect, it } from 'vitest';
import { renderToStaticMarkup } from 'react-dom/server';
import { parseScenario, simulate } from '../sim';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { layoutTimeline } from './layout';
import { buildScene, NOMINAL_WIDTH } from './scene';
import { densityOpacity, drawCompact, figureLooks, UNITS } from './compactMarks';
import { SvgMarks } from './SvgMarks';

const scenariosDir = join(import.meta.dirname, '../../content/scenarios');

function counters(width = NOMINAL_WIDTH) {
  const raw = JSON.parse(readFileSync(join(scenariosDir, 'gil-two-counters.json'), 'utf8'));
  const layout = layoutTimeline([simulate(parseScenario(raw, 'gil-two-counters.json'), 'threads')], 'task');
  return buildScene(layout, { startMs: 0, endMs: layout.domainMs }, width);
}

/** Horizontal strokes of a look's path data, as [y, a, b) in UNITS. */
function strokes(d: string): [number, number, number][] {
  const out: [number, number, number][] = [];
  let x = 0;
  let y = 0;
  for (const m of d.matchAll(/([Mm])(-?[\d.]+) (-?[\d.]+)h([\d.]+)/g)) {
    if (m[1] === 'M') [x, y] = [Number(m[2]), Number(m[3])];
    else x += Number(m[2]);
    out.push([y, x, x + Number(m[4])]);
    x += Number(m[4]);
  }
  return out;
}

describe('compact drawing', () => {
  it('is used for a dense figure at the nominal width only', () => {
    expect(drawCompact(counters())).toBe(true);
    expect(drawCompact(counters(800))).toBe(false);
  });

  it('covers exactly the shapes of each look, joining touching ones', () => {
    const scene = counters();
    const k = UNITS / scene.width;
    for (const look of figureLooks(scene)) {
      const drawn = [...look.byHeight.values()].flatMap((p) => strokes(p.d));
      for (const [, a, b] of drawn) expect(b).toBeGreaterThan(a);
      // The union of the look's shapes, row by row, at the same resolution.
      let expected = 0;
      for (const r of scene.rows) {
        let end = -1;
        for (const sh of r.shapes) {
          if (sh.state !== look.state || sh.alt !== look.alt || densityOpacity(sh.density) !== look.opacity) continue;
          const a = Math.round(Math.max(0, sh.x0) * k);
          const b = Math.round(Math.min(scene.width, sh.x1) * k);
          if (b <= a) continue;
          expected += Math.max(0, b - Math.max(a, end));
          end = Math.max(end, b);
        }
      }
      expect(drawn.reduce((t, [, a, b]) => t + (b - a), 0)).toBe(expected);
    }
  });

  it('is far smaller than a rect per span and keeps the flows and lane backgrounds', () => {
    const scene = counters();
    const full = renderToStaticMarkup(<SvgMarks scene={scene} uid="g" summary={false} />);
    const compact = renderToStaticMarkup(<SvgMarks scene={scene} uid="g" summary={false} compact />);
    expect(compact.length).toBeLessThan(full.length / 3);
    expect(compact).not.toContain('data-s=');
    expect(compact).toContain('mask="url(#g-c0)"');
    expect(compact).toContain('class="tl-flow tl-flow--gil"');
    expect((compact.match(/tl-row-bg/g) ?? []).length).toBe((full.match(/tl-row-bg/g) ?? []).length);
  });
});
