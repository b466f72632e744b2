/**
 * Animating a figure's window from one range to another (the article's "look at the first 30 ms"). The
 * path is d3's smooth zoom (van Wijk and Nuij, `interpolateZoom`) over the window's centre and width, so a
 * jump from the whole run to a few milliseconds zooms in steadily instead of racing sideways first; the
 * pace is eased and the whole move takes a fixed time. With reduced motion the window is set at once.
 *
 * Pure: the caller reads and writes the window (a store) and may supply the clock (tests do).
 */
import { interpolateZoom } from 'd3-interpolate';
import type { ViewWindow } from './viewWindow';

/** How long a preset's move takes, ms. */
export const PRESET_DURATION_MS = 400;

/** Cubic ease in and out: slow start, slow finish. */
export function easeInOutCubic(t: number): number {
  const x = Math.min(1, Math.max(0, t));
  return x < 0.5 ? 4 * x * x * x : 1 - Math.pow(-2 * x + 2, 3) / 2;
}

/** The window at progress t ∈ [0, 1] of the move from `from` to `to`; exactly `from` at 0 and `to` at 1. */
export function windowPath(from: ViewWindow, to: ViewWindow): (t: number) => ViewWindow {
  const w0 = Math.max(1e-9, from.endMs - from.startMs);
  const w1 = Math.max(1e-9, to.endMs - to.startMs);
  const path = interpolateZoom([from.startMs + w0 / 2, 0, w0], [to.startMs + w1 / 2, 0, w1]);
  return (t) => {
    if (t <= 0) return { startMs: from.startMs, endMs: from.endMs };
    if (t >= 1) return { startMs: to.startMs, endMs: to.endMs };
    const [cx, , w] = path(t);
    return { startMs: cx - w / 2, endMs: cx + w / 2 };
  };
}

export interface FrameClock {
  now(): number;
  /** Calls back on the next frame; returns a handle for `cancel`. */
  request(callback: () => void): number;
  cancel(handle: number): void;
}

/** Animation frames where there are any (the browser), timeouts of one frame's length otherwise. */
export const frameClock: FrameClock = {
  now: () => (typeof performance !== 'undefined' ? performance.now() : Date.now()),
  request: (callback) =>
    typeof requestAnimationFrame === 'function'
      ? requestAnimationFrame(() => callback())
      : (setTimeout(callback, 16) as unknown as number),
  cancel: (handle) =>
    typeof cancelAnimationFrame === 'function' ? cancelAnimationFrame(handle) : clearTimeout(handle),
};

export interface WindowAnimationOptions {
  /** The window shown now. */
  read(): ViewWindow;
  /** Shows a window (the store may clamp it). */
  write(window: ViewWindow): void;
  durationMs?: number;
  /** Set the target at once, no frames. */
  reducedMotion?: boolean;
  clock?: FrameClock;
}

export interface WindowAnimation {
  /** Stops where it is. */
  cancel(): void;
  /** true once the target is shown; false if cancelled or interrupted. */
  readonly done: Promise<boolean>;
}

const same = (a: ViewWindow, b: ViewWindow) => a.startMs === b.startMs && a.endMs === b.endMs;

/**
 * Moves the window to `to`. A change the animation did not make (the reader zooms, pans or fits meanwhile)
 * ends it at once, leaving the reader's window.
 */
export function animateWindow(to: ViewWindow, options: WindowAnimationOptions): WindowAnimation {
  const { read, write, clock = frameClock } = options;
  const durationMs = options.durationMs ?? PRESET_DURATION_MS;
  let settle: (reached: boolean) => void = () => {};
  const done = new Promise<boolean>((resolve) => (settle = resolve));
  const from = read();
  if (options.reducedMotion || durationMs <= 0 || same(from, to)) {
    write(to);
    settle(true);
    return { cancel() {}, done };
  }
  const path = windowPath(from, to);
  const t0 = clock.now();
  let shown = from;
  let handle = -1;
  let over = false;
  const finish = (reached: boolean) => {
    if (over) return;
    over = true;
    clock.cancel(handle);
    settle(reached);
  };
  const frame = () => {
    if (over) return;
    if (!same(read(), shown)) return finish(false);
    const t = Math.min(1, (clock.now() - t0) / durationMs);
    write(path(easeInOutCubic(t)));
    shown = read();
    if (t >= 1) return finish(true);
    handle = clock.request(frame);
  };
  handle = clock.request(frame);
  return { cancel: () => finish(false), done };
}
