/** The expandable event log: events with times, the first few hundred per model. */
import { memo } from 'react';
import type { Trace } from '../../sim/types';
import { eventLog } from '../../timeline/events';
import { formatCount } from '../../timeline/scale';
import type { BandHeaderInfo } from '../../timeline/SvgTimeline';

export const LOG_LIMIT = 200;

/** Depends on the traces only, so switching lanes does not rebuild it. */
export const EventLog = memo(function EventLog({
  traces,
  headers,
}: {
  traces: readonly Trace[];
  headers: readonly BandHeaderInfo[];
}) {
  const logs = traces.map((t) => eventLog(t, LOG_LIMIT));
  const total = logs.reduce((n, l) => n + l.total, 0);
  return (
    <details className="tl-log">
      <summary>Event log ({formatCount(total)} events)</summary>
      {traces.map((_, i) => (
        <section key={i} className="tl-log-section">
          {traces.length > 1 ? <p className="tl-log-model">{headers[i]?.label}</p> : null}
          {/* Scrolls on its own, so it takes focus for keyboard scrolling. */}
          <ol
            className="tl-log-list"
            tabIndex={0}
            aria-label={`Events${traces.length > 1 ? ` (${headers[i]?.label})` : ''}`}
          >
            {logs[i].entries.map((e, k) => (
              <li key={k}>
                <span className="tl-log-time tl-num">{e.time}</span> {e.text}
              </li>
            ))}
          </ol>
          {logs[i].more ? <p className="tl-log-more">…{logs[i].more}</p> : null}
        </section>
      ))}
    </details>
  );
});
