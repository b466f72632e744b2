/**
 * The chart wired to the store: the scene for the store's window at the plot's width, playhead slider,
 * tooltip, scrubbing, Shift+drag ranges, click to select, zoom input, and Canvas for large traces.
 */
import {
  memo,
  useCallback,
  useEffect,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
  type ComponentType,
  type KeyboardEvent,
  type PointerEvent,
  type RefObject,
} from 'react';
import { useTimelineApi, useTimelineStore } from '../../store/context';
import type { SpanTarget, TimelineLayout } from '../../timeline/layout';
import { createGestures } from '../../timeline/gestures';
import { buildScene, hitTest, NOMINAL_WIDTH, pctOf, prepareScene, type Scene } from '../../timeline/scene';
import { Axis } from '../../timeline/Axis';
import { unfoldLayout } from '../../timeline/unfold';
import { clampWindow } from '../../timeline/viewWindow';
import { useNear } from '../near/useNear';
import { chartHeight, PlayheadView, SpanTooltip, SvgTimeline, type BandHeaderInfo } from '../../timeline/SvgTimeline';
import { useZoomInput, zoomKey } from './useZoomInput';
import { setGestureDrawing, useGestureActive } from './gestureSignal';
import { DeadlockMarker } from './DeadlockMarker';
import { useStore } from 'zustand';
import { revealOf } from '../../store/reveal';
import { whenIdle } from './whenIdle';

/**
 * While the figure waits for its prediction, the slider speaks in percent of the run: its range and the
 * time at its end would give the answer away.
 */
function sealedAria(timeMs: number, domainMs: number) {
  const pct = domainMs > 0 ? Math.round((Math.min(timeMs, domainMs) / domainMs) * 1000) / 10 : 0;
  return { 'aria-valuemin': 0, 'aria-valuemax': 100, 'aria-valuenow': pct, 'aria-valuetext': `${pct}% of the run` };
}

/**
 * Charts taller than this (px, lanes and axis) scroll inside a capped area (`.tl-chart-wrap--scroll`, whose
 * max-height matches), so a figure with many lanes still fits a screen.
 */
export const CHART_CAP_PX = 420;

function Playhead({ layout, width }: { layout: TimelineLayout; width: number }) {
  const api = useTimelineApi();
  const scene = useWindowScene(layout, width);
  const domainMs = layout.domainMs;
  const timeMs = useTimelineStore((s) => s.timeMs);
  const onKeyDown = useCallback(
    (e: KeyboardEvent<HTMLDivElement>) => {
      if (e.shiftKey && (e.key === 'ArrowLeft' || e.key === 'ArrowRight')) return; // pans (the chart's keys)
      const s = api.getState();
      const moves: Record<string, () => void> = {
        ArrowRight: () => s.nudge(0.01),
        ArrowUp: () => s.nudge(0.01),
        ArrowLeft: () => s.nudge(-0.01),
        ArrowDown: () => s.nudge(-0.01),
        PageUp: () => s.nudge(0.1),
        PageDown: () => s.nudge(-0.1),
        Home: () => s.seek(0),
        End: () => s.seek(s.domainMs),
      };
      const move = moves[e.key];
      if (!move) return;
      e.preventDefault();
      if (s.playing) s.pause();
      move();
    },
    [api],
  );
  const sealed = useStore(revealOf(api), (s) => s.sealed);
  return (
    <PlayheadView
      timeMs={timeMs}
      domainMs={domainMs}
      window={scene.window}
      slider
      onKeyDown={onKeyDown}
      {...(sealed ? sealedAria(timeMs, domainMs) : {})}
    />
  );
}

const Tooltip = memo(function Tooltip({ layout, id }: { layout: TimelineLayout; id: string }) {
  const hover = useTimelineStore((s) => s.hover);
  return <SpanTooltip layout={layout} target={hover} id={id} />;
});

