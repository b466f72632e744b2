import { describe, expect, it } from 'vitest';
import { rangeIn, stepPath, valueAt, type StepSeries } from './stepLine';

const s: StepSeries = { initial: 0, t: [10, 20, 20, 30], v: [1, 2, 1, 0] };
const id = (v: number) => v;

describe('valueAt', () => {
  it('is the initial value before the first change, the last of several changes at one instant', () => {
    expect(valueAt(s, 5)).toBe(0);
    expect(valueAt(s, 10)).toBe(1);
    expect(valueAt(s, 20)).toBe(1);
    expect(valueAt(s, 25)).toBe(1);
    expect(valueAt(s, 31)).toBe(0);
  });
});

describe('rangeIn', () => {
  it('includes the value the window enters with and every change inside it', () => {
    expect(rangeIn(s, { startMs: 0, endMs: 40 })).toEqual({ min: 0, max: 2 });
    expect(rangeIn(s, { startMs: 12, endMs: 18 })).toEqual({ min: 1, max: 1 });
    expect(rangeIn(s, { startMs: 21, endMs: 40 })).toEqual({ min: 0, max: 1 });
  });
});

describe('stepPath', () => {
  it('draws each change where it happens when they are pixels apart', () => {
    const d = stepPath(s, { startMs: 0, endMs: 40 }, 400, id);
    expect(d).toBe('M0 0H100V1H200V1V2V1H300V0H400');
  });

  it('starts at the value the window enters with and stops at the end of the run', () => {
    const d = stepPath(s, { startMs: 15, endMs: 40 }, 250, id, 35);
    expect(d.startsWith('M0 1')).toBe(true);
    expect(d.endsWith('H200')).toBe(true);
  });

  it('keeps at most one run of vertices per pixel column, covering the lowest and highest value', () => {
    const t: number[] = [];
    const v: number[] = [];
    for (let i = 0; i < 10_000; i++) {
      t.push(i / 100);
      v.push(i % 7);
    }
    const d = stepPath({ initial: 0, t, v }, { startMs: 0, endMs: 100 }, 100, id);
    const columns = d.split('H').length - 1;
    expect(columns).toBeLessThanOrEqual(101);
    expect(d).toContain('V0V6');
  });
});
