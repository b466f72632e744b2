/**
 * How each lane's time inside a range splits between states: "thread 1: running Python 49 %, waiting for
 * the GIL 51 %". Rows holding many lanes are summed as one ("tasks 1–112").
 */
import type { SpanState } from '../sim/types';
import type { TimelineLayout } from './layout';
import { visibleRange } from './lod';
import { PALETTE, STATE_ORDER } from './palette';
import type { ViewWindow } from './viewWindow';

export interface SplitLine {
  key: string;
  /** "thread 1: running Python 49 %, waiting for the GIL 51 %" */
  text: string;
  /** Milliseconds per state inside the range. */
  ms: Partial<Record<SpanState, number>>;
}

/** Most rows listed; a figure of ten thousand tasks gets its first few rows. */
const MAX_LINES = 12;

export function rangeSplit(layout: TimelineLayout, range: ViewWindow): SplitLine[] {
  const out: SplitLine[] = [];
  const multi = layout.bands.length > 1;
  for (const band of layout.bands) {
    const { ix } = band;
    for (const row of band.rows) {
      if (out.length >= MAX_LINES) return out;
      const ms: Partial<Record<SpanState, number>> = {};
      let total = 0;
      for (const l of row.lanes) {
        const [a, b] = visibleRange(
          ix.spans,
          ix.laneStart[l],
          ix.laneStart[l + 1],
          range.startMs,
          range.endMs - range.startMs,
        );
        for (let i = a; i < b; i++) {
          const s = ix.spans[i];
          const d = Math.min(s.endMs, range.endMs) - Math.max(s.startMs, range.startMs);
          if (d <= 0) continue;
          ms[s.state] = (ms[s.state] ?? 0) + d;
          total += d;
        }
      }
      if (total <= 0) continue;
      const parts = STATE_ORDER.filter((s) => (ms[s] ?? 0) > 0).map(
        (s) => `${PALETTE[s].label} ${Math.round(((ms[s] ?? 0) / total) * 100)} %`,
      );
      const who = multi ? `${band.trace.model}, ${row.label}` : row.label;
      out.push({ key: row.key, text: `${who}: ${parts.join(', ')}`, ms });
    }
  }
  return out;
}
