/**
 * Painting a scene (scene.ts) on a 2D canvas context at device pixels: the colours read from the
 * stylesheet, the pattern tiles, the grid at the axis's ticks, and the shapes and flows. canvasRenderer.ts
 * decides when and where to paint; this module only paints.
 */
import type { SpanState } from '../sim/types';
import type { TimelineLayout } from './layout';
import { PALETTE, STATE_ORDER, hasPatternOverlay, stateTile } from './palette';
import { tickCount, type Scene } from './scene';
import { windowTicks } from './ticks';
import { windowScale, type ViewWindow } from './viewWindow';

export type ColorReader = (cssVar: string, fallback: string) => string;

export function cssReader(el: Element): ColorReader {
  const cs = typeof getComputedStyle === 'function' ? getComputedStyle(el) : null;
  return (v, fallback) => cs?.getPropertyValue(v).trim() || fallback;
}

export interface Colors {
  ink: string;
  grid: string;
  ioFill: string;
  heldAlt: string;
  handoff: string;
  state(s: SpanState): string;
}

/** Every colour a draw needs, read at once (the first read pays for the style recalculation, the rest are cheap). */
export function readColors(read: ColorReader): Colors {
  const states = new Map<SpanState, string>();
  for (const s of STATE_ORDER) states.set(s, read(PALETTE[s].cssVar, PALETTE[s].light));
  return {
    ink: read('--tl-ink', 'rgba(0,0,0,0.45)'),
    grid: read('--tl-grid', 'rgba(0,0,0,0.07)'),
    ioFill: read('--tl-io-fill', 'rgba(86,180,233,0.3)'),
    heldAlt: read('--tl-held-alt', '#7f7f7f'),
    handoff: read('--tl-handoff', '#d55e00'),
    state: (s) => states.get(s) ?? PALETTE[s].light,
  };
}

export function patternTile(state: SpanState, ink: string, dpr: number): HTMLCanvasElement | null {
  const t = stateTile(state);
  if (!t || typeof document === 'undefined') return null;
  const tile = document.createElement('canvas');
  tile.width = Math.max(2, Math.round(t.w * dpr));
  tile.height = Math.max(2, Math.round(t.h * dpr));
  const g = tile.getContext('2d');
  if (!g) return null;
  g.strokeStyle = ink;
  g.fillStyle = ink;
  g.lineWidth = Math.max(1, 1.5 * dpr);
  g.scale(dpr, dpr);
  for (const [x1, y1, x2, y2] of t.lines) {
    g.beginPath();
    g.moveTo(x1, y1);
    g.lineTo(x2, y2);
    g.stroke();
  }
  for (const [cx, cy, r] of t.dots) {
    g.beginPath();
    g.arc(cx, cy, r, 0, Math.PI * 2);
    g.fill();
  }
  for (const [cx, cy, r] of t.rings) {
    g.beginPath();
    g.arc(cx, cy, r, 0, Math.PI * 2);
    g.stroke();
  }
  for (const pts of t.polys) {
    g.beginPath();
    for (let i = 0; i < pts.length; i += 2) g[i === 0 ? 'moveTo' : 'lineTo'](pts[i], pts[i + 1]);
    g.closePath();
    g.fill();
  }
  return tile;
}

/**
 * The grid behind the spans, through each band's rows, at the ticks of the axis for `window` (counted at
 * the CSS width `cssWidth`, so that the grid falls on the axis's ticks), on a canvas `W` device px wide.
 */
export function paintGrid(
  ctx: CanvasRenderingContext2D,
  layout: TimelineLayout,
  window: ViewWindow,
  cssWidth: number,
  W: number,
  dpr: number,
  color: string,
): void {
  const px = Math.max(1, Math.round(dpr));
  const scale = windowScale(window, W);
  ctx.fillStyle = color;
  const ticks = windowTicks(window, tickCount(cssWidth));
  for (const band of layout.bands) {
    const top = Math.round((band.y + band.headerH) * dpr);
    const bottom = Math.round((band.y + band.h) * dpr);
    for (const t of ticks) {
      if (!(t.pct > 0 && t.pct < 100)) continue;
      ctx.fillRect(Math.round(scale(t.ms)), top, px, bottom - top);
    }
  }
}

/** The scene's shapes, then its flows, on a canvas `W` device px wide (the scene's width). */
export function paintShapes(
  ctx: CanvasRenderingContext2D,
  scene: Scene,
  W: number,
  dpr: number,
  colors: Colors,
  patternFor: (s: SpanState) => CanvasPattern | null,
): void {
  const { ioFill, heldAlt, handoff } = colors;
  const px = Math.max(1, Math.round(dpr));
  for (const r of scene.rows) {
    const { row, pad } = r;
    const y = Math.round((row.y + pad) * dpr);
    const h = Math.max(1, Math.round((row.y + row.h - pad) * dpr) - y);
    for (const sh of r.shapes) {
      const x = Math.max(0, Math.round(sh.x0));
      const w = Math.max(1, Math.min(W, Math.round(sh.x1)) - x);
      if (x >= W) continue;
      ctx.globalAlpha = sh.density < 0.97 ? 0.35 + 0.65 * sh.density : 1;
      if (sh.state === 'io') {
        ctx.fillStyle = ioFill;
        ctx.fillRect(x, y, w, h);
        if (h >= 4 * dpr) {
          ctx.fillStyle = colors.state('io');
          ctx.fillRect(x, y, w, px);
          ctx.fillRect(x, y + h - px, w, px);
        }
        continue;
      }
      ctx.fillStyle = sh.alt ? heldAlt : colors.state(sh.state);
      ctx.fillRect(x, y, w, h);
      if (hasPatternOverlay(sh.state) && w >= 3 * dpr && h >= 3 * dpr) {
        const p = patternFor(sh.state);
        if (p) {
          ctx.fillStyle = p;
          ctx.fillRect(x, y, w, h);
        }
      }
    }
  }
  ctx.globalAlpha = 1;
  // Flows: a line from the row that handed over to the row that took over, with a head at the taker.
  ctx.fillStyle = handoff;
  for (const f of scene.flows) {
    const x = Math.round(f.x);
    const y0 = Math.round(f.y0 * dpr);
    const y1 = Math.round(f.y1 * dpr);
    const top = Math.min(y0, y1);
    ctx.fillRect(x, top, px, Math.max(1, Math.abs(y1 - y0)));
    const dir = y1 > y0 ? -1 : 1;
    const head = 4 * dpr;
    ctx.fillRect(x - head / 2, y1 + dir * head, head + px, px);
  }
}
