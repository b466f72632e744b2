/**
 * The zoom part of the figure: "Zoom in", "Zoom out", "Fit" (in the toolbar), the line that states the window
 * ("Showing 12.0 ms – 42.0 ms of 2.20 s"), how many hand-offs are in view, the Shift+drag range with its
 * per-lane split and "Zoom to selection", and the overview strip (the whole run, the window drawn on it,
 * drag to pan).
 */
import { memo, useCallback, useMemo, useRef, type PointerEvent } from 'react';
import { useStore } from 'zustand';
import { useTimelineApi, useTimelineStore } from '../../store/context';
import { revealOf } from '../../store/reveal';
import type { TimelineLayout } from '../../timeline/layout';
import type { SpanState } from '../../sim/types';
import { lodGroup } from '../../timeline/lod';
import { formatTime, plural } from '../../timeline/scale';
import { rangeSplit } from '../../timeline/rangeSplit';
import { windowSentence, ZOOM_STEP } from '../../timeline/viewWindow';
import { bandFlows } from '../../timeline/flows';
import { useLive } from '../../timeline/useLive';
import { IconFit, IconZoomIn, IconZoomOut } from './icons';
import { markGesture } from './gestureSignal';

const OVERVIEW_COLUMNS = 300;

function WindowLine({ layout }: { layout: TimelineLayout }) {
  const startMs = useTimelineStore((s) => s.viewStartMs);
  const endMs = useTimelineStore((s) => s.viewEndMs);
  const domainMs = useTimelineStore((s) => s.domainMs);
  const flows = useMemo(() => layout.bands.flatMap(bandFlows), [layout]);
  let gil = 0;
  let wake = 0;
  for (const f of flows) {
    if (f.timeMs < startMs || f.timeMs > endMs) continue;
    if (f.kind === 'gil') gil++;
    else wake++;
  }
  const counts = [gil ? plural(gil, 'GIL hand-off') : '', wake ? plural(wake, 'wake-up') : '']
    .filter(Boolean)
    .join(', ');
  return (
    <p className="tl-window-line">
      <span className="tl-window-text">{windowSentence({ startMs, endMs }, domainMs)}</span>
      {counts ? <span className="tl-window-flows">{` · ${counts} in view`}</span> : null}
    </p>
  );
}

/** Horizontal resolution of the overview strip's drawing: a hundredth of a percent of its width. */
const OVERVIEW_UNITS = 10000;

/**
 * States drawn with an outline (`.tl-s--io` has a stroke, timeline.css): their paths come last, so that the
 * outline lies over the neighbouring shapes, and their stroke does not stretch with the strip
 * (vector-effect in timeline.css).
 */
const OUTLINED: ReadonlySet<SpanState> = new Set(['io']);

export interface OverviewShapes {
  /**
   * Per state, one closed subpath per shape (x in OVERVIEW_UNITS, y in px), each relative to the one before;
   * outlined states last.
   */
  paths: Map<SpanState, string>;
}

