/**
 * The visible time window of a figure, `[startMs, endMs)`: clamping into the run, zooming about an
 * instant, panning, and the sentence that states it ("Showing 12.0 ms – 42.0 ms of 2.20 s").
 */
import { formatTime } from './scale';

export interface ViewWindow {
  startMs: number;
  endMs: number;
}

/**
 * The narrowest window, ms. One 0.2 ms step of Python must be able to fill most of the plot, and a
 * window a few µs wide still has distinct ticks at three significant digits.
 */
export const MIN_WINDOW_MS = 0.005;

/** One press of "Zoom in" halves the window; "Zoom out" doubles it. */
export const ZOOM_STEP = 2;

/**
 * Time → x over a window: `scale(ms)` in px from the plot's left edge, `scale.invert(px)` back to ms. The
 * one time-to-pixel mapping every drawing reads: the scene's (scene.ts) and the coordination tracks'.
 */
export interface WindowScale {
  (ms: number): number;
  invert(px: number): number;
}

/**
 * The time scale of a window over a plot width. A plain linear map (what d3-scale's scaleLinear computes),
 * kept here so that the page's first bundle does not carry d3-scale's interpolators and number formats.
 */
export function windowScale(w: ViewWindow, width: number): WindowScale {
  const start = w.startMs;
  const k = width / (w.endMs > w.startMs ? w.endMs - w.startMs : 1);
  const scale = (ms: number) => (ms - start) * k;
  scale.invert = (px: number) => start + px / k;
  return scale;
}

/** The whole run. */
export function fullWindow(domainMs: number): ViewWindow {
  return { startMs: 0, endMs: domainMs > 0 ? domainMs : 0 };
}

/** The window moved and shrunk as little as needed to lie inside [0, domainMs] and be at least MIN_WINDOW_MS wide. */
export function clampWindow(w: ViewWindow, domainMs: number): ViewWindow {
  const domain = domainMs > 0 ? domainMs : 0;
  if (domain === 0) return { startMs: 0, endMs: 0 };
  let width = Number.isFinite(w.endMs - w.startMs) ? w.endMs - w.startMs : domain;
  width = Math.min(domain, Math.max(Math.min(MIN_WINDOW_MS, domain), width));
  let start = Number.isFinite(w.startMs) ? w.startMs : 0;
  if (start < 0) start = 0;
  if (start + width > domain) start = domain - width;
  return { startMs: start, endMs: start + width };
}

export function isFullWindow(w: ViewWindow, domainMs: number): boolean {
  const eps = Math.max(1e-9, domainMs * 1e-9);
  return w.startMs <= eps && w.endMs >= domainMs - eps;
}

/**
 * Zooms by `factor` (> 1 narrows the window) keeping the instant `anchorMs` at the same place on screen
 * (the pointer, the playhead, or the middle).
 */
export function zoomWindow(w: ViewWindow, factor: number, anchorMs: number, domainMs: number): ViewWindow {
  if (!(factor > 0)) return clampWindow(w, domainMs);
  const width = w.endMs - w.startMs;
  const anchor = Math.min(w.endMs, Math.max(w.startMs, Number.isFinite(anchorMs) ? anchorMs : w.startMs + width / 2));
  const share = width > 0 ? (anchor - w.startMs) / width : 0.5;
  const next = Math.min(domainMs, Math.max(MIN_WINDOW_MS, width / factor));
  return clampWindow({ startMs: anchor - share * next, endMs: anchor - share * next + next }, domainMs);
}

/** Moves the window by `deltaMs` (negative: earlier), stopping at the ends of the run. */
export function panWindow(w: ViewWindow, deltaMs: number, domainMs: number): ViewWindow {
  return clampWindow({ startMs: w.startMs + deltaMs, endMs: w.endMs + deltaMs }, domainMs);
}

/** A window of the same width centred on t, if t is outside the window; else the window as it is. */
export function followWindow(w: ViewWindow, t: number, domainMs: number): ViewWindow {
  if (t >= w.startMs && t <= w.endMs) return w;
  const width = w.endMs - w.startMs;
  return clampWindow({ startMs: t - width / 2, endMs: t + width / 2 }, domainMs);
}

/** "Showing 12.0 ms – 42.0 ms of 2.20 s", or "Showing all 2.20 s". */
export function windowSentence(w: ViewWindow, domainMs: number): string {
  if (isFullWindow(w, domainMs)) return `Showing all ${formatTime(domainMs)}`;
  return `Showing ${formatTime(w.startMs)} – ${formatTime(w.endMs)} of ${formatTime(domainMs)}`;
}

/** Parses a `zoom` preset ("0-30ms", "12ms-42ms", "1.2s-1.5s", "0.2-0.5" in ms) into a window, or an error. */
export function parseWindow(text: string): { ok: true; window: ViewWindow } | { ok: false; error: string } {
  const m = /^\s*([\d.]+)\s*(µs|us|ms|s)?\s*(?:-|–|to)\s*([\d.]+)\s*(µs|us|ms|s)?\s*$/.exec(text);
  const unit = (u: string | undefined, fallback: string | undefined) => {
    const k = u ?? fallback ?? 'ms';
    return k === 's' ? 1000 : k === 'ms' ? 1 : 0.001;
  };
  if (!m) return { ok: false, error: `zoom "${text}" is not a time range such as "0-30ms" or "1.2s-1.5s".` };
  const start = Number(m[1]) * unit(m[2], m[4]);
  const end = Number(m[3]) * unit(m[4], m[2]);
  if (!Number.isFinite(start) || !Number.isFinite(end) || !(end > start))
    return { ok: false, error: `zoom "${text}" must end after it starts.` };
  return { ok: true, window: { startMs: start, endMs: end } };
}
