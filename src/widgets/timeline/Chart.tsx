/** The chart wired to the store: playhead slider, tooltip, scrubbing, hover, canvas for large traces. */
import {
  useCallback,
  useEffect,
  useRef,
  useState,
  type ComponentType,
  type KeyboardEvent,
  type PointerEvent,
} from 'react';
import { useTimelineApi, useTimelineStore } from '../../store/context';
import { rowAtY, type SpanTarget, type TimelineLayout } from '../../timeline/layout';
import { spanAt } from '../../timeline/traceIndex';
import { createGestures } from '../../timeline/gestures';
import { useNear } from '../near/useNear';
import { PlayheadView, SpanTooltip, SvgTimeline, type BandHeaderInfo } from '../../timeline/SvgTimeline';

function Playhead({ domainMs }: { domainMs: number }) {
  const api = useTimelineApi();
  const timeMs = useTimelineStore((s) => s.timeMs);
  const onKeyDown = useCallback(
    (e: KeyboardEvent<HTMLDivElement>) => {
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
  return <PlayheadView timeMs={timeMs} domainMs={domainMs} slider onKeyDown={onKeyDown} />;
}

function Tooltip({ layout, id }: { layout: TimelineLayout; id: string }) {
  const hover = useTimelineStore((s) => s.hover);
  return <SpanTooltip layout={layout} target={hover} id={id} />;
}

type CanvasMarksComponent = ComponentType<{ layout: TimelineLayout }>;

/**
 * The Canvas renderer is only needed for large traces, so it is loaded after hydration, and only by
 * widgets that need it. Until it arrives (and on the server) the SVG summary stands in.
 */
let loadedCanvasMarks: CanvasMarksComponent | null = null;

function useCanvasReady(large: boolean): boolean {
  const [ready, setReady] = useState(false);
  useEffect(() => {
    if (!large) return;
    let live = true;
    void import('./CanvasMarks').then((m) => {
      loadedCanvasMarks = m.CanvasMarks;
      if (live) setReady(true);
    });
    return () => {
      live = false;
    };
  }, [large]);
  return large && ready;
}

function LoadedCanvasMarks({ layout }: { layout: TimelineLayout }) {
  const Marks = loadedCanvasMarks;
  return Marks ? <Marks layout={layout} /> : null;
}

/** The span under a point of the plot (x in percent, y in px from the chart top). */
export function hitTest(layout: TimelineLayout, xPct: number, y: number): SpanTarget | null {
  const hit = rowAtY(layout, y);
  if (!hit) return null;
  const t = (xPct / 100) * layout.domainMs;
  for (const lane of hit.row.lanes) {
    const i = spanAt(hit.band.ix, lane, t);
    if (i >= 0) return { band: hit.band.index, span: i, xPct, y: hit.row.y };
  }
  return null;
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
  const canvasReady = useCanvasReady(layout.large && near);
  useEffect(() => {
    const el = plotRef.current;
    if (!el) return;
    let wasPlaying = false;
    const g = createGestures(el, {
      timeAt: (x, width) => (x / width) * api.getState().domainMs,
      onSeek: (t) => api.getState().seek(t),
      onStart: () => {
        wasPlaying = api.getState().playing;
        if (wasPlaying) api.getState().pause();
      },
      onEnd: () => {
        if (wasPlaying) api.getState().play();
      },
    });
    return () => g.destroy();
  }, [api]);

  const onPointerMove = useCallback(
    (e: PointerEvent<HTMLDivElement>) => {
      if (e.pointerType === 'touch') return;
      const el = plotRef.current;
      if (!el) return;
      const r = el.getBoundingClientRect();
      if (r.width <= 0) return;
      const x = e.clientX - r.left;
      const y = e.clientY - r.top;
      if (y > layout.height) return api.getState().setHover(null);
      api.getState().setHover(hitTest(layout, (x / r.width) * 100, y));
    },
    [api, layout],
  );
  const onPointerLeave = useCallback(() => api.getState().setHover(null), [api]);
  const onInspect = useCallback((t: SpanTarget | null) => api.getState().setHover(t), [api]);

  return (
    <div className="tl-chart-wrap" onPointerMove={onPointerMove} onPointerLeave={onPointerLeave}>
      <SvgTimeline
        layout={layout}
        uid={uid}
        headers={headers}
        summary={layout.large}
        marks={canvasReady ? <LoadedCanvasMarks layout={layout} /> : undefined}
        playhead={<Playhead domainMs={layout.domainMs} />}
        tooltip={<Tooltip layout={layout} id={`${uid}-tip`} />}
        plotRef={plotRef}
        onInspect={onInspect}
      />
    </div>
  );
}