/** Outline of the selected span and the Shift+drag range, over the marks. */
function Marks({ scene }: { scene: Scene }) {
  const selected = useTimelineStore((s) => s.selected);
  const range = useTimelineStore((s) => s.selection);
  const band = selected ? scene.layout.bands[selected.band] : undefined;
  const span = band && selected ? band.ix.spans[selected.span] : undefined;
  const row = span && band ? band.rows.find((r) => r.lanes.includes(span.lane)) : undefined;
  const clampPct = (ms: number) => Math.min(100, Math.max(0, pctOf(scene, ms)));
  return (
    <>
      {span && row ? (
        <div
          className="tl-selected-mark"
          aria-hidden="true"
          style={{
            left: `${clampPct(span.startMs)}%`,
            width: `max(3px, ${clampPct(span.endMs) - clampPct(span.startMs)}%)`,
            top: row.y,
            height: row.h,
          }}
        />
      ) : null}
      {range ? (
        <div
          className="tl-range-mark"
          aria-hidden="true"
          style={{
            left: `${clampPct(range.startMs)}%`,
            width: `${clampPct(range.endMs) - clampPct(range.startMs)}%`,
            height: scene.layout.height,
          }}
        />
      ) : null}
    </>
  );
}

/**
 * The scene without shapes for a layout, window and width, built once per change of any of them and shared
 * by the parts of the chart that follow the window (axis, playhead, overlays, hit-testing).
 */
const lightScenes = new WeakMap<TimelineLayout, { startMs: number; endMs: number; width: number; scene: Scene }>();

function lightScene(layout: TimelineLayout, startMs: number, endMs: number, width: number): Scene {
  const hit = lightScenes.get(layout);
  if (hit && hit.startMs === startMs && hit.endMs === endMs && hit.width === width) return hit.scene;
  const scene = buildScene(layout, { startMs, endMs }, width, { shapes: false });
  lightScenes.set(layout, { startMs, endMs, width, scene });
  return scene;
}

/** The window's scene (without shapes), re-rendering the caller when the window changes. */
function useWindowScene(layout: TimelineLayout, width: number): Scene {
  const startMs = useTimelineStore((s) => s.viewStartMs);
  const endMs = useTimelineStore((s) => s.viewEndMs);
  return lightScene(layout, startMs, endMs, width);
}

/** The time axis, following the window by itself (the chart does not re-render for it). */
function WindowAxis({ layout, width }: { layout: TimelineLayout; width: number }) {
  const scene = useWindowScene(layout, width);
  return <Axis ticks={scene.ticks} thinnable={scene.width === NOMINAL_WIDTH} />;
}

/** The selected span, the range and the deadlock's instant over the marks, following the window. */
function WindowOverlay({ layout, width }: { layout: TimelineLayout; width: number }) {
  const scene = useWindowScene(layout, width);
  return (
    <>
      <Marks scene={scene} />
      <DeadlockMarker scene={scene} />
    </>
  );
}

/**
 * The rows a window shows (lanes come out of their groups in a narrow window, unfold.ts): the same object for
 * every window that unfolds the same lanes, so that a chart on a Canvas re-renders only when they change.
 */
function useWindowRows(layout: TimelineLayout, follow: boolean): TimelineLayout | null {
  // unfoldLayout answers the same object for a window it answered last, and for one that unfolds the same lanes.
  return useTimelineStore((s) =>
    follow ? unfoldLayout(layout, clampWindow({ startMs: s.viewStartMs, endMs: s.viewEndMs }, layout.domainMs)) : null,
  );
}

type CanvasMarksComponent = ComponentType<{ layout: TimelineLayout }>;

/**
 * The Canvas renderer is only needed for large traces, so it is loaded after hydration, and only by
 * widgets that need it. Until it arrives (and on the server) the SVG picture stands in.
 */
let loadedCanvasMarks: CanvasMarksComponent | null = null;

function useCanvasReady(wanted: boolean): boolean {
  const [ready, setReady] = useState(false);
  useEffect(() => {
    if (!wanted) return;
    let live = true;
    void import('./CanvasMarks').then((m) => {
      loadedCanvasMarks = m.CanvasMarks;
      if (live) setReady(true);
    });
    return () => {
      live = false;
    };
  }, [wanted]);
  return wanted && ready;
}

/**
 * True once the reader reaches for the figure (pointer, touch or focus anywhere on it): a small figure then
 * loads the Canvas renderer, which draws its marks while a zoom or pan gesture runs (gestureSignal.ts).
 */
