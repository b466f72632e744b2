/**
 * Canvas marks for large traces. Draws the grid at the axis's ticks and the LOD-merged spans once per
 * (layout, window, size, theme) at device resolution from the scene (scene.ts) and keeps the bitmap; moving
 * the playhead never redraws spans (the playhead is a DOM overlay). A pan (same width, another start) copies
 * the window out of a wider strip painted once (panStrip.ts) and is drawn exactly once it stops.
 * API: `{ update(layout, window, size), invalidate(), destroy() }`.
 */
import type { SpanState } from '../sim/types';
import { quietTimer } from './quietTimer';
import type { TimelineLayout } from './layout';
import { buildScene, type Scene } from './scene';
import { clampWindow, fullWindow, type ViewWindow } from './viewWindow';
import {
  cssReader,
  paintGrid,
  paintShapes,
  patternTile,
  readColors,
  type ColorReader,
  type Colors,
} from './canvasPaint';
import { paintStrip, stripOffset, type PanStrip } from './panStrip';
import { unfoldLayout } from './unfold';

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

/** The canvas's size in device pixels. */
function devicePx(size: CanvasSize): { dpr: number; W: number; H: number } {
  const dpr = size.dpr || 1;
  return { dpr, W: Math.max(1, Math.round(size.width * dpr)), H: Math.max(1, Math.round(size.height * dpr)) };
}

/** How long after the last pan step the renderer paints the window exactly again, ms. */
export const PAN_SETTLE_MS = 250;

export function createCanvasRenderer(
  canvas: HTMLCanvasElement,
  options: { readColor?: ColorReader; createCanvas?: () => HTMLCanvasElement | null } = {},
): CanvasRenderer {
  let last: { layout: TimelineLayout; start: number; end: number; w: number; h: number; dpr: number } | null = null;
  let dirty = true;
  let draws = 0;
  let lastArgs: [TimelineLayout, ViewWindow | null, CanvasSize] | null = null;
  let lastScene: Scene | null = null;
  const patterns = new Map<SpanState, CanvasPattern | null>();
  let patternKey = '';
  let colors: Colors | null = null;
  // Panning: the strip the steps copy from, the rows of the step before (a strip is painted once two steps
  // in a row show the same rows), and the timer that paints the window exactly once the pan has stopped.
  let strip: PanStrip | null = null;
  let panRows: TimelineLayout | null = null;
  const newCanvas =
    options.createCanvas ?? (() => (typeof document !== 'undefined' ? document.createElement('canvas') : null));

  /** Sizes the canvas and readies colours and patterns; null without a 2D context. */
  const begin = (size: CanvasSize) => {
    const ctx = canvas.getContext('2d');
    const { dpr, W, H } = devicePx(size);
    if (canvas.width !== W) canvas.width = W;
    if (canvas.height !== H) canvas.height = H;
    if (!ctx) return null;
    // Reading the stylesheet's colours forces a style recalculation (after a zoom step React has just changed
    // the DOM): they are kept between redraws (see update).
    if (!colors) colors = readColors(options.readColor ?? cssReader(canvas));
    const ink = colors.ink;
    // Pattern tiles depend only on the ink colour and the pixel ratio: kept between redraws.
    if (patternKey !== `${ink} ${dpr}`) {
      patternKey = `${ink} ${dpr}`;
      patterns.clear();
      strip = null;
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
    return { ctx, dpr, W, H, colors, patternFor };
  };

  const draw = (layout: TimelineLayout, win: ViewWindow, size: CanvasSize) => {
    const b = begin(size);
    if (!b) return;
    draws++;
    // Level of detail at device pixels: one column per physical pixel.
    const scene = buildScene(layout, win, b.W);
    lastScene = scene;
    paintGrid(b.ctx, scene.layout, scene.window, size.width, b.W, b.dpr, b.colors.grid);
    paintShapes(b.ctx, scene, b.W, b.dpr, b.colors, b.patternFor);
  };

  /** One pan step from the strip (painting it first when needed); false when the step must be drawn exactly. */
  const panStep = (layout: TimelineLayout, win: ViewWindow, size: CanvasSize): boolean => {
    const w = clampWindow(win, layout.domainMs);
    if (!(w.endMs > w.startMs)) return false;
    const { W, H } = devicePx(size);
    const rows = unfoldLayout(layout, w);
    let sx = stripOffset(strip, layout, rows, w, W, H);
    if (sx < 0) {
      // The rows of this step and the step before agree: the pan is likely to go on over the same rows.
      const again = panRows === rows;
      panRows = rows;
      if (!again) return false;
      const target = strip?.canvas ?? newCanvas();
      const ready = target ? begin(size) : null;
      if (!target || !ready) return false;
      strip = paintStrip(target, layout, rows, w, W, H, (ctx, scene, width) =>
        paintShapes(ctx, scene, width, ready.dpr, ready.colors, ready.patternFor),
      );
      sx = stripOffset(strip, layout, rows, w, W, H);
      if (sx < 0) return false;
    }
    const b = begin(size);
    if (!b) return false;
    paintGrid(b.ctx, rows, w, size.width, W, b.dpr, b.colors.grid);
    b.ctx.drawImage(strip!.canvas, sx, 0, W, H, 0, 0, W, H);
    return true;
  };

  const settle = quietTimer(PAN_SETTLE_MS, () => {
    if (lastArgs) {
      const [l, w, s] = lastArgs;
      draw(l, w ?? fullWindow(l.domainMs), s);
    }
  });

  const renderer: CanvasRenderer = {
    update(layout, window, size) {
      lastArgs = [layout, window, size];
      const win = window ?? fullWindow(layout.domainMs);
      const sameSize = !!last && last.w === size.width && last.h === size.height && last.dpr === size.dpr;
      const same = sameSize && last!.layout === layout && last!.start === win.startMs && last!.end === win.endMs;
      if (same && !dirty) return;
      // Colours depend on the stylesheet only: read again after a theme change, or a new size (the canvas
      // may have moved into another part of the page), never for a new window or a new layout alone.
      if (dirty || !sameSize) {
        colors = null;
        strip = null;
      }
      // A pan (the same layout, size and window width, another start) copies from the strip, and the window
      // is drawn exactly once it has stayed still for PAN_SETTLE_MS.
      const width = win.endMs - win.startMs;
      const pan =
        !dirty &&
        sameSize &&
        last!.layout === layout &&
        last!.start !== win.startMs &&
        Math.abs(last!.end - last!.start - width) <= 1e-9 * width;
      if (pan && panStep(layout, win, size)) {
        settle.poke();
      } else {
        settle.cancel();
        if (!pan) panRows = null;
        draw(layout, win, size);
      }
      last = { layout, start: win.startMs, end: win.endMs, w: size.width, h: size.height, dpr: size.dpr };
      dirty = false;
    },
    invalidate() {
      dirty = true;
      if (lastArgs) renderer.update(...lastArgs);
    },
    destroy() {
      settle.cancel();
      observer?.disconnect();
      media?.removeEventListener?.('change', onTheme);
      lastArgs = null;
      strip = null;
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
