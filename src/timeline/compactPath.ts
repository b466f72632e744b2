/**
 * Shorter path data for the prerendered tracks: the same polyline with its points rounded to a tenth of a
 * unit and written relative to the previous point (`h12v-.2` for `H14.84V21.82`). Differences are taken
 * between rounded absolute points, so rounding never accumulates along the path. Path data using commands
 * other than M, L, H, V (absolute or relative) is returned unchanged.
 */

const TOKEN = /([MLHVmlhv])|(-?(?:\d+\.?\d*|\.\d+)(?:e[-+]?\d+)?)/g;

/** A count of tenths as the shortest number: 5 → ".5", -12 → "-1.2", 30 → "3". */
function tenths(n: number): string {
  const s = String(Math.abs(n) / 10).replace(/^0\./, '.');
  return n < 0 ? `-${s}` : s;
}

/** Numbers run together where the grammar allows: a minus sign starts a new number without a space. */
function join(nums: string[]): string {
  let out = '';
  for (const s of nums) out += out === '' || s.startsWith('-') ? s : ` ${s}`;
  return out;
}

export function compactPath(d: string): string {
  const tokens = [...d.matchAll(TOKEN)];
  if (tokens.length === 0 || /[^MLHVmlhv\d\s.,eE+-]/.test(d)) return d;
  let x = 0;
  let y = 0;
  // The last written point, in tenths.
  let px = 0;
  let py = 0;
  let out = '';
  let first = true;
  let i = 0;
  while (i < tokens.length) {
    const cmd = tokens[i][1];
    if (!cmd) return d;
    i++;
    const arity = 'MLml'.includes(cmd) ? 2 : 1;
    // A command may carry several coordinate groups (implicit repeats; after M they are line-tos).
    let repeat = 0;
    while (i < tokens.length && !tokens[i][1]) {
      const args: number[] = [];
      for (let k = 0; k < arity; k++) {
        const t = tokens[i + k];
        if (!t || t[1]) return d;
        args.push(Number(t[2]));
      }
      i += arity;
      const rel = cmd === cmd.toLowerCase();
      const kind = cmd.toUpperCase();
      if (kind === 'H') x = rel ? x + args[0] : args[0];
      else if (kind === 'V') y = rel ? y + args[0] : args[0];
      else {
        x = rel ? x + args[0] : args[0];
        y = rel ? y + args[1] : args[1];
      }
      const tx = Math.round(x * 10);
      const ty = Math.round(y * 10);
      const move = kind === 'M' && repeat === 0;
      if (first) {
        out += `M${join([tenths(tx), tenths(ty)])}`;
        first = false;
      } else if (kind === 'H') out += `h${tenths(tx - px)}`;
      else if (kind === 'V') out += `v${tenths(ty - py)}`;
      else out += `${move ? 'm' : 'l'}${join([tenths(tx - px), tenths(ty - py)])}`;
      px = tx;
      py = ty;
      repeat++;
    }
    if (repeat === 0) return d;
  }
  return out;
}

/** The absolute points of path data made of M, L, H, V (either case), one list per subpath; null otherwise. */
function polylines(d: string): [number, number][][] | null {
  if (/[^MLHVmlhv\d\s.,eE+-]/.test(d)) return null;
  const out: [number, number][][] = [];
  let x = 0;
  let y = 0;
  for (const [, cmd, args] of d.matchAll(/([MLHVmlhv])([^MLHVmlhv]*)/g)) {
    const nums = (args.match(/-?(?:\d+\.?\d*|\.\d+)(?:e[-+]?\d+)?/g) ?? []).map(Number);
    const rel = cmd === cmd.toLowerCase();
    const kind = cmd.toUpperCase();
    const arity = kind === 'H' || kind === 'V' ? 1 : 2;
    if (nums.length === 0 || nums.length % arity !== 0) return null;
    for (let i = 0; i < nums.length; i += arity) {
      if (kind === 'H') x = rel ? x + nums[i] : nums[i];
      else if (kind === 'V') y = rel ? y + nums[i] : nums[i];
      else {
        x = rel ? x + nums[i] : nums[i];
        y = rel ? y + nums[i + 1] : nums[i + 1];
      }
      if (kind === 'M' && i === 0) out.push([]);
      else if (out.length === 0) return null;
      out[out.length - 1].push([x, y]);
    }
  }
  return out;
}

/** How far p lies from the segment a–b: vertically (the plot may be stretched sideways, never up or down). */
function offset(p: [number, number], a: [number, number], b: [number, number]): number {
  if (b[0] === a[0]) {
    // A vertical chord: the distance to it, along the axis where it is closest.
    const lo = Math.min(a[1], b[1]);
    const hi = Math.max(a[1], b[1]);
    const dy = p[1] < lo ? lo - p[1] : p[1] > hi ? p[1] - hi : 0;
    return Math.max(dy, Math.abs(p[0] - a[0]));
  }
  const t = (p[0] - a[0]) / (b[0] - a[0]);
  if (t < 0 || t > 1) return Infinity;
  return Math.abs(p[1] - (a[1] + t * (b[1] - a[1])));
}

/** The vertices of one polyline that must stay so that no dropped one lies farther than `tolerance` (Douglas–Peucker). */
function keep(points: [number, number][], tolerance: number): [number, number][] {
  if (points.length <= 2) return points;
  const kept = new Uint8Array(points.length);
  kept[0] = kept[points.length - 1] = 1;
  const stack: [number, number][] = [[0, points.length - 1]];
  while (stack.length) {
    const [a, b] = stack.pop()!;
    let worst = -1;
    let far = 0;
    for (let i = a + 1; i < b; i++) {
      const d = offset(points[i], points[a], points[b]);
      if (d > far) {
        far = d;
        worst = i;
      }
    }
    if (worst >= 0 && far > tolerance) {
      kept[worst] = 1;
      stack.push([a, worst], [worst, b]);
    }
  }
  return points.filter((_, i) => kept[i]);
}

/**
 * A line at its level of detail: vertices dropped wherever the line they leave stays within `tolerance`
 * (px, measured up and down) of every dropped one, so a step line climbing a fifth of a pixel per step
 * becomes the slope it looks like, while a step of a pixel or more keeps its corners. Then written as
 * compactPath does. Path data that is not a polyline of M, L, H, V is returned unchanged.
 */
export function simplifyPath(d: string, tolerance: number): string {
  const lines = polylines(d);
  if (!lines) return d;
  let abs = '';
  for (const line of lines) {
    const pts = keep(line, tolerance);
    abs += `M${pts[0][0]} ${pts[0][1]}`;
    for (let i = 1; i < pts.length; i++) {
      const [x, y] = pts[i];
      const [px, py] = pts[i - 1];
      abs += y === py ? `H${x}` : x === px ? `V${y}` : `L${x} ${y}`;
    }
  }
  return compactPath(abs);
}
