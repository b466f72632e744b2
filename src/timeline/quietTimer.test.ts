import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { quietTimer } from './quietTimer';

describe('quietTimer', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('fires once, quietMs after the last poke', () => {
    const fire = vi.fn();
    const t = quietTimer(100, fire);
    t.poke();
    vi.advanceTimersByTime(60);
    t.poke();
    vi.advanceTimersByTime(60);
    expect(fire).not.toHaveBeenCalled();
    vi.advanceTimersByTime(40);
    expect(fire).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(500);
    expect(fire).toHaveBeenCalledTimes(1);
  });

  it('keeps one timer however many pokes come, and cancel stops it', () => {
    const fire = vi.fn();
    const t = quietTimer(100, fire);
    for (let i = 0; i < 50; i++) t.poke();
    expect(vi.getTimerCount()).toBe(1);
    t.cancel();
    vi.advanceTimersByTime(500);
    expect(fire).not.toHaveBeenCalled();
    t.poke();
    vi.advanceTimersByTime(100);
    expect(fire).toHaveBeenCalledTimes(1);
  });
});
