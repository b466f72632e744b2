/** The expandable event log: events with times, the first few hundred per model. */
import { memo } from 'react';
import type { TimelineLayout } from '../../timeline/layout';
import { eventLog } from '../../timeline/events';
import { formatCount } from '../../timeline/scale';
import type { BandHeaderInfo } from '../../timeline/SvgTimeline';

export const LOG_LIMIT = 200;

export const EventLog = memo(function EventLog({
  layout,
  headers,
}: {
  layout: TimelineLayout;
  headers: readonly BandHeaderInfo[];
}) {
  const logs = layout.bands.map((b) => eventLog(b.trace, LOG_LIMIT));
  const total = logs.reduce((n, l) => n + l.total, 0);
  return (
    <details className="tl-log">
      <summary>Event log ({formatCount(total)} events)</summary>
      {layout.bands.map((band, i) => (
        <section key={band.index} className="tl-log-section">
          {layout.bands.length > 1 ? <h4 className="tl-log-model">{headers[band.index]?.label}</h4> : null}
          <ol className="tl-log-list">
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