function useReached(ref: RefObject<HTMLElement | null>, enabled: boolean): boolean {
  const [reached, setReached] = useState(false);
  useEffect(() => {
    const el = ref.current?.closest('figure') ?? ref.current;
    if (!enabled || reached || !el) return;
    const reach = () => setReached(true);
    const events = ['pointerenter', 'pointerover', 'touchstart', 'focusin'] as const;
    for (const e of events) el.addEventListener(e, reach, { passive: true });
    return () => {
      for (const e of events) el.removeEventListener(e, reach);
    };
  }, [ref, enabled, reached]);
  return reached;
}

const LoadedCanvasMarks = memo(function LoadedCanvasMarks({ layout }: { layout: TimelineLayout }) {
  const Marks = loadedCanvasMarks;
  return Marks ? <Marks layout={layout} /> : null;
});

/** The plot's width in CSS px once measured (the nominal width before, as on the server). */
function usePlotWidth(ref: RefObject<HTMLDivElement | null>): number {
  const [width, setWidth] = useState(NOMINAL_WIDTH);
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    const measure = () => {
      const w = Math.round(el.clientWidth);
      if (w > 0) setWidth(w);
    };
    measure();
    const ro = typeof ResizeObserver !== 'undefined' ? new ResizeObserver(measure) : null;
    ro?.observe(el);
    return () => ro?.disconnect();
  }, [ref]);
  return width;
}

