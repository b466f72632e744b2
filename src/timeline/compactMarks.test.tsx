import { describe, expect, it } from 'vitest';
import { renderToStaticMarkup } from 'react-dom/server';
import { parseScenario, simulate } from '../sim';
import type { ModelId } from '../sim/types';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { layoutTimeline } from './layout';
import { buildScene, NOMINAL_WIDTH, patterned } from './scene';
import { densityOpacity, drawCompact, figureLooks, UNITS } from './compactMarks';
import { PAGE_ARROW_ID, SvgMarks } from './SvgMarks';
import { PatternsOnPage } from './patternsOnPage';

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

  it('shows exactly the shapes of each look and shade: a stroke reaches past its shapes only under opaque ones drawn above it', () => {
    let reached = 0;
    for (const scene of [serving(), counters()]) {
      const k = UNITS / scene.width;
      const looks = figureLooks(scene);
      // One look (one mask) per state and shade of the lock, whatever the opacities.
      expect(new Set(looks.map((l) => `${l.state}|${l.alt}`)).size).toBe(looks.length);
      // Paint order: the solid looks' svg, then the masked rects.
      const order = [...looks.filter((l) => !patterned(l.state)), ...looks.filter((l) => patterned(l.state))];
      const key = (state: string, alt: boolean, opacity: number | undefined) => `${state}|${alt}|${opacity ?? ''}`;
      // Per row (by its stroke's y) and unit: what the scene's shapes cover, and what the strokes draw.
      const shapes = new Map<number, Map<number, Set<string>>>();
      const drawn = new Map<number, Map<number, Set<string>>>();
      const add = (m: Map<number, Map<number, Set<string>>>, y: number, a: number, b: number, what: string) => {
        let row = m.get(y);
        if (!row) m.set(y, (row = new Map()));
        for (let u = a; u < b; u++) {
          let set = row.get(u);
          if (!set) row.set(u, (set = new Set()));
          set.add(what);
        }
      };
      for (const r of scene.rows) {
        const h = r.row.h - 2 * r.pad;
        if (h <= 0) continue;
        const y = r.row.y + r.pad + h / 2;
        for (const sh of r.shapes) {
          const a = Math.round(Math.max(0, sh.x0) * k);
          const b = Math.round(Math.min(scene.width, sh.x1) * k);
          add(shapes, y, a, b, key(sh.state, sh.alt, densityOpacity(sh.density)));
        }
      }
      for (const look of looks)
        for (const p of look.paths.values())
          for (const [y, a, b] of strokes(p.d)) {
            expect(b).toBeGreaterThan(a);
            add(drawn, y, a, b, key(look.state, look.alt, p.opacity));
          }
      const layer = (what: string) => order.findIndex((l) => what.startsWith(`${l.state}|${l.alt}|`));
      for (const [y, row] of shapes)
        for (const [u, set] of row) for (const what of set) expect(drawn.get(y)?.get(u)?.has(what)).toBe(true);
      for (const [y, row] of drawn)
        for (const [u, set] of row)
          for (const what of set) {
            if (shapes.get(y)?.get(u)?.has(what)) continue;
            // Drawn where no shape of its own is: opaque, and hidden by an opaque shape of a look above it.
            reached++;
            expect(what.endsWith('|')).toBe(true);
            const over = [...(shapes.get(y)?.get(u) ?? [])].filter((w) => w.endsWith('|') && layer(w) > layer(what));
            expect(over.length).toBeGreaterThan(0);
          }
    }
    // The two counters' threads alternate on the GIL: the waits are drawn under the runs as one stroke.
    expect(reached).toBeGreaterThan(0);
  });

  it('gives shapes of several opacities of one look one mask', () => {
    const looks = figureLooks(serving());
    let shades = 0;
    for (const look of looks) shades += new Set([...look.paths.values()].map((p) => p.opacity)).size;
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

  it("on a built page points its flows at the page's arrow head and draws none of its own", () => {
    const scene = counters();
    for (const compact of [false, true]) {
      const own = renderToStaticMarkup(<SvgMarks scene={scene} uid="g" summary={false} compact={compact} />);
      expect(own).toContain('<marker id="g-arrow"');
      expect(own).toContain('marker-end="url(#g-arrow)"');
      const onPage = renderToStaticMarkup(
        <PatternsOnPage.Provider value>
          <SvgMarks scene={scene} uid="g" summary={false} compact={compact} />
        </PatternsOnPage.Provider>,
      );
      expect(onPage).not.toContain('<marker');
      expect(onPage).not.toContain('g-arrow');
      expect(onPage).toContain(`marker-end="url(#${PAGE_ARROW_ID})"`);
    }
  });
});