/** What the overview strip draws: the summary row of each band, `h` px apart. */
export function overviewShapes(layout: TimelineLayout, h: number): OverviewShapes {
  const domain = layout.domainMs || 1;
  const k = OVERVIEW_UNITS / OVERVIEW_COLUMNS;
  const paths = new Map<SpanState, { d: string; x: number; y: number }>();
  layout.bands.forEach((band, b) => {
    const ranges = band.rows
      .filter((r) => r.kind !== 'gil' && r.kind !== 'core')
      .flatMap((r) => r.lanes)
      .map((l) => [band.ix.laneStart[l], band.ix.laneStart[l + 1]] as const);
    const y = b * h;
    // Shapes of one state that touch or overlap in the strip are one rect (the strip draws no density).
    const open = new Map<SpanState, [number, number]>();
    const close = (state: SpanState, [x, end]: [number, number]) => {
      const w = end - x;
      let p = paths.get(state);
      if (!p) paths.set(state, (p = { d: '', x: NaN, y: 0 }));
      p.d += `${Number.isNaN(p.x) ? `M${x} ${y}` : `m${x - p.x} ${y - p.y}`}h${w}v${h - 1}h${-w}z`;
      p.x = x;
      p.y = y;
    };
    for (const sh of lodGroup(band.ix.spans, ranges, OVERVIEW_COLUMNS / domain, OVERVIEW_COLUMNS)) {
      const x = Math.round(sh.x0 * k);
      const end = x + Math.round((sh.x1 - sh.x0) * k);
      const run = open.get(sh.state);
      if (run && x <= run[1]) run[1] = Math.max(run[1], end);
      else {
        if (run) close(sh.state, run);
        open.set(sh.state, [x, end]);
      }
    }
    for (const [state, run] of open) close(state, run);
  });
  const ordered = [...paths].sort(([a], [b]) => Number(OUTLINED.has(a)) - Number(OUTLINED.has(b)));
  return { paths: new Map(ordered.map(([state, p]) => [state, p.d])) };
}

/**
 * The whole run in a thin strip per band (one summary row each), drawn once per layout: one path per state,
 * stretched over the strip's width. While the figure waits for a prediction the strip is hidden (predict.css):
 * it keeps its size and draws nothing, so the prerendered page does not carry what no one sees.
 */
const OverviewMarks = memo(function OverviewMarks({ layout, sealed }: { layout: TimelineLayout; sealed: boolean }) {
  const h = Math.max(4, Math.floor(24 / Math.max(1, layout.bands.length)));
  const height = h * layout.bands.length;
  const { paths } = sealed ? { paths: new Map<SpanState, string>() } : overviewShapes(layout, h);
  return (
    <svg
      className="tl-overview-marks"
      width="100%"
      height={height}
      viewBox={`0 0 ${OVERVIEW_UNITS} ${height}`}
      preserveAspectRatio="none"
      aria-hidden="true"
    >
      {[...paths].map(([state, d]) => (
        <path key={state} className={`tl-s tl-s--${state}`} d={d} />
      ))}
    </svg>
  );
});

function Overview({ layout }: { layout: TimelineLayout }) {
  const api = useTimelineApi();
  const startMs = useTimelineStore((s) => s.viewStartMs);
  const endMs = useTimelineStore((s) => s.viewEndMs);
  const domainMs = useTimelineStore((s) => s.domainMs);
  const sealed = useStore(revealOf(api), (s) => s.sealed);
  const live = useLive();
  const drag = useRef<{ id: number; grabMs: number } | null>(null);
  const ref = useRef<HTMLDivElement>(null);
  const timeAt = (clientX: number) => {
    const box = ref.current!.getBoundingClientRect();
    return ((clientX - box.left) / (box.width || 1)) * domainMs;
  };
  const onDown = useCallback(
    (e: PointerEvent<HTMLDivElement>) => {
      if (e.button !== 0 && e.pointerType === 'mouse') return;
      e.preventDefault();
      const s = api.getState();
      const t = timeAt(e.clientX);
      const width = s.viewEndMs - s.viewStartMs;
      // Press inside the window: grab it where pressed; outside: centre it there.
      const inside = t >= s.viewStartMs && t <= s.viewEndMs;
      const grabMs = inside ? t - s.viewStartMs : width / 2;
      markGesture(api);
      if (!inside) s.setWindow(t - grabMs, t - grabMs + width);
      drag.current = { id: e.pointerId, grabMs };
      e.currentTarget.setPointerCapture?.(e.pointerId);
    },
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [api, domainMs],
  );
  const onMove = useCallback(
    (e: PointerEvent<HTMLDivElement>) => {
      const d = drag.current;
      if (!d || d.id !== e.pointerId) return;
      const s = api.getState();
      const width = s.viewEndMs - s.viewStartMs;
      const start = timeAt(e.clientX) - d.grabMs;
      markGesture(api);
      s.setWindow(start, start + width);
    },
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [api, domainMs],
  );
  const onUp = useCallback((e: PointerEvent<HTMLDivElement>) => {
    if (drag.current?.id === e.pointerId) drag.current = null;
  }, []);
  const left = domainMs > 0 ? (startMs / domainMs) * 100 : 0;
  const width = domainMs > 0 ? ((endMs - startMs) / domainMs) * 100 : 100;
  return (
    <div
      ref={ref}
      className="tl-overview"
      data-no-scrub=""
      onPointerDown={onDown}
      onPointerMove={onMove}
      onPointerUp={onUp}
      onPointerCancel={onUp}
      title={live ? 'The whole run: drag the window to pan' : undefined}
    >
      <OverviewMarks layout={layout} sealed={sealed} />
      <div
        className="tl-overview-window"
        style={{ left: `${left}%`, width: `max(4px, ${width}%)` }}
        aria-hidden="true"
      />
    </div>
  );
}

