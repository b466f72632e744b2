import { describe, expect, it } from 'vitest';
import { animateWindow, easeInOutCubic, windowPath, type FrameClock } from './windowTransition';
import type { ViewWindow } from './viewWindow';

/** A clock the test moves by hand: `tick(ms)` advances time and runs the frame asked for. */
function manualClock() {
  let now = 0;
  let next: (() => void) | null = null;
  let handles = 0;
  const clock: FrameClock = {
    now: () => now,
    request(cb) {
      next = cb;
      return ++handles;
    },
    cancel() {
      next = null;
    },
  };
  return {
    clock,
    pending: () => next !== null,
    tick(ms: number) {
      now += ms;
      const cb = next;
      next = null;
      cb?.();
    },
  };
}

function fakeStore(start: ViewWindow, domainMs = 2200) {
  let w = start;
  const writes: ViewWindow[] = [];
  return {
    read: () => w,
    write: (next: ViewWindow) => {
      // Like the store: clamped into the run.
      const width = Math.min(domainMs, next.endMs - next.startMs);
      const s = Math.min(Math.max(0, next.startMs), domainMs - width);
      w = { startMs: s, endMs: s + width };
      writes.push(w);
    },
    set: (next: ViewWindow) => (w = next),
    writes,
  };
}

describe('easeInOutCubic', () => {
  it('runs from 0 to 1, symmetric about the middle, clamped outside [0, 1]', () => {
    expect(easeInOutCubic(0)).toBe(0);
    expect(easeInOutCubic(1)).toBe(1);
    expect(easeInOutCubic(0.5)).toBeCloseTo(0.5, 12);
    expect(easeInOutCubic(0.25) + easeInOutCubic(0.75)).toBeCloseTo(1, 12);
    expect(easeInOutCubic(-1)).toBe(0);
    expect(easeInOutCubic(2)).toBe(1);
  });
});

describe('windowPath', () => {
  const whole = { startMs: 0, endMs: 2200 };
  const slice = { startMs: 20, endMs: 50 };

  it('is exactly the start window at 0 and the target at 1', () => {
    const p = windowPath(whole, slice);
    expect(p(0)).toEqual(whole);
    expect(p(1)).toEqual(slice);
  });

  it('zooming in, the width shrinks steadily and the window always holds the target', () => {
    const p = windowPath(whole, slice);
    let prev = Infinity;
    for (let i = 1; i < 20; i++) {
      const w = p(i / 20);
      const width = w.endMs - w.startMs;
      expect(width).toBeLessThan(prev);
      expect(w.startMs).toBeLessThanOrEqual(slice.startMs + 1e-6);
      expect(w.endMs).toBeGreaterThanOrEqual(slice.endMs - 1e-6);
      prev = width;
    }
  });

  it('zooms geometrically: halfway through, the width is near the geometric mean, not the average', () => {
    const p = windowPath({ startMs: 0, endMs: 1000 }, { startMs: 495, endMs: 505 });
    const mid = p(0.5);
    const width = mid.endMs - mid.startMs;
    expect(width).toBeLessThan(200); // the average would be 505 ms
    expect(width).toBeGreaterThan(50);
  });

  it('a long pan at one width widens on the way, with its centre between the two, and narrows again', () => {
    const p = windowPath({ startMs: 100, endMs: 130 }, { startMs: 500, endMs: 530 });
    const mid = p(0.5);
    const centre = (mid.startMs + mid.endMs) / 2;
    expect(mid.endMs - mid.startMs).toBeGreaterThan(30);
    expect(centre).toBeGreaterThan(115);
    expect(centre).toBeLessThan(515);
    const late = p(0.95);
    expect(late.endMs - late.startMs).toBeLessThan(mid.endMs - mid.startMs);
  });
});

describe('animateWindow', () => {
  it('moves over the duration and lands exactly on the target', async () => {
    const store = fakeStore({ startMs: 0, endMs: 2200 });
    const c = manualClock();
    const a = animateWindow({ startMs: 20, endMs: 50 }, { ...store, durationMs: 400, clock: c.clock });
    expect(store.writes).toHaveLength(0);
    c.tick(100);
    const first = store.read();
    expect(first.endMs - first.startMs).toBeLessThan(2200);
    expect(first.endMs - first.startMs).toBeGreaterThan(30);
    c.tick(100);
    c.tick(100);
    expect(c.pending()).toBe(true);
    c.tick(100);
    expect(store.read()).toEqual({ startMs: 20, endMs: 50 });
    expect(c.pending()).toBe(false);
    await expect(a.done).resolves.toBe(true);
  });

  it('with reduced motion sets the target at once, in one write, with no frames', async () => {
    const store = fakeStore({ startMs: 0, endMs: 2200 });
    const c = manualClock();
    const a = animateWindow({ startMs: 20, endMs: 50 }, { ...store, reducedMotion: true, clock: c.clock });
    expect(store.writes).toEqual([{ startMs: 20, endMs: 50 }]);
    expect(c.pending()).toBe(false);
    await expect(a.done).resolves.toBe(true);
  });

  it('stops, leaving the reader’s window, when something else changes the window meanwhile', async () => {
    const store = fakeStore({ startMs: 0, endMs: 2200 });
    const c = manualClock();
    const a = animateWindow({ startMs: 20, endMs: 50 }, { ...store, durationMs: 400, clock: c.clock });
    c.tick(100);
    store.set({ startMs: 1000, endMs: 1500 }); // the reader pans
    c.tick(100);
    expect(store.read()).toEqual({ startMs: 1000, endMs: 1500 });
    expect(c.pending()).toBe(false);
    await expect(a.done).resolves.toBe(false);
  });

  it('a window the store clamps does not count as an interruption', async () => {
    // The path from a window at the run's end zooms out past the run; the store clamps each frame.
    const store = fakeStore({ startMs: 2100, endMs: 2200 });
    const c = manualClock();
    const a = animateWindow({ startMs: 0, endMs: 10 }, { ...store, durationMs: 400, clock: c.clock });
    for (let i = 0; i < 4; i++) c.tick(100);
    expect(store.read()).toEqual({ startMs: 0, endMs: 10 });
    await expect(a.done).resolves.toBe(true);
  });

  it('cancel stops it where it is', async () => {
    const store = fakeStore({ startMs: 0, endMs: 2200 });
    const c = manualClock();
    const a = animateWindow({ startMs: 20, endMs: 50 }, { ...store, durationMs: 400, clock: c.clock });
    c.tick(100);
    const at = store.read();
    a.cancel();
    c.tick(100);
    expect(store.read()).toEqual(at);
    await expect(a.done).resolves.toBe(false);
  });
});
