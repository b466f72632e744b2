import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseScenario, simulate } from '../../sim';
import { layoutTimeline } from '../../timeline/layout';
import { lodGroup } from '../../timeline/lod';
import { overviewShapes } from './ZoomBar';

const scenariosDir = join(import.meta.dirname, '../../../content/scenarios');

function layout(name: string) {
  const scenario = parseScenario(JSON.parse(readFileSync(join(scenariosDir, `${name}.json`), 'utf8')), name);
  return layoutTimeline(
    (['sequential', 'asyncio', 'threads'] as const).map((m) => simulate(scenario, m)),
    'task',
  );
}

/** The rects a path's closed subpaths draw, as [x, y, w, h]. */
function rects(d: string): number[][] {
  const out: number[][] = [];
  let x = 0;
  let y = 0;
  for (const m of d.matchAll(/([Mm])(-?\d+) (-?\d+)h(-?\d+)v(\d+)h(-?\d+)z/g)) {
    const [dx, dy, w, h, back] = [2, 3, 4, 5, 6].map((i) => Number(m[i]));
    [x, y] = m[1] === 'M' ? [dx, dy] : [x + dx, y + dy];
    expect(back).toBe(-w);
    out.push([x, y, w, h]);
  }
  return out;
}

describe('the overview strip', () => {
  it('draws one path per state with a rect for each run of touching shapes of the summary rows, outlined states last', () => {
    for (const name of ['serve-every-20ms', 'gil-two-counters']) {
      const l = layout(name);
      const h = 8;
      const { paths } = overviewShapes(l, h);
      const expected = new Map<string, number[][]>();
      l.bands.forEach((band, b) => {
        const ranges = band.rows
          .filter((r) => r.kind !== 'gil' && r.kind !== 'core')
          .flatMap((r) => r.lanes)
          .map((lane) => [band.ix.laneStart[lane], band.ix.laneStart[lane + 1]] as const);
        const last = new Map<string, number[]>();
        for (const sh of lodGroup(band.ix.spans, ranges, 300 / l.domainMs, 300)) {
          const list = expected.get(sh.state) ?? [];
          // Hundredths of a percent of the strip's width; a shape touching the last of its state joins it.
          const x = Math.round(sh.x0 * (10000 / 300));
          const w = Math.round((sh.x1 - sh.x0) * (10000 / 300));
          const prev = last.get(sh.state);
          if (prev && x <= prev[0] + prev[2]) prev[2] = Math.max(prev[2], x + w - prev[0]);
          else {
            const rect = [x, b * h, w, h - 1];
            list.push(rect);
            last.set(sh.state, rect);
          }
          expected.set(sh.state, list);
        }
      });
      expect([...paths.keys()].sort()).toEqual([...expected.keys()].sort());
      for (const [state, d] of paths) {
        expect(d).toMatch(/^M/);
        expect(rects(d)).toEqual(expected.get(state));
        // Nothing else than the subpaths in the data.
        expect(d.replace(/[Mm]-?\d+ -?\d+h-?\d+v\d+h-?\d+z/g, '')).toBe('');
      }
      // The outlined state (I/O) is drawn over its neighbours: its path comes last.
      const states = [...paths.keys()];
      if (states.includes('io')) expect(states.at(-1)).toBe('io');
      if (name === 'serve-every-20ms') expect(states).toContain('io');
    }
  });
});
