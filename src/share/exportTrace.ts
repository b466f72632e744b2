/**
 * Traces as Chrome Trace Event JSON (the "JSON Object Format"), which Perfetto and chrome://tracing open:
 * one process per model, one thread per lane (named by metadata events), and one complete event ("X") per
 * span, in microseconds.
 */
import type { ModelId, Trace } from '../sim/types';
import { PALETTE } from '../timeline/palette';

export interface ChromeTraceEvent {
  name: string;
  ph: 'X' | 'M';
  pid: number;
  tid: number;
  ts?: number;
  dur?: number;
  cat?: string;
  args?: Record<string, string | number>;
}

export interface ChromeTrace {
  traceEvents: ChromeTraceEvent[];
  displayTimeUnit: 'ms';
  otherData: Record<string, string>;
}

const us = (ms: number) => Math.round(ms * 1e6) / 1e3;

export function chromeTrace(traces: readonly Trace[], labels: Partial<Record<ModelId, string>> = {}): ChromeTrace {
  const events: ChromeTraceEvent[] = [];
  traces.forEach((trace, m) => {
    const pid = m + 1;
    const meta = (name: string, tid: number, args: Record<string, string | number>) =>
      events.push({ name, ph: 'M', pid, tid, args });
    meta('process_name', 0, { name: labels[trace.model] ?? trace.model });
    meta('process_sort_index', 0, { sort_index: m });
    trace.lanes.forEach((lane, l) => {
      meta('thread_name', l + 1, { name: lane.label });
      meta('thread_sort_index', l + 1, { sort_index: l });
    });
    for (const span of trace.spans) {
      const args: Record<string, string | number> = { state: span.state };
      if (span.task >= 0) args.task = trace.tasks[span.task]?.name ?? span.task;
      if (span.step >= 0) args.step = span.step + 1;
      events.push({
        name: PALETTE[span.state]?.label ?? span.state,
        cat: span.state,
        ph: 'X',
        ts: us(span.startMs),
        dur: us(span.endMs - span.startMs),
        pid,
        tid: span.lane + 1,
        args,
      });
    }
  });
  const first = traces[0];
  return {
    traceEvents: events,
    displayTimeUnit: 'ms',
    otherData: { source: 'Interleave simulation', scenario: first?.scenarioId ?? '' },
  };
}