export function Chart({
  layout,
  uid,
  headers,
}: {
  layout: TimelineLayout;
  uid: string;
  headers: readonly BandHeaderInfo[];
}) {
  const api = useTimelineApi();
  const plotRef = useRef<HTMLDivElement>(null);
  // The server and the hydrating render draw SVG; the client switches to Canvas once it has loaded, which
  // it fetches when the reader nears the chart.
  const near = useNear(plotRef, layout.large);
  const reached = useReached(plotRef, !layout.large);
  const canvasReady = useCanvasReady((layout.large && near) || reached);
  // A small figure draws SVG at rest and Canvas while a zoom or pan gesture runs.
  const marksHoldFocus = useCallback(() => {
    const marks = plotRef.current?.querySelector('svg.tl-marks');
    const focused = marks?.ownerDocument.activeElement;
    return !!marks && !!focused && marks.contains(focused);
  }, []);
  const gesture = useGestureActive(api, canvasReady, marksHoldFocus);
  const onCanvas = canvasReady && (layout.large || gesture);
  // The coordination tracks draw on a Canvas while a gesture runs, as the marks do.
  useLayoutEffect(() => setGestureDrawing(api, gesture), [api, gesture]);
  useEffect(() => () => setGestureDrawing(api, false), [api]);
  const width = usePlotWidth(plotRef);
  // With SVG marks the chart draws the window's shapes, so it re-renders for every window. With Canvas the
  // marks come from the renderer's own scene at device pixels and follow the window by store subscription,
  // as do the axis, the playhead and the overlays: the chart then re-renders only when the rows in view
  // change (lanes coming out of their groups), and its scene, without shapes, only gives the rows.
  const liveStartMs = useTimelineStore((s) => (onCanvas ? null : s.viewStartMs));
  const liveEndMs = useTimelineStore((s) => (onCanvas ? null : s.viewEndMs));
  useWindowRows(layout, onCanvas);
  const now = api.getState();
  const startMs = liveStartMs ?? now.viewStartMs;
  const endMs = liveEndMs ?? now.viewEndMs;
  const scene = useMemo(
    () => (onCanvas ? lightScene(layout, startMs, endMs, width) : buildScene(layout, { startMs, endMs }, width)),
    [layout, startMs, endMs, width, onCanvas],
  );
  // Hit-testing reads the window as it is now (the same places as the drawn scene's: layout, scale, width).
  const sceneRef = useRef<Scene>(scene);
  const currentScene = useCallback(() => {
    const s = api.getState();
    const last = sceneRef.current;
    return lightScene(layout, s.viewStartMs, s.viewEndMs, last.width);
  }, [api, layout]);
  useLayoutEffect(() => {
    sceneRef.current = scene;
  }, [scene]);
  useEffect(() => api.getState().setPlotWidth(width), [api, width]);
  // What narrower windows read (which lanes come out of their groups, the flows) is built while the page is
  // idle, not in the first zoom step.
  useEffect(() => whenIdle(() => prepareScene(layout)), [layout]);
  useZoomInput(plotRef, api, layout.domainMs);

  useEffect(() => {
    const el = plotRef.current;
    if (!el) return;
    let wasPlaying = false;
    const g = createGestures(el, {
      timeAt: (x, w) => {
        const s = api.getState();
        return s.viewStartMs + (x / w) * (s.viewEndMs - s.viewStartMs);
      },
      onSeek: (t) => api.getState().seek(t),
      onStart: () => {
        wasPlaying = api.getState().playing;
        if (wasPlaying) api.getState().pause();
      },
      onEnd: () => {
        if (wasPlaying) api.getState().play();
      },
      onRange: (a, b, done) => {
        const s = api.getState();
        const tiny = Math.abs(b - a) < (s.viewEndMs - s.viewStartMs) / 400;
        s.setSelection(done && tiny ? null : { startMs: a, endMs: b });
      },
      onClickAt: (x, y) => {
        if (y > layout.height) return;
        const hit = hitTest(currentScene(), x, y);
        api.getState().select(hit ? { band: hit.band, span: hit.span } : null);
      },
    });
    return () => g.destroy();
  }, [api, layout, currentScene]);

  const onPointerMove = useCallback(
    (e: PointerEvent<HTMLDivElement>) => {
      if (e.pointerType === 'touch') return;
      const el = plotRef.current;
      if (!el) return;
      const r = el.getBoundingClientRect();
      if (r.width <= 0) return;
      const x = e.clientX - r.left;
      const y = e.clientY - r.top;
      if (y > layout.height || x < 0 || x > r.width) return api.getState().setHover(null);
      // The scene is at the measured width; scale a pointer position onto it.
      const scene = currentScene();
      api.getState().setHover(hitTest(scene, (x / r.width) * scene.width, y));
    },
    [api, layout, currentScene],
  );
  const onPointerLeave = useCallback(() => api.getState().setHover(null), [api]);
  const onInspect = useCallback((t: SpanTarget | null) => api.getState().setHover(t), [api]);
  const onChoose = useCallback((t: SpanTarget) => api.getState().select({ band: t.band, span: t.span }), [api]);
  const onKeyDown = useCallback(
    (e: KeyboardEvent<HTMLDivElement>) => {
      const k = zoomKey(e);
      if (!k) return;
      const tag = (e.target as Element).tagName;
      if (tag === 'INPUT' || tag === 'SELECT' || tag === 'TEXTAREA') return;
      e.preventDefault();
      const s = api.getState();
      if ('zoom' in k) {
        // Zoom about the playhead when it is in view, else about the middle.
        const inView = s.timeMs >= s.viewStartMs && s.timeMs <= s.viewEndMs;
        s.zoomBy(k.zoom, inView ? s.timeMs : undefined);
      } else if ('pan' in k) s.panBy(k.pan);
      else s.fit();
    },
    [api],
  );

  return (
    <div
      className={chartHeight(layout) > CHART_CAP_PX ? 'tl-chart-wrap tl-chart-wrap--scroll' : 'tl-chart-wrap'}
      onPointerMove={onPointerMove}
      onPointerLeave={onPointerLeave}
      onKeyDown={onKeyDown}
      data-zoomable=""
    >
      <SvgTimeline
        layout={scene.layout}
        scene={scene}
        uid={uid}
        headers={headers}
        summary={layout.large}
        marks={onCanvas ? <LoadedCanvasMarks layout={scene.layout} /> : undefined}
        axis={<WindowAxis layout={layout} width={width} />}
        playhead={<Playhead layout={layout} width={width} />}
        tooltip={<Tooltip layout={scene.layout} id={`${uid}-tip`} />}
        overlay={<WindowOverlay layout={layout} width={width} />}
        plotRef={plotRef}
        onInspect={onInspect}
        onChoose={onChoose}
      />
    </div>
  );
}
