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
