/**
 * The expandable event log under a figure. Its summary states how many events there are; the rows (every
 * event, windowed, following the playhead, with a task filter: EventLogBody.tsx) load the first time the
 * reader opens it, and stay while the figure does.
 */
import { lazy, memo, Suspense, useState } from 'react';
import type { Trace } from '../../sim/types';
import { formatCount } from '../../timeline/scale';
import type { BandHeaderInfo } from '../../timeline/SvgTimeline';

const EventLogBody = lazy(() => import('./EventLogBody').then((m) => ({ default: m.EventLogBody })));

/** Depends on the traces only, so switching lanes does not rebuild it. */
export const EventLog = memo(function EventLog({
  traces,
  headers,
}: {
  traces: readonly Trace[];
  headers: readonly BandHeaderInfo[];
}) {
  const [open, setOpen] = useState(false);
  const [opened, setOpened] = useState(false);
  const total = traces.reduce((n, t) => n + t.events.length, 0);
  return (
    <details
      className="tl-log"
      onToggle={(e) => {
        const now = e.currentTarget.open;
        setOpen(now);
        if (now) setOpened(true);
      }}
    >
      <summary>Event log ({formatCount(total)} events)</summary>
      {opened ? (
        <Suspense fallback={<p className="tl-log-empty">Loading the events…</p>}>
          <EventLogBody traces={traces} headers={headers} open={open} />
        </Suspense>
      ) : null}
    </details>
  );
});
