/**
 * A keyboard cursor over spans for the Canvas view (where spans are not DOM elements):
 * Left/Right move along a lane, Up/Down to the span at the same time in the row above/below.
 */
import type { SpanTarget, TimelineLayout } from './layout';
import type { ViewWindow } from './viewWindow';

export interface SpanCursor {
  band: number;
  /** Row index within the band. */
  row: number;
  lane: number;
  /** Index into band.ix.spans. */
  span: number;
}

function rowsFlat(layout: TimelineLayout): { band: number; row: number }[] {
  const out: { band: number; row: number }[] = [];
  layout.bands.forEach((b) => b.rows.forEach((_, r) => out.push({ band: b.index, row: r })));
  return out;
}

/** The span nearest to time t among the lanes of a row (covering t if any), or null if the row is empty. */
export function nearestInRow(layout: TimelineLayout, band: number, row: number, t: number): SpanCursor | null {
  const b = layout.bands[band];
  const r = b?.rows[row];
  if (!r) return null;
  const { ix } = b;
  let best: SpanCursor | null = null;
  let bestD = Infinity;
  for (const lane of r.lanes) {
    let lo = ix.laneStart[lane];
    let hi = ix.laneStart[lane + 1] - 1;
    if (lo > hi) continue;
    // Last span starting at or before t (or the first span).
    let k = lo;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (ix.spans[mid].startMs <= t) {
        k = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    for (const i of [k, k + 1]) {
      if (i >= ix.laneStart[lane + 1]) continue;
      const s = ix.spans[i];
      const d = t < s.startMs ? s.startMs - t : t >= s.endMs ? t - s.endMs : 0;
      if (d < bestD) {
        bestD = d;
        best = { band, row, lane, span: i };
      }
    }
    if (bestD === 0) break;
  }
  return best;
}

/** The cursor after a key press, or null if the key does not move it. */
export function moveCursor(layout: TimelineLayout, c: SpanCursor, key: string): SpanCursor | null {
  const b = layout.bands[c.band];
  const { ix } = b;
  const first = ix.laneStart[c.lane];
  const last = ix.laneStart[c.lane + 1] - 1;
  const s = ix.spans[c.span];
  switch (key) {
    case 'ArrowRight':
      return c.span < last ? { ...c, span: c.span + 1 } : c;
    case 'ArrowLeft':
      return c.span > first ? { ...c, span: c.span - 1 } : c;
    case 'Home':
      return { ...c, span: first };
    case 'End':
      return { ...c, span: last };
    case 'ArrowDown':
    case 'ArrowUp': {
      const flat = rowsFlat(layout);
      let k = flat.findIndex((x) => x.band === c.band && x.row === c.row);
      const dir = key === 'ArrowDown' ? 1 : -1;
      const mid = (s.startMs + s.endMs) / 2;
      for (k += dir; k >= 0 && k < flat.length; k += dir) {
        const next = nearestInRow(layout, flat[k].band, flat[k].row, mid);
        if (next) return next;
      }
      return c;
    }
    default:
      return null;
  }
}

/** Where to show the tooltip for the cursor: the middle of the span's visible part, in percent of the window. */
export function cursorTarget(layout: TimelineLayout, c: SpanCursor, window?: ViewWindow): SpanTarget {
  const b = layout.bands[c.band];
  const s = b.ix.spans[c.span];
  const start = window?.startMs ?? 0;
  const end = window?.endMs ?? layout.domainMs;
  const width = end - start || 1;
  const mid = (Math.max(s.startMs, start) + Math.min(s.endMs, end)) / 2;
  return {
    band: c.band,
    span: c.span,
    xPct: Math.min(100, Math.max(0, ((mid - start) / width) * 100)),
    y: b.rows[c.row].y,
  };
}
