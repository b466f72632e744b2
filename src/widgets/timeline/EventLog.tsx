/**
 * The expandable event log under a figure. Its summary states how many events there are; the rows (every
 * event, windowed, following the playhead, with a task filter: EventLogBody.tsx) load the first time the
 * reader opens it, and stay while the figure does.
 */
import { lazy, memo, Suspense, useState } from 'react';
import { useStore } from 'zustand';
import { useTimelineApi } from '../../store/context';
import { revealOf } from '../../store/reveal';
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
  // While a prediction waits, the log would tell its answer (every task's end is in it): it stays shut.
  const sealed = useStore(revealOf(useTimelineApi()), (r) => r.sealed);
  const total = traces.reduce((n, t) => n + t.events.length, 0);
  if (sealed) {
    return (
      <details className="tl-log">
        <summary>Event log</summary>
        <p className="tl-log-empty">The events are listed once you answer the question above.</p>
      </details>
    );
  }
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
