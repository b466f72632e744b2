/**
 * The contents of the event log (EventLog.tsx): every event of every model, one row each, in fixed-height rows of which only
 * those in view are built (a log of 100 000 events costs what one of 30 does). The row the playhead is on is
 * marked (aria-current) and kept in view by scrolling the list alone, never the page, never moving focus.
 * A click on a row seeks there and selects the span it belongs to (the details panel opens); on the focused
 * list the arrow keys walk event by event, Enter selects. A text box filters the rows by task.
 */
import {
  memo,
  useCallback,
  useEffect,
  useId,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
  type KeyboardEvent,
  type ReactElement,
} from 'react';
import type { Trace } from '../../sim/types';
import { useTimelineApi, useTimelineStore } from '../../store/context';
import { describeEvent } from '../../timeline/events';
import { eventRows, rowAtTime, scrollToRow, spanOfEvent, visibleRows, type EventRows } from '../../timeline/eventRows';
import { formatCount, formatTime, plural } from '../../timeline/scale';
import { indexTrace } from '../../timeline/traceIndex';
import type { BandHeaderInfo } from '../../timeline/SvgTimeline';

/** Row height before the first row is measured (CSS: .tl-log-row), px. */
export const LOG_ROW_PX = 28;
/** List height before it is measured (CSS: .tl-log-list max-height), px. */
const LOG_VIEWPORT_PX = 256;
/** After the reader scrolls the list, it stops following the playhead for this long, ms. */
const FOLLOW_PAUSE_MS = 2000;
/** Task names offered as suggestions in the filter, up to this many. */
const SUGGESTIONS = 100;

const EPS = 1e-9;

interface ListProps {
  trace: Trace;
  band: number;
  rows: EventRows;
  label: string;
  /** Only an open log follows the playhead. */
  open: boolean;
  uid: string;
}

