/**
 * Golden pictures: named figures at named windows, drawn by the SVG renderer from the scene and compared
 * with the files in __golden__/ byte for byte, so any change in drawing shows as a diff. After a deliberate
 * change, regenerate them with `UPDATE_GOLDEN=1 npx vitest run src/timeline/golden.test.tsx` and review
 * the diff.
 */
import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { renderToStaticMarkup } from 'react-dom/server';
import { parseScenario, simulate } from '../sim';
import type { ModelId } from '../sim/types';
import { layoutTimeline, type ViewMode } from './layout';
import { buildScene } from './scene';
import { SvgMarks } from './SvgMarks';

const dir = join(import.meta.dirname, '__golden__');
const scenariosDir = join(import.meta.dirname, '../../content/scenarios');

const CASES: {
  name: string;
  scenario: string;
  model: ModelId;
  view: ViewMode;
  startMs: number;
  endMs: number;
  /** The compact drawing at the nominal width (the figure as first rendered). */
  compact?: boolean;
}[] = [
  {
    name: 'gil-two-counters-threads-0-30ms',
    scenario: 'gil-two-counters',
    model: 'threads',
    view: 'worker',
    startMs: 0,
    endMs: 30,
  },
  {
    name: 'gil-two-counters-threads-all',
    scenario: 'gil-two-counters',
    model: 'threads',
    view: 'task',
    startMs: 0,
    endMs: Infinity,
  },
  {
    name: 'gil-two-counters-threads-all-compact',
    scenario: 'gil-two-counters',
    model: 'threads',
    view: 'task',
    startMs: 0,
    endMs: Infinity,
    compact: true,
  },
  {
    name: 'three-sleeps-asyncio-all',
    scenario: 'three-sleeps',
    model: 'asyncio',
    view: 'task',
    startMs: 0,
    endMs: Infinity,
  },
];

/** One element per line, so that a diff points at the shape that moved. */
const pretty = (svg: string) => svg.replace(/></g, '>\n<') + '\n';

describe('golden SVG pictures', () => {
  for (const c of CASES) {
    it(`${c.name} is drawn as before`, () => {
      const raw = JSON.parse(readFileSync(join(scenariosDir, `${c.scenario}.json`), 'utf8'));
      const trace = simulate(parseScenario(raw, `${c.scenario}.json`), c.model);
      const layout = layoutTimeline([trace], c.view);
      const window = { startMs: c.startMs, endMs: Math.min(c.endMs, layout.domainMs) };
      const scene = c.compact ? buildScene(layout, window) : buildScene(layout, window, 800);
      const svg = pretty(renderToStaticMarkup(<SvgMarks scene={scene} uid="g" summary={false} compact={c.compact} />));
      const file = join(dir, `${c.name}.svg`);
      if (process.env.UPDATE_GOLDEN || !existsSync(file)) {
        if (!process.env.UPDATE_GOLDEN) throw new Error(`${file} is missing: run with UPDATE_GOLDEN=1 to create it.`);
        writeFileSync(file, svg);
      }
      expect(svg).toBe(readFileSync(file, 'utf8'));
    });
  }
});
