/**
 * The pan strip: while the window slides at a constant width (a pan), the Canvas renderer paints the
 * spans once on a wider offscreen canvas at the same scale (up to a window's width either side, within the
 * run), then copies the visible part for each step instead of working out the level of detail again. The
 * strip holds the rows of one unfolded layout (unfold.ts): when the lanes in view change, it no longer fits.
 */
import type { TimelineLayout } from './layout';
import { buildScene } from './scene';
import type { ViewWindow } from './viewWindow';

/** The widest strip, device px (a canvas this wide stays well inside every browser's limits). */
export const MAX_STRIP_PX = 8192;

export interface PanStrip {
  canvas: HTMLCanvasElement;
  /** The layout the strip was painted for, and the unfolded one whose rows it holds. */
  base: TimelineLayout;
  rows: TimelineLayout;
  /** Time at the strip's left edge, and its scale (device px per ms). */
  startMs: number;
  pxPerMs: number;
  /** Strip width, and the visible canvas's size, device px. */
  width: number;
  W: number;
  H: number;
}

/** Two scales equal but for rounding. */
const sameScale = (a: number, b: number) => Math.abs(a - b) <= 1e-9 * Math.max(a, b);

/**
 * Where the visible window starts in the strip, device px from its left edge, or -1 when the strip does
 * not hold it (another layout, size, scale or set of unfolded rows, or outside it).
 */
export function stripOffset(
  strip: PanStrip | null,
  base: TimelineLayout,
  rows: TimelineLayout,
  w: ViewWindow,
  W: number,
  H: number,
): number {
  if (!strip || strip.base !== base || strip.rows !== rows || strip.W !== W || strip.H !== H) return -1;
  if (!sameScale(strip.pxPerMs, W / (w.endMs - w.startMs))) return -1;
  const sx = Math.round((w.startMs - strip.startMs) * strip.pxPerMs);
  return sx >= 0 && sx + W <= strip.width ? sx : -1;
}

/**
 * The window a strip for `w` covers: `w` widened by up to its own width on each side, no wider than
 * MAX_STRIP_PX, kept inside the run [0, domainMs].
 */
export function stripWindow(w: ViewWindow, W: number, domainMs: number): { window: ViewWindow; width: number } {
  const pxPerMs = W / (w.endMs - w.startMs);
  const width = Math.max(W, Math.min(3 * W, MAX_STRIP_PX, Math.floor(domainMs * pxPerMs)));
  const widthMs = width / pxPerMs;
  const startMs = Math.min(
    Math.max(0, domainMs - widthMs),
    Math.max(0, w.startMs - (widthMs - (w.endMs - w.startMs)) / 2),
  );
  return { window: { startMs, endMs: startMs + widthMs }, width };
}

/**
 * Paints a strip for the window `w` (of the layout `base`, with the rows of `rows`) on `canvas` through
 * `paint`, which draws a scene's shapes on a context the given width. Returns null without a 2D context.
 */
export function paintStrip(
  canvas: HTMLCanvasElement,
  base: TimelineLayout,
  rows: TimelineLayout,
  w: ViewWindow,
  W: number,
  H: number,
  paint: (ctx: CanvasRenderingContext2D, scene: ReturnType<typeof buildScene>, width: number) => void,
): PanStrip | null {
  const { window, width } = stripWindow(w, W, base.domainMs);
  if (canvas.width !== width) canvas.width = width;
  if (canvas.height !== H) canvas.height = H;
  const ctx = canvas.getContext('2d');
  if (!ctx) return null;
  ctx.setTransform(1, 0, 0, 1, 0, 0);
  ctx.clearRect(0, 0, width, H);
  const scene = buildScene(rows, window, width, { unfolded: true });
  paint(ctx, scene, width);
  return { canvas, base, rows, startMs: scene.window.startMs, pxPerMs: scene.pxPerMs, width, W, H };
}