const LogList = memo(function LogList({ trace, band, rows, label, open, uid }: ListProps) {
  const api = useTimelineApi();
  const ref = useRef<HTMLDivElement>(null);
  const [scrollTop, setScrollTop] = useState(0);
  const [viewportPx, setViewportPx] = useState(LOG_VIEWPORT_PX);
  const [rowPx, setRowPx] = useState(LOG_ROW_PX);
  // The row the reader walked to: kept while the playhead stays at its time (events often share a time).
  const [walked, setWalked] = useState<{ row: number; timeMs: number } | null>(null);
  const userScrollAt = useRef(-Infinity);
  const ix = indexTrace(trace);
  const current = useTimelineStore((s) => {
    if (!open) return -1;
    if (walked && walked.row < rows.count && Math.abs(s.timeMs - walked.timeMs) <= EPS) return walked.row;
    return rowAtTime(trace, rows, s.timeMs);
  });

  // A new filter starts at the top, with no walked row.
  useEffect(() => {
    setWalked(null);
    const el = ref.current;
    if (el) el.scrollTop = 0;
    setScrollTop(0);
  }, [rows]);

  // Measure the list and a row once open (phones use taller rows).
  useLayoutEffect(() => {
    const el = ref.current;
    if (!open || !el) return;
    const measure = () => {
      if (el.clientHeight > 0) setViewportPx(el.clientHeight);
      const row = el.querySelector<HTMLElement>('.tl-log-row');
      if (row && row.offsetHeight > 0) setRowPx(row.offsetHeight);
    };
    measure();
    if (typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(measure);
    observer.observe(el);
    return () => observer.disconnect();
  }, [open]);

  // Keep the current row in view, unless the reader has just scrolled the list themselves.
  useEffect(() => {
    const el = ref.current;
    if (!open || !el || current < 0) return;
    if (performance.now() - userScrollAt.current < FOLLOW_PAUSE_MS) return;
    const next = scrollToRow(current, el.scrollTop, el.clientHeight || viewportPx, rowPx);
    if (next !== el.scrollTop) el.scrollTop = next;
  }, [current, open, rowPx, viewportPx]);

  const go = useCallback(
    (row: number, select: boolean) => {
      if (row < 0 || row >= rows.count) return;
      const e = trace.events[rows.event(row)];
      const s = api.getState();
      if (s.playing) s.pause();
      setWalked({ row, timeMs: Math.min(Math.max(0, e.timeMs), s.domainMs) });
      s.seek(e.timeMs);
      if (select) {
        const span = spanOfEvent(ix, e);
        if (span >= 0) s.select({ band, span });
      }
      userScrollAt.current = -Infinity;
    },
    [api, band, ix, rows, trace],
  );

  const onKeyDown = useCallback(
    (e: KeyboardEvent<HTMLDivElement>) => {
      const page = Math.max(1, Math.floor(viewportPx / rowPx) - 1);
      const from = current;
      const moves: Record<string, number> = {
        ArrowDown: from + 1,
        ArrowUp: from < 0 ? 0 : from - 1,
        PageDown: from + page,
        PageUp: from - page,
        Home: 0,
        End: rows.count - 1,
      };
      if (e.key === 'Enter' || e.key === ' ') {
        e.preventDefault();
        go(Math.max(0, current), true);
        return;
      }
      if (!(e.key in moves)) return;
      e.preventDefault();
      go(Math.min(rows.count - 1, Math.max(0, moves[e.key])), false);
    },
    [current, go, rowPx, rows.count, viewportPx],
  );

  const { first, last } = visibleRows(scrollTop, viewportPx, rowPx, rows.count);
  const rowId = (row: number) => `${uid}-ev${band}-${row}`;
  const built: ReactElement[] = [];
  for (let row = first; row < last; row++) {
    const e = trace.events[rows.event(row)];
    const here = row === current;
    built.push(
      <div
        key={row}
        id={rowId(row)}
        role="option"
        aria-selected={here}
        aria-current={here ? 'true' : undefined}
        aria-posinset={row + 1}
        aria-setsize={rows.count}
        className={`tl-log-row${here ? ' tl-log-row--current' : ''}`}
        style={{ top: row * rowPx }}
        onClick={() => go(row, true)}
      >
        <span className="tl-log-time tl-num">{formatTime(e.timeMs)}</span> {describeEvent(trace, e)}
      </div>,
    );
  }
  const activeInView = current >= first && current < last;
  return (
    <div
      ref={ref}
      className="tl-log-list"
      role="listbox"
      tabIndex={0}
      aria-label={`Events${label ? ` (${label})` : ''}`}
      aria-activedescendant={activeInView ? rowId(current) : undefined}
      onKeyDown={onKeyDown}
      onScroll={(e) => setScrollTop(e.currentTarget.scrollTop)}
      onWheel={() => (userScrollAt.current = performance.now())}
      onTouchMove={() => (userScrollAt.current = performance.now())}
    >
      <div className="tl-log-rows" role="none" style={{ height: rows.count * rowPx }}>
        {built}
      </div>
    </div>
  );
});

/** The log's contents, loaded the first time the reader opens it. */
export const EventLogBody = memo(function EventLogBody({
  traces,
  headers,
  open,
}: {
  traces: readonly Trace[];
  headers: readonly BandHeaderInfo[];
  /** Only an open log follows the playhead. */
  open: boolean;
}) {
  const uid = `tl${useId().replace(/[^a-zA-Z0-9_-]/g, '')}`;
  const [query, setQuery] = useState('');
  const deferredQuery = query.trim();
  const rows = useMemo(() => traces.map((t) => eventRows(t, deferredQuery)), [traces, deferredQuery]);
  const total = traces.reduce((n, t) => n + t.events.length, 0);
  const shown = rows.reduce((n, r) => n + r.count, 0);
  const names = useMemo(() => {
    const all = new Set<string>();
    for (const t of traces) for (const task of t.tasks) all.add(task.name);
    return all.size <= SUGGESTIONS ? [...all] : [];
  }, [traces]);
  return (
    <>
      <div className="tl-log-tools">
        <label className="tl-log-filter">
          <span>Filter events by task</span>
          <input
            type="search"
            value={query}
            onChange={(e) => setQuery(e.currentTarget.value)}
            list={names.length ? `${uid}-tasks` : undefined}
            placeholder="task name"
            autoComplete="off"
            spellCheck={false}
          />
        </label>
        {names.length ? (
          <datalist id={`${uid}-tasks`}>
            {names.map((n) => (
              <option key={n} value={n} />
            ))}
          </datalist>
        ) : null}
        <span className="tl-log-count" role="status">
          {deferredQuery ? `${formatCount(shown)} of ${plural(total, 'event')}` : ''}
        </span>
      </div>
      {traces.map((t, i) => (
        <section key={i} className="tl-log-section">
          {traces.length > 1 ? <p className="tl-log-model">{headers[i]?.label}</p> : null}
          {rows[i].count ? (
            <LogList
              trace={t}
              band={i}
              rows={rows[i]}
              label={traces.length > 1 ? (headers[i]?.label ?? '') : ''}
              open={open}
              uid={uid}
            />
          ) : (
            <p className="tl-log-empty">No events of a task named “{deferredQuery}”.</p>
          )}
        </section>
      ))}
    </>
  );
});