function RangeReport({ layout }: { layout: TimelineLayout }) {
  const api = useTimelineApi();
  const range = useTimelineStore((s) => s.selection);
  const lines = useMemo(() => (range ? rangeSplit(layout, range) : []), [layout, range]);
  if (!range) return null;
  const a = api.getState();
  return (
    <div className="tl-range" role="group" aria-label="Selected range">
      <p className="tl-range-head">
        <strong>
          {formatTime(range.startMs)} – {formatTime(range.endMs)}
        </strong>{' '}
        ({formatTime(range.endMs - range.startMs)})
        <button
          type="button"
          className="tl-btn tl-btn--text"
          onClick={() => {
            a.setWindow(range.startMs, range.endMs);
            a.setSelection(null);
          }}
        >
          Zoom to selection
        </button>
        <button type="button" className="tl-btn tl-btn--text" onClick={() => a.setSelection(null)}>
          Clear selection
        </button>
      </p>
      <ul className="tl-range-split">
        {lines.map((l) => (
          <li key={l.key}>{l.text}</li>
        ))}
      </ul>
    </div>
  );
}

/** "Zoom in", "Zoom out" and "Fit": they stand in the figure's toolbar (Controls). */
export function ZoomButtons() {
  const api = useTimelineApi();
  // Tooltips once the figure is live (as the other buttons of the toolbar: Controls.tsx).
  const live = useLive();
  const a = api.getState();
  // Zoom about the playhead when it is in view, else about the middle of the window.
  const zoomAbout = (factor: number) => {
    const s = api.getState();
    const inView = s.timeMs >= s.viewStartMs && s.timeMs <= s.viewEndMs;
    s.zoomBy(factor, inView ? s.timeMs : undefined);
  };
  return (
    <div className="tl-buttons tl-zoom-buttons" role="group" aria-label="Zoom">
      <button
        type="button"
        className="tl-btn"
        aria-label="Zoom in"
        title={live ? 'Zoom in (+ or W)' : undefined}
        onClick={() => zoomAbout(ZOOM_STEP)}
      >
        <IconZoomIn />
      </button>
      <button
        type="button"
        className="tl-btn"
        aria-label="Zoom out"
        title={live ? 'Zoom out (- or S)' : undefined}
        onClick={() => zoomAbout(1 / ZOOM_STEP)}
      >
        <IconZoomOut />
      </button>
      <button
        type="button"
        className="tl-btn"
        aria-label="Fit"
        title={live ? 'Show the whole run (0)' : undefined}
        onClick={a.fit}
      >
        <IconFit />
      </button>
    </div>
  );
}

/** Under the toolbar: the window line, the overview strip and the selected range. */
export function ZoomBar({ layout }: { layout: TimelineLayout }) {
  return (
    <div className="tl-zoom">
      <WindowLine layout={layout} />
      <Overview layout={layout} />
      <RangeReport layout={layout} />
    </div>
  );
}
