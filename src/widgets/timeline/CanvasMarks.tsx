/**
 * Canvas marks (client only): the renderer draws the grid and the spans, and redraws on a new window (once a
 * frame, by store subscription), layout, size or theme.
 */
import { memo, useCallback, useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { useTimelineApi } from '../../store/context';
import { cursorTarget, moveCursor, nearestInRow, type SpanCursor } from '../../timeline/cursor';
import { spanSentence } from '../../timeline/spanText';
import type { TimelineLayout } from '../../timeline/layout';
import { createCanvasRenderer, type CanvasRenderer } from '../../timeline/canvasRenderer';
import { formatCount } from '../../timeline/scale';
import type { ViewWindow } from '../../timeline/viewWindow';

/** The row of a band that draws a lane, or -1. */
function rowOfLane(layout: TimelineLayout, band: number, lane: number): number {
  return layout.bands[band]?.rows.findIndex((r) => r.lanes.includes(lane)) ?? -1;
}

/** Memoised: the chart re-renders on every zoom step, but the canvas follows the window by itself. */
export const CanvasMarks = memo(function CanvasMarks({ layout }: { layout: TimelineLayout }) {
  const api = useTimelineApi();
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const rendererRef = useRef<CanvasRenderer | null>(null);
  const layoutRef = useRef(layout);
  const windowNow = (): ViewWindow => {
    const s = api.getState();
    return { startMs: s.viewStartMs, endMs: s.viewEndMs };
  };
  const windowRef = useRef<ViewWindow>(windowNow());

  // The window is read from the store by subscription, not through React state: a zoom or pan redraws the
  // canvas at most once per animation frame, with the latest window, and never re-renders this component.
  // A new layout is drawn at once, unless a window change of the same step has already asked for a frame
  // (lanes coming out of their groups as the window narrows): then that frame draws both.
  const relayoutRef = useRef<() => void>(() => {});
  useEffect(() => {
    const canvas = canvasRef.current;
    if (!canvas) return;
    const renderer = createCanvasRenderer(canvas);
    rendererRef.current = renderer;
    // The width is measured at mount and then taken from the resize observer: reading clientWidth in a
    // frame callback, after React has changed the DOM, would force a synchronous layout on every zoom step.
    let cssWidth = canvas.clientWidth || canvas.parentElement?.clientWidth || 600;
    const draw = () =>
      renderer.update(layoutRef.current, windowRef.current, {
        width: cssWidth,
        height: layoutRef.current.height,
        dpr: window.devicePixelRatio || 1,
      });
    draw();
    let frame = 0;
    const schedule = () => {
      if (frame) return;
      frame = requestAnimationFrame(() => {
        frame = 0;
        draw();
      });
    };
    relayoutRef.current = () => {
      if (!frame) draw();
    };
    const unsubscribe = api.subscribe((s, prev) => {
      if (s.viewStartMs === prev.viewStartMs && s.viewEndMs === prev.viewEndMs) return;
      windowRef.current = { startMs: s.viewStartMs, endMs: s.viewEndMs };
      schedule();
    });
    const ro =
      typeof ResizeObserver !== 'undefined'
        ? new ResizeObserver((entries) => {
            const w = entries[entries.length - 1]?.contentRect.width;
            if (w) cssWidth = w;
            draw();
          })
        : null;
    ro?.observe(canvas);
    return () => {
      unsubscribe();
      relayoutRef.current = () => {};
      if (frame) cancelAnimationFrame(frame);
      ro?.disconnect();
      renderer.destroy();
      rendererRef.current = null;
    };
  }, [api]);

  useEffect(() => {
    if (layoutRef.current === layout) return;
    layoutRef.current = layout;
    windowRef.current = windowNow();
    relayoutRef.current();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [layout]);

  // Keyboard inspection: the canvas is one tab stop; arrow keys move a cursor over spans.
  const cursorRef = useRef<SpanCursor | null>(null);
  const [said, setSaid] = useState('');
  const show = useCallback(
    (c: SpanCursor | null) => {
      cursorRef.current = c;
      if (!c) return;
      api.getState().setHover(cursorTarget(layout, c, windowRef.current));
      const band = layout.bands[c.band];
      setSaid(spanSentence(band.trace, band.ix.spans[c.span]));
    },
    [api, layout],
  );
  // A new layout (other models, other lanes) drops the keyboard cursor; mounting does not, so a focus that
  // lands before the first effects run keeps its span. Lanes coming out of their groups or folding back as
  // the window changes (unfold.ts) give a layout of the same lanes in other rows: the cursor keeps its span,
  // in the row that now holds its lane, and its tooltip follows the row.
  const shownLayout = useRef(layout);
  useEffect(() => {
    const prev = shownLayout.current;
    if (prev === layout) return;
    shownLayout.current = layout;
    const c = cursorRef.current;
    if (!c) return;
    const row = (prev.base ?? prev) === (layout.base ?? layout) ? rowOfLane(layout, c.band, c.lane) : -1;
    if (row < 0) {
      cursorRef.current = null;
      return;
    }
    const moved = row === c.row ? c : { ...c, row };
    cursorRef.current = moved;
    const canvas = canvasRef.current;
    if (canvas && canvas.ownerDocument.activeElement === canvas) show(moved);
  }, [layout, show]);
  const onFocus = useCallback(() => {
    if (cursorRef.current) return show(cursorRef.current);
    const t = api.getState().timeMs;
    for (const band of layout.bands) {
      for (let r = 0; r < band.rows.length; r++) {
        const c = nearestInRow(layout, band.index, r, Math.min(t, Math.max(0, layout.domainMs - 1e-9)));
        if (c) return show(c);
      }
    }
  }, [api, layout, show]);
  const onKeyDown = useCallback(
    (e: KeyboardEvent<HTMLCanvasElement>) => {
      const c = cursorRef.current;
      if (!c) return;
      if (e.key === 'Enter' || e.key === ' ') {
        e.preventDefault();
        api.getState().select({ band: c.band, span: c.span });
        return;
      }
      const next = moveCursor(layout, c, e.key);
      if (!next) return;
      e.preventDefault();
      show(next);
    },
    [api, layout, show],
  );
  const onBlur = useCallback(() => api.getState().setHover(null), [api]);

  return (
    <>
      <canvas
        ref={canvasRef}
        className="tl-canvas"
        style={{ height: layout.height }}
        role="img"
        tabIndex={0}
        aria-label={`${formatCount(layout.spanCount)} spans in ${formatCount(layout.laneCount)} lanes. Arrow keys move between spans.`}
        onFocus={onFocus}
        onBlur={onBlur}
        onKeyDown={onKeyDown}
      />
      <span className="tl-visually-hidden" aria-live="polite">
        {said}
      </span>
    </>
  );
});
