import { describe, expect, it } from 'vitest';
import { compactPath, simplifyPath } from './compactPath';

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

/** The line's height at x (px), on the polyline through the points (x ascending; the last value at a jump). */
function heightAt(pts: [number, number][], x: number): number {
  let y = pts[0][1];
  for (let i = 1; i < pts.length; i++) {
    const [x0, y0] = pts[i - 1];
    const [x1, y1] = pts[i];
    if (x1 < x) continue;
    if (x1 === x0) return y1;
    y = y0 + ((x - x0) / (x1 - x0)) * (y1 - y0);
    if (x1 > x) return y;
  }
  return pts[pts.length - 1][1];
}

describe('simplifyPath', () => {
  // A shared counter's step line: a hundred steps a fifth of a pixel high.
  let stairs = 'M0 22';
  for (let i = 1; i <= 100; i++) stairs += `H${(i * 11.7).toFixed(2)}V${(22 - i * 0.18).toFixed(2)}`;

  it('draws steps a fraction of a pixel high as the slope they make, within the tolerance', () => {
    const d = simplifyPath(stairs, 0.25);
    expect(d.length).toBeLessThan(compactPath(stairs).length / 5);
    const exact = points(stairs)[0];
    const drawn = points(d)[0];
    // At every vertex of the exact line, the drawn one is within the tolerance (and a rounding to tenths).
    for (const [x, y] of exact) expect(Math.abs(heightAt(drawn, x) - y)).toBeLessThanOrEqual(0.25 + 0.1);
    expect(drawn[0]).toEqual([0, 22]);
    expect(drawn.at(-1)).toEqual(exact.at(-1));
  });

  it('keeps the corners of steps a pixel high or more', () => {
    const d = 'M0 20H10V18H20V10H30V16H40';
    expect(points(simplifyPath(d, 0.25))).toEqual(points(d));
  });

  it('keeps every subpath, and leaves other path data alone', () => {
    expect(points(simplifyPath('M0 5H10M20 5H30', 0.25))).toEqual([
      [
        [0, 5],
        [10, 5],
      ],
      [
        [20, 5],
        [30, 5],
      ],
    ]);
    expect(simplifyPath('M0 0C1 1 2 2 3 3', 0.25)).toBe('M0 0C1 1 2 2 3 3');
  });
});
