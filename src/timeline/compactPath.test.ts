import { describe, expect, it } from 'vitest';
import { compactPath } from './compactPath';

/** The absolute points a path of M, L, H, V (either case) visits, one list per subpath. */
function points(d: string): [number, number][][] {
  const subpaths: [number, number][][] = [];
  let x = 0;
  let y = 0;
  for (const [, cmd, args] of d.matchAll(/([MLHVmlhv])([^MLHVmlhv]*)/g)) {
    const nums = (args.match(/-?(?:\d+\.?\d*|\.\d+)/g) ?? []).map(Number);
    const rel = cmd === cmd.toLowerCase();
    const kind = cmd.toUpperCase();
    const step = kind === 'H' || kind === 'V' ? 1 : 2;
    for (let i = 0; i < nums.length; i += step) {
      if (kind === 'H') x = rel ? x + nums[i] : nums[i];
      else if (kind === 'V') y = rel ? y + nums[i] : nums[i];
      else {
        x = rel ? x + nums[i] : nums[i];
        y = rel ? y + nums[i + 1] : nums[i + 1];
      }
      if (kind === 'M' && i === 0) subpaths.push([]);
      subpaths[subpaths.length - 1].push([x, y]);
    }
  }
  return subpaths;
}

function expectClose(a: [number, number][][], b: [number, number][][]) {
  expect(a.map((s) => s.length)).toEqual(b.map((s) => s.length));
  a.forEach((s, i) =>
    s.forEach(([x, y], j) => {
      expect(Math.abs(x - b[i][j][0])).toBeLessThanOrEqual(0.05 + 1e-9);
      expect(Math.abs(y - b[i][j][1])).toBeLessThanOrEqual(0.05 + 1e-9);
    }),
  );
}

describe('compactPath', () => {
  it('writes a step line relative to the last rounded point', () => {
    expect(compactPath('M0 22H14.84V21.82H26.81V21.64H1200')).toBe('M0 22h14.8v-.2h12v-.2h1173.2');
  });

  it('keeps zero-length dots as separate subpaths', () => {
    expect(compactPath('M14.84 21.82h0M26.81 21.64h0')).toBe('M14.8 21.8h0m12-.2h0');
  });

  it('never lets rounding accumulate along a long path', () => {
    let d = 'M0 10';
    for (let i = 1; i <= 500; i++) d += `H${(i * 2.345).toFixed(3)}V${(10 + Math.sin(i) * 7.77).toFixed(3)}`;
    expectClose(points(compactPath(d)), points(d));
    expect(compactPath(d).length).toBeLessThan(d.length);
  });

  it('follows implicit line-tos and relative commands', () => {
    const d = 'M1 2 3 4L5.55 6.66l1 -1m2 2v3h-4';
    expectClose(points(compactPath(d)), points(d));
  });

  it('leaves other path data alone', () => {
    expect(compactPath('M0 0C1 1 2 2 3 3')).toBe('M0 0C1 1 2 2 3 3');
    expect(compactPath('M0 0Z')).toBe('M0 0Z');
    expect(compactPath('')).toBe('');
  });
});
