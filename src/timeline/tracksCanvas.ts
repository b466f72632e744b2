/**
 * The coordination tracks' lines on a Canvas (syncTracks.ts computes them; SvgTracks.tsx draws the same
 * tracks as SVG): the step line of a queue's depth or a shared value, its maxsize / expected / p95 line, the
 * dots of writes and of latencies, and the lost-update marks. A figure whose marks go to a Canvas while a
 * zoom or pan gesture runs draws its tracks this way too, so lanes and tracks move together, frame by frame,
 * from one window and one time scale.
 */
import type { Track } from './syncTracks';

/** The colours the SVG tracks take from the stylesheet. */
export interface TrackColors {
  line: string;
  shared: string;
  muted: string;
  fg: string;
  lost: string;
  bg: string;
}

export function readTrackColors(el: Element): TrackColors {
  const cs = typeof getComputedStyle === 'function' ? getComputedStyle(el) : null;
  const read = (v: string, fallback: string) => cs?.getPropertyValue(v).trim() || fallback;
  return {
    line: read('--tl-track-line', '#117733'),
    shared: read('--tl-track-shared', '#0072b2'),
    muted: read('--fg-muted', '#666'),
    fg: read('--fg', '#222'),
    lost: read('--tl-lost', '#d55e00'),
    bg: read('--bg-elevated', '#fff'),
  };
}

/** The dots of a track's `dots` path data ("M12.5 8h0M30 4h0…"): one point per move. */
export function dotPoints(d: string): [number, number][] {
  const out: [number, number][] = [];
  const re = /M(-?[\d.]+)[ ,](-?[\d.]+)/g;
  for (let m = re.exec(d); m; m = re.exec(d)) out.push([Number(m[1]), Number(m[2])]);
  return out;
}

function level(ctx: CanvasRenderingContext2D, y: number, width: number, dash: number[], cap: CanvasLineCap) {
  ctx.setLineDash(dash);
  ctx.lineCap = cap;
  ctx.beginPath();
  ctx.moveTo(0, y);
  ctx.lineTo(width, y);
  ctx.stroke();
  ctx.setLineDash([]);
}

function dots(ctx: CanvasRenderingContext2D, d: string, r: number) {
  ctx.beginPath();
  for (const [x, y] of dotPoints(d)) {
    ctx.moveTo(x + r, y);
    ctx.arc(x, y, r, 0, Math.PI * 2);
  }
  ctx.fill();
}

/**
 * Draws one track, computed at `width` CSS px, on a canvas of that width and the track's height at the
 * device pixel ratio `dpr`.
 */
export function drawTrack(
  canvas: HTMLCanvasElement,
  track: Track,
  width: number,
  dpr: number,
  colors: TrackColors,
  sealed = false,
): void {
  const W = Math.max(1, Math.round(width * dpr));
  const H = Math.max(1, Math.round(track.height * dpr));
  if (canvas.width !== W) canvas.width = W;
  if (canvas.height !== H) canvas.height = H;
  const ctx = canvas.getContext('2d');
  if (!ctx) return;
  ctx.setTransform(1, 0, 0, 1, 0, 0);
  ctx.clearRect(0, 0, W, H);
  ctx.setTransform(W / width, 0, 0, dpr, 0, 0);
  ctx.lineWidth = 1;
  ctx.strokeStyle = colors.muted;
  if (track.kind === 'queue' && track.maxY !== null) level(ctx, track.maxY, width, [4, 3], 'butt');
  if (track.kind === 'shared') level(ctx, track.expectedY, width, [1, 3], 'round');
  if (track.kind === 'latency') level(ctx, track.p95Y, width, [4, 3], 'butt');
  if (track.kind !== 'latency' && typeof Path2D === 'function') {
    ctx.strokeStyle = track.kind === 'shared' ? colors.shared : colors.line;
    ctx.lineWidth = 1.75;
    ctx.lineJoin = 'round';
    ctx.lineCap = 'butt';
    ctx.stroke(new Path2D(track.path));
  }
  if (track.kind === 'shared' && track.dots) {
    ctx.fillStyle = colors.shared;
    dots(ctx, track.dots, 2);
  }
  if (track.kind === 'latency' && track.dots) {
    ctx.fillStyle = colors.fg;
    dots(ctx, track.dots, 1.75);
  }
  if (track.kind === 'shared' && !sealed) {
    for (const m of track.lost) {
      ctx.beginPath();
      ctx.arc(m.x, m.y, 5.5, 0, Math.PI * 2);
      ctx.fillStyle = colors.bg;
      ctx.fill();
      ctx.lineWidth = 1.5;
      ctx.strokeStyle = colors.lost;
      ctx.stroke();
      ctx.beginPath();
      ctx.moveTo(m.x - 3, m.y - 3);
      ctx.lineTo(m.x + 3, m.y + 3);
      ctx.moveTo(m.x - 3, m.y + 3);
      ctx.lineTo(m.x + 3, m.y - 3);
      ctx.lineWidth = 2;
      ctx.lineCap = 'round';
      ctx.stroke();
    }
  }
}
