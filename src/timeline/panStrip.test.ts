import { describe, expect, it } from 'vitest';
import { MAX_STRIP_PX, stripWindow } from './panStrip';

describe('stripWindow', () => {
  it('widens the window by its own width on each side, at the same scale', () => {
    const s = stripWindow({ startMs: 400, endMs: 500 }, 200, 1000);
    expect(s.width).toBe(600);
    expect(s.window.startMs).toBeCloseTo(300, 9);
    expect(s.window.endMs).toBeCloseTo(600, 9);
  });

  it('stays inside the run at its ends, and is never wider than the run at that scale', () => {
    const atStart = stripWindow({ startMs: 10, endMs: 110 }, 200, 1000);
    expect(atStart.window.startMs).toBe(0);
    expect(atStart.window.endMs).toBeCloseTo(300, 9);
    const atEnd = stripWindow({ startMs: 950, endMs: 1000 }, 200, 1000);
    expect(atEnd.window.endMs).toBeCloseTo(1000, 9);
    expect(atEnd.width).toBe(600);
    const wide = stripWindow({ startMs: 0, endMs: 600 }, 300, 1000);
    expect(wide.width).toBe(500);
    expect(wide.window).toEqual({ startMs: 0, endMs: 1000 });
  });

  it('is capped at MAX_STRIP_PX', () => {
    const s = stripWindow({ startMs: 5000, endMs: 5100 }, 4000, 100_000);
    expect(s.width).toBe(MAX_STRIP_PX);
    expect(s.window.endMs - s.window.startMs).toBeCloseTo((MAX_STRIP_PX / 4000) * 100, 9);
  });
});
