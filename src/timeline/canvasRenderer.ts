/**
 * Canvas marks for large traces. Draws the grid at the axis's ticks and the LOD-merged spans once per
 * (layout, window, size, theme) at device resolution from the scene (scene.ts) and keeps the bitmap; moving
 * the playhead never redraws spans (the playhead is a DOM overlay).
 * API: `{ update(layout, window, size), invalidate(), destroy() }`.
 */
import type { SpanState } from '../sim/types';
import type { TimelineLayout } from './layout';
import { PALETTE, STATE_ORDER, hasPatternOverlay, stateTile } from './palette';
import { buildScene, tickCount, type Scene } from './scene';
import { windowTicks } from './ticks';
import { fullWindow, type ViewWindow } from './viewWindow';

export interface CanvasSize {
  /** CSS pixels. */
  width: number;
  height: number;
  /** window.devicePixelRatio */
  dpr: number;
}

export interface CanvasRenderer {
  /** Redraws the spans only if the layout, window, size or theme changed (the playhead is a DOM overlay). */
  update(layout: TimelineLayout, window: ViewWindow | null, size: CanvasSize): void;
  /** Forget the cached bitmap (theme change); the next update redraws. */
  invalidate(): void;
  destroy(): void;
  /** How many full redraws happened (tests, profiling). */
  readonly draws: number;
  /** The scene last drawn (device pixels across, CSS pixels down), for hit-testing and counts. */
  readonly scene: Scene | null;
}

type ColorReader = (cssVar: string, fallback: string) => string;

function cssReader(el: Element): ColorReader {
  const cs = typeof getComputedStyle === 'function' ? getComputedStyle(el) : null;
  return (v, fallback) => cs?.getPropertyValue(v).trim() || fallback;
}

function patternTile(state: SpanState, ink: string, dpr: number): HTMLCanvasElement | null {
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

interface Colors {
  ink: string;
  grid: string;
  ioFill: string;
  heldAlt: string;
  handoff: string;
  state(s: SpanState): string;
}

/** Every colour a draw needs, read at once (the first read pays for the style recalculation, the rest are cheap). */
function readColors(read: ColorReader): Colors {
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

export function createCanvasRenderer(
  canvas: HTMLCanvasElement,
  options: { readColor?: ColorReader } = {},
): CanvasRenderer {
  let last: { layout: TimelineLayout; start: number; end: number; w: number; h: number; dpr: number } | null = null;
  let dirty = true;
  let draws = 0;
  let lastArgs: [TimelineLayout, ViewWindow | null, CanvasSize] | null = null;
  let lastScene: Scene | null = null;
  const patterns = new Map<SpanState, CanvasPattern | null>();
  let patternKey = '';
  let colors: Colors | null = null;

  const draw = (layout: TimelineLayout, win: ViewWindow, size: CanvasSize) => {
    const ctx = canvas.getContext('2d');
    const dpr = size.dpr || 1;
    const W = Math.max(1, Math.round(size.width * dpr));
    const H = Math.max(1, Math.round(size.height * dpr));
    if (canvas.width !== W) canvas.width = W;
    if (canvas.height !== H) canvas.height = H;
    if (!ctx) return;
    draws++;
    // Reading the stylesheet's colours forces a style recalculation (after a zoom step React has just changed
    // the DOM): they are kept between redraws (see update).
    if (!colors) colors = readColors(options.readColor ?? cssReader(canvas));
    const { ink, ioFill, heldAlt, handoff } = colors;
    const color = (s: SpanState) => colors!.state(s);
    // Pattern tiles depend only on the ink colour and the pixel ratio: kept between redraws.
    if (patternKey !== `${ink} ${dpr}`) {
      patternKey = `${ink} ${dpr}`;
      patterns.clear();
    }
    const patternFor = (s: SpanState) => {
      if (!patterns.has(s)) {
        const tile = patternTile(s, ink, dpr);
        patterns.set(s, tile ? ctx.createPattern(tile, 'repeat') : null);
      }
      return patterns.get(s) ?? null;
    };
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    ctx.clearRect(0, 0, W, H);
    // Level of detail at device pixels: one column per physical pixel.
    const scene = buildScene(layout, win, W);
    lastScene = scene;
    const px = Math.max(1, Math.round(dpr));
    // The grid behind the spans, through each band's rows, at the ticks of the axis (counted at CSS width).
    ctx.fillStyle = colors.grid;
    const ticks = windowTicks(scene.window, tickCount(size.width));
    for (const band of scene.layout.bands) {
      const top = Math.round((band.y + band.headerH) * dpr);
      const bottom = Math.round((band.y + band.h) * dpr);
      for (const t of ticks) {
        if (!(t.pct > 0 && t.pct < 100)) continue;
        ctx.fillRect(Math.round(scene.scale(t.ms)), top, px, bottom - top);
      }
    }
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
            ctx.fillStyle = color('io');
            ctx.fillRect(x, y, w, px);
            ctx.fillRect(x, y + h - px, w, px);
          }
          continue;
        }
        ctx.fillStyle = sh.alt ? heldAlt : color(sh.state);
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
  };

  const renderer: CanvasRenderer = {
    update(layout, window, size) {
      lastArgs = [layout, window, size];
      const win = window ?? fullWindow(layout.domainMs);
      const same =
        last &&
        last.layout === layout &&
        last.start === win.startMs &&
        last.end === win.endMs &&
        last.w === size.width &&
        last.h === size.height &&
        last.dpr === size.dpr;
      if (same && !dirty) return;
      // Colours depend on the stylesheet only: read again after a theme change, or a new size (the canvas
      // may have moved into another part of the page), never for a new window or a new layout alone.
      const sameSize = last && last.w === size.width && last.h === size.height && last.dpr === size.dpr;
      if (dirty || !sameSize) colors = null;
      draw(layout, win, size);
      last = { layout, start: win.startMs, end: win.endMs, w: size.width, h: size.height, dpr: size.dpr };
      dirty = false;
    },
    invalidate() {
      dirty = true;
      if (lastArgs) renderer.update(...lastArgs);
    },
    destroy() {
      observer?.disconnect();
      media?.removeEventListener?.('change', onTheme);
      lastArgs = null;
    },
    get draws() {
      return draws;
    },
    get scene() {
      return lastScene;
    },
  };

  // Theme switches change the CSS colours: redraw.
  const onTheme = () => renderer.invalidate();
  const observer =
    typeof MutationObserver !== 'undefined' && typeof document !== 'undefined' ? new MutationObserver(onTheme) : null;
  observer?.observe(document.documentElement, { attributes: true, attributeFilter: ['data-theme', 'class'] });
  const media = typeof matchMedia === 'function' ? matchMedia('(prefers-color-scheme: dark)') : null;
  media?.addEventListener?.('change', onTheme);

  return renderer;
}
