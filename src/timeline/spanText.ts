/** Words for one span: tooltips and the accessible name of a focused span. */
import type { Span, Trace } from '../sim/types';
import { PALETTE } from './palette';
import { formatTime } from './scale';
import { taskName } from './traceIndex';
import { waitText } from './waitText';

export interface SpanText {
  /** "A", or "GIL" / "Core 0" for work that belongs to no task. */
  who: string;
  state: string;
  /** "0 s → 20.0 ms" */
  range: string;
  duration: string;
  /** "on Thread-1", or "". */
  where: string;
}

export function spanText(trace: Trace, span: Span): SpanText {
  const lane = trace.lanes[span.lane];
  const task = span.task >= 0 ? taskName(trace, span.task) : '';
  let who = task || lane?.label || '';
  let state = waitText(trace, span) ?? PALETTE[span.state]?.label ?? span.state;
  if (lane?.kind === 'gil' && span.state === 'held') {
    who = lane.label;
    state = task ? `held by ${task}` : 'held';
  } else if (lane && lane.kind !== 'task' && task) {
    who = `${lane.label}: ${task}`;
  }
  const worker = span.worker >= 0 && span.worker < trace.lanes.length ? trace.lanes[span.worker].label : '';
  return {
    who,
    state,
    range: `${formatTime(span.startMs)} → ${formatTime(span.endMs)}`,
    duration: formatTime(span.endMs - span.startMs),
    where: worker ? `on ${worker}` : '',
  };
}

/** One line: "A, running Python on Thread-1, 0 s → 20.0 ms (20.0 ms)". */
export function spanSentence(trace: Trace, span: Span): string {
  const t = spanText(trace, span);
  return `${t.who}, ${t.state}${t.where ? ` ${t.where}` : ''}, ${t.range} (${t.duration})`;
}
