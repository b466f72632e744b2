import { describe, expect, it } from 'vitest';
import { ariaMs, clampTime, formatCount, formatTime, timeScale, timeTicks } from './scale';

describe('formatTime', () => {
  it('formatTime(1250) is "1.25 s"', () => expect(formatTime(1250)).toBe('1.25 s'));
  it('formatTime(850) is "850 ms"', () => expect(formatTime(850)).toBe('850 ms'));
  it('formatTime(0.0125) is "12.5 µs"', () => expect(formatTime(0.0125)).toBe('12.5 µs'));
  it('formatTime(3000) is "3.00 s"', () => expect(formatTime(3000)).toBe('3.00 s'));
  it('formatTime(0) is "0 s"', () => expect(formatTime(0)).toBe('0 s'));
  it('formatTime(999.7) rounds up into seconds', () => expect(formatTime(999.7)).toBe('1.00 s'));
  it('formatTime(125000) has no exponent', () => expect(formatTime(125000)).toBe('125 s'));
  it('formatTime(1_250_000) has no exponent', () => expect(formatTime(1_250_000)).toBe('1250 s'));
  it('formatTime(5) is "5.00 ms"', () => expect(formatTime(5)).toBe('5.00 ms'));
});

describe('formatCount', () => {
  it('formatCount(10000) groups thousands with a no-break space', () => expect(formatCount(10000)).toBe('10\u00a0000'));
  it('formatCount(2000) is not grouped', () => expect(formatCount(2000)).toBe('2000'));
});

describe('timeTicks', () => {
  it('labels a 3 s domain in seconds with one decimal', () => {
    const ticks = timeTicks(3000, 6);
    expect(ticks[0]).toMatchObject({ ms: 0, pct: 0, label: '0' });
    expect(ticks.map((t) => t.label)).toContain('1.5 s');
    expect(ticks.every((t) => t.pct >= 0 && t.pct <= 100)).toBe(true);
  });
  it('labels a 42 ms domain in whole milliseconds', () => {
    const labels = timeTicks(42, 5).map((t) => t.label);
    expect(labels).toEqual(['0', '10 ms', '20 ms', '30 ms', '40 ms']);
  });
  it('labels a sub-millisecond domain in microseconds', () => {
    expect(timeTicks(0.5, 5).map((t) => t.label)).toContain('200 µs');
  });
  it('puts ticks at their share of the domain', () => {
    const t = timeTicks(2000, 4).find((x) => x.ms === 1000);
    expect(t?.pct).toBe(50);
  });
});

describe('timeScale', () => {
  it('maps the domain to percent', () => {
    const s = timeScale(2000);
    expect(s(500)).toBe(25);
    expect(s.invert(50)).toBe(1000);
  });
  it('survives an empty domain', () => expect(timeScale(0)(0)).toBe(0));
});

describe('clampTime / ariaMs', () => {
  it('clamps into [0, max]', () => {
    expect(clampTime(-5, 10)).toBe(0);
    expect(clampTime(15, 10)).toBe(10);
    expect(clampTime(Number.NaN, 10)).toBe(0);
  });
  it('ariaMs rounds to microseconds', () => expect(ariaMs(1.23456789)).toBe(1.235));
});
