/** Plain-text renderings of traces, for the CLI and for tests. */
import { MODEL_LABELS } from '../labels';
import type { SpanState, Trace } from '../types';

export const STATE_CHARS: Record<SpanState, string> = {
  running: '#',
  native: 'N',
  io: '.',
  blocking: 'B',
  'wait-gil': 'g',
  'wait-loop': 'l',
  'wait-core': 'c',
  'wait-worker': 'w',
  starting: 's',
  pickling: 'p',
  held: 'H',
  'wait-lock': 'L',
  'wait-queue': 'Q',
  'wait-event': 'E',
  'wait-join': 'J',
  'wait-barrier': 'R',
};

export const LEGEND =
  'legend: # running  N native  . io  B blocking  g wait-gil  l wait-loop  c wait-core  w wait-worker  s starting  p pickling  L wait-lock  Q wait-queue  E wait-event  J wait-join  R wait-barrier';

/**
 * One row per task lane (the first maxRows), `width` columns across the makespan; each column shows the
 * state that covers most of its time slice, or a space.
 */
export function asciiTimeline(trace: Trace, width = 72, maxRows = 20): string {
  const span = trace.makespanMs > 0 ? trace.makespanMs : 1;
  const taskLanes = trace.lanes.filter((l) => l.kind === 'task');
  const rows = Math.min(maxRows, taskLanes.length);
  const nameWidth = Math.min(16, Math.max(4, ...taskLanes.slice(0, rows).map((l) => l.label.length)));
  const cover: Map<SpanState, Float64Array>[] = [];
  for (let r = 0; r < rows; r++) cover.push(new Map());
  const bucket = span / width;
  for (const s of trace.spans) {
    if (s.lane >= rows) break; // spans are sorted by lane; task lanes come first
    let m = cover[s.lane].get(s.state);
    if (!m) {
      m = new Float64Array(width);
      cover[s.lane].set(s.state, m);
    }
    const c0 = Math.max(0, Math.floor(s.startMs / bucket));
    const c1 = Math.min(width - 1, Math.floor(s.endMs / bucket));
    for (let c = c0; c <= c1; c++) {
      const lo = Math.max(s.startMs, c * bucket);
      const hi = Math.min(s.endMs, (c + 1) * bucket);
      if (hi > lo) m[c] += hi - lo;
    }
  }
  const lines: string[] = [];
  const axis = `${' '.repeat(nameWidth)} 0${' '.repeat(Math.max(1, width - 1 - fmtMs(span).length))}${fmtMs(span)}`;
  lines.push(`${MODEL_LABELS[trace.model]} — ${fmtMs(trace.makespanMs)}`);
  lines.push(axis);
  for (let r = 0; r < rows; r++) {
    let row = '';
    for (let c = 0; c < width; c++) {
      let best: SpanState | null = null;
      let bestV = 0;
      for (const [state, m] of cover[r]) {
        if (m[c] > bestV) {
          bestV = m[c];
          best = state;
        }
      }
      row += best ? STATE_CHARS[best] : ' ';
    }
    const name = taskLanes[r].label.slice(0, nameWidth).padEnd(nameWidth);
    lines.push(`${name}|${row}|`);
  }
  if (taskLanes.length > rows) lines.push(`… and ${taskLanes.length - rows} more tasks`);
  return lines.join('\n');
}

export function fmtMs(ms: number): string {
  if (ms >= 1000) return `${(ms / 1000).toFixed(3)} s`;
  if (ms >= 1) return `${ms.toFixed(2)} ms`;
  return `${(ms * 1000).toFixed(1)} µs`;
}

export function fmtBytes(b: number): string {
  if (b >= 1024 * 1024) return `${(b / (1024 * 1024)).toFixed(1)} MB`;
  if (b >= 1024) return `${(b / 1024).toFixed(1)} KB`;
  return `${b} B`;
}

/**
 * Summary table: model, total time (or when it deadlocked), speed-up vs sequential (`sequentialMs`: null when
 * sequential code never finishes, baseline.ts), GIL switches, utilisation, peak, memory.
 */
export function summaryTable(traces: readonly Trace[], sequentialMs: number | null): string {
  const head = ['model', 'total', 'speed-up', 'GIL switches', 'utilisation', 'peak', 'memory'];
  const rows = traces.map((t) => [
    MODEL_LABELS[t.model],
    t.metrics.deadlock ? `deadlock at ${fmtMs(t.makespanMs)}` : fmtMs(t.makespanMs),
    sequentialMs !== null && t.makespanMs > 0 ? `${(sequentialMs / t.makespanMs).toFixed(2)}×` : '—',
    String(t.metrics.gilSwitches),
    `${(t.metrics.utilisation * 100).toFixed(1)}%`,
    String(t.metrics.peakConcurrency),
    fmtBytes(t.metrics.memoryBytes),
  ]);
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]): string =>
    cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
  return [line(head), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}
