import { describe, expect, it } from 'vitest';
import { renderToStaticMarkup } from 'react-dom/server';
import { parseScenario, simulate } from '../sim';
import type { ModelId } from '../sim/types';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { layoutTimeline } from './layout';
import { buildScene, NOMINAL_WIDTH, patterned } from './scene';
import { densityOpacity, drawCompact, figureLooks, UNITS } from './compactMarks';
import { SvgMarks } from './SvgMarks';

const scenariosDir = join(import.meta.dirname, '../../content/scenarios');

function figure(name: string, models: ModelId[], width = NOMINAL_WIDTH) {
  const raw = JSON.parse(readFileSync(join(scenariosDir, `${name}.json`), 'utf8'));
  const scenario = parseScenario(raw, `${name}.json`);
  const layout = layoutTimeline(
    models.map((m) => simulate(scenario, m)),
    'task',
  );
  return buildScene(layout, { startMs: 0, endMs: layout.domainMs }, width);
}

const counters = (width = NOMINAL_WIDTH) => figure('gil-two-counters', ['threads'], width);
/** Fifty requests under three models, as /serving/ shows them: merged shapes there have several shades. */
const serving = () => figure('serve-every-20ms', ['sequential', 'asyncio', 'threads']);

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

  it('covers exactly the shapes of each look and shade, joining touching ones', () => {
    const scene = serving();
    const k = UNITS / scene.width;
    const looks = figureLooks(scene);
    // One look (one mask) per state and shade of the lock, whatever the opacities.
    expect(new Set(looks.map((l) => `${l.state}|${l.alt}`)).size).toBe(looks.length);
    let shades = 0;
    for (const look of looks) {
      const opacities = new Set([...look.paths.values()].map((p) => p.opacity));
      shades += opacities.size;
      for (const opacity of opacities) {
        const drawn = [...look.paths.values()].filter((p) => p.opacity === opacity).flatMap((p) => strokes(p.d));
        for (const [, a, b] of drawn) expect(b).toBeGreaterThan(a);
        // The union of the look's shapes of that opacity, row by row, at the same resolution.
        let expected = 0;
        for (const r of scene.rows) {
          let end = -1;
          for (const sh of r.shapes) {
            if (sh.state !== look.state || sh.alt !== look.alt || densityOpacity(sh.density) !== opacity) continue;
            const a = Math.round(Math.max(0, sh.x0) * k);
            const b = Math.round(Math.min(scene.width, sh.x1) * k);
            if (b <= a) continue;
            expected += Math.max(0, b - Math.max(a, end));
            end = Math.max(end, b);
          }
        }
        expect(drawn.reduce((t, [, a, b]) => t + (b - a), 0)).toBe(expected);
      }
    }
    // The figure has shapes of several opacities merged into the same masks.
    expect(shades).toBeGreaterThan(looks.length);
  });

  it('gives a shade its opacity on its stroke, not on a rect: a mask per patterned look, one path set per solid one', () => {
    const html = renderToStaticMarkup(<SvgMarks scene={serving()} uid="g" summary={false} compact />);
    expect(html).not.toContain('fill-opacity');
    expect(html).toMatch(/<path stroke-width="[\d.]+" stroke-opacity="0\.\d+" d="M/);
    const looks = figureLooks(serving());
    const patternedLooks = looks.filter((l) => patterned(l.state)).length;
    expect(patternedLooks).toBeGreaterThan(0);
    expect(patternedLooks).toBeLessThan(looks.length);
    expect((html.match(/<mask /g) ?? []).length).toBe(patternedLooks);
    const solid = html.match(/<svg class="tl-compact-solid"[^>]*>(.*?)<\/svg>/)?.[1] ?? '';
    expect((solid.match(/<g class="tl-s /g) ?? []).length).toBe(looks.length - patternedLooks);
  });

  it('is far smaller than a rect per span and keeps the flows and lane backgrounds', () => {
    const scene = counters();
    const full = renderToStaticMarkup(<SvgMarks scene={scene} uid="g" summary={false} />);
    const compact = renderToStaticMarkup(<SvgMarks scene={scene} uid="g" summary={false} compact />);
    expect(compact.length).toBeLessThan(full.length / 3);
    expect(compact).not.toContain('data-s=');
    expect(compact).toMatch(/<g class="tl-s tl-s--running"><path stroke-width="\d+" d="M/);
    expect(compact).toMatch(
      /<rect class="tl-s tl-s--wait-gil"[^>]* fill="url\(#tl-p-wait-gil\)" mask="url\(#g-c\d+\)"/,
    );
    expect(compact).toContain('class="tl-flow tl-flow--gil"');
    expect((compact.match(/tl-row-bg/g) ?? []).length).toBe((full.match(/tl-row-bg/g) ?? []).length);
  });
});
