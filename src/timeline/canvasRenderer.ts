/**
 * Canvas marks for large traces. Draws LOD-merged spans once per (layout, size, theme) at device
 * resolution and keeps the bitmap; moving the playhead never redraws spans (the playhead is a
 * DOM overlay). API: `{ update(layout, timeMs, size), invalidate(), destroy() }`.
 */
import type { SpanState } from '../sim/types';
import type { TimelineLayout } from './layout';
import { lodRow } from './lod';
import { PALETTE, hasPatternOverlay, type PatternKind } from './palette';
import { handoffTimes, rowPad } from './SvgMarks';

export interface CanvasSize {
  /** CSS pixels. */
  width: number;
  height: number;
  /** window.devicePixelRatio */
  dpr: number;
}

export interface CanvasRenderer {
  /** Redraws the spans only if the layout, size or theme changed. `timeMs` is accepted for symmetry; the playhead is drawn by the overlay. */
  update(layout: TimelineLayout, timeMs: number, size: CanvasSize): void;
  /** Forget the cached bitmap (theme change); the next update redraws. */
  invalidate(): void;
  destroy(): void;
  /** How many full redraws happened (tests, profiling). */
  readonly draws: number;
}

type ColorReader = (cssVar: string, fallback: string) => string;

function cssReader(el: Element): ColorReader {
  const cs = typeof getComputedStyle === 'function' ? getComputedStyle(el) : null;
  return (v, fallback) => cs?.getPropertyValue(v).trim() || fallback;
}

function patternTile(kind: PatternKind, ink: string, dpr: number): HTMLCanvasElement | null {
  if (typeof document === 'undefined') return null;
  const size = Math.max(4, Math.round(6 * dpr));
  const tile = document.createElement('canvas');
  tile.width = size;
  tile.height = size;
  const g = tile.getContext('2d');
  if (!g) return null;
  g.strokeStyle = ink;
  g.fillStyle = ink;
  g.lineWidth = Math.max(1, dpr);
  const line = (x0: number, y0: number, x1: number, y1: number) => {
    g.beginPath();
    g.moveTo(x0, y0);
    g.lineTo(x1, y1);
    g.stroke();
  };
  switch (kind) {
    case 'dots':
      g.beginPath();
      g.arc(size / 2, size / 2, Math.max(0.8, dpr), 0, Math.PI * 2);
      g.fill();
      break;
    case 'hatch':
      line(0, size, size, 0);
      line(-size / 2, size / 2, size / 2, -size / 2);
      line(size / 2, size * 1.5, size * 1.5, size / 2);
      break;
    case 'backhatch':
      line(0, 0, size, size);
      line(-size / 2, size / 2, size / 2, size * 1.5);
      line(size / 2, -size / 2, size * 1.5, size / 2);
      break;
    case 'crosshatch':
      line(0, size, size, 0);
      line(0, 0, size, size);
      break;
    case 'hlines':
      line(0, size / 4, size, size / 4);
      break;
    case 'vlines':
      line(size / 4, 0, size / 4, size);
      break;
    case 'dashes':
      line(0, size / 2, size / 2, size / 2);
      break;
    default:
      return null;
  }
  return tile;
}

export function createCanvasRenderer(
  canvas: HTMLCanvasElement,
  options: { readColor?: ColorReader } = {},
): CanvasRenderer {
  let last: { layout: TimelineLayout; w: number; h: number; dpr: number } | null = null;
  let dirty = true;
  let draws = 0;
  let lastArgs: [TimelineLayout, number, CanvasSize] | null = null;

  const draw = (layout: TimelineLayout, size: CanvasSize) => {
    const ctx = canvas.getContext('2d');
    const dpr = size.dpr || 1;
    const W = Math.max(1, Math.round(size.width * dpr));
    const H = Math.max(1, Math.round(size.height * dpr));
    if (canvas.width !== W) canvas.width = W;
    if (canvas.height !== H) canvas.height = H;
    if (!ctx) return;
    draws++;
    const read = options.readColor ?? cssReader(canvas);
    const color = (s: SpanState) => read(PALETTE[s].cssVar, PALETTE[s].light);
    const ink = read('--tl-ink', 'rgba(0,0,0,0.45)');
    const patterns = new Map<SpanState, CanvasPattern | null>();
    const patternFor = (s: SpanState) => {
      if (!patterns.has(s)) {
        const tile = patternTile(PALETTE[s].pattern, ink, dpr);
        patterns.set(s, tile ? ctx.createPattern(tile, 'repeat') : null);
      }
      return patterns.get(s) ?? null;
    };
    const ioFill = read('--tl-io-fill', 'rgba(86,180,233,0.3)');
    const heldAlt = read('--tl-held-alt', '#7f7f7f');
    const handoff = read('--tl-handoff', '#d55e00');
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    ctx.clearRect(0, 0, W, H);
    const domain = layout.domainMs || 1;
    const pxPerMs = W / domain;
    for (const band of layout.bands) {
      const { ix } = band;
      for (const row of band.rows) {
        const pad = rowPad(row.h);
        const y = Math.round((row.y + pad) * dpr);
        const h = Math.max(1, Math.round((row.y + row.h - pad) * dpr) - y);
        const shapes = lodRow(ix.spans, ix.laneStart, row.lanes, pxPerMs, W);
        for (const sh of shapes) {
          const x = Math.round(sh.x0);
          const w = Math.max(1, Math.round(sh.x1) - x);
          ctx.globalAlpha = sh.density < 0.97 ? 0.35 + 0.65 * sh.density : 1;
          if (sh.state === 'io') {
            ctx.fillStyle = ioFill;
            ctx.fillRect(x, y, w, h);
            if (h >= 4 * dpr) {
              ctx.fillStyle = color('io');
              ctx.fillRect(x, y, w, Math.max(1, Math.round(dpr)));
              ctx.fillRect(x, y + h - Math.max(1, Math.round(dpr)), w, Math.max(1, Math.round(dpr)));
            }
            continue;
          }
          const alt = sh.state === 'held' && sh.span >= 0 && ix.spans[sh.span].task % 2 === 1;
          ctx.fillStyle = alt ? heldAlt : color(sh.state);
          ctx.fillRect(x, y, w, h);
          if (hasPatternOverlay(sh.state) && w >= 3 * dpr && h >= 3 * dpr) {
            const p = patternFor(sh.state);
            if (p) {
              ctx.fillStyle = p;
              ctx.fillRect(x, y, w, h);
            }
          }
        }
        ctx.globalAlpha = 1;
        if (row.kind === 'gil') {
          ctx.fillStyle = handoff;
          const tickW = Math.max(1, Math.round(dpr));
          // At most one tick per 6 CSS px, so a busy GIL lane still shows who holds it.
          for (const t of handoffTimes(band, row, domain, (600 * dpr) / W)) {
            ctx.fillRect(
              Math.round(t * pxPerMs),
              Math.round(row.y * dpr),
              tickW,
              Math.max(2, Math.round(row.h * 0.4 * dpr)),
            );
          }
        }
      }
    }
  };

  const renderer: CanvasRenderer = {
    update(layout, timeMs, size) {
      lastArgs = [layout, timeMs, size];
      const same =
        last && last.layout === layout && last.w === size.width && last.h === size.height && last.dpr === size.dpr;
      if (same && !dirty) return;
      draw(layout, size);
      last = { layout, w: size.width, h: size.height, dpr: size.dpr };
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
