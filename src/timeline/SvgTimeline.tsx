/**
 * The timeline picture: band headers, lane labels, span marks, axis, playhead and tooltip.
 * Pure: takes a layout (from traces) and a time; never reads a store. Renders on the server.
 * The interactive widget passes its own playhead / canvas / tooltip through the slots.
 */
import { memo, type CSSProperties, type HTMLAttributes, type ReactNode, type Ref } from 'react';
import type { SpanTarget, TimelineLayout } from './layout';
import { LABEL_MIN_ROW } from './layout';
import { SvgMarks } from './SvgMarks';
import { Axis, AXIS_HEIGHT } from './Axis';
import { spanText } from './spanText';
import { ariaMs, formatTime } from './scale';
import { NOMINAL_WIDTH, type Scene } from './scene';
import { drawCompact } from './compactMarks';
import { SHORT_LABEL_MAX, shortLaneLabel } from './shortLabel';
import type { ViewWindow } from './viewWindow';

export interface BandHeaderInfo {
  label: string;
  total: string;
  speedup: string;
}

export function chartHeight(layout: TimelineLayout): number {
  return layout.height + AXIS_HEIGHT;
}

/** The height most labelled rows of the layout have (undefined when none is labelled). */
function commonRowHeight(layout: TimelineLayout): number | undefined {
  const count = new Map<number, number>();
  let best: number | undefined;
  for (const band of layout.bands) {
    for (const row of band.rows) {
      if (row.h < LABEL_MIN_ROW) continue;
      const n = (count.get(row.h) ?? 0) + 1;
      count.set(row.h, n);
      if (best === undefined || n > count.get(best)!) best = row.h;
    }
  }
  return best;
}

const LaneLabels = memo(function LaneLabels({ layout }: { layout: TimelineLayout }) {
  // The row's height is a custom property (the stylesheet gives it to height and line height), set once on
  // the column for the height most rows have, and on a row only where it differs.
  const common = commonRowHeight(layout);
  const columnStyle = common === undefined ? undefined : ({ '--h': `${common}px` } as CSSProperties);
  return (
    <div className="tl-labels" aria-hidden="true" style={columnStyle}>
      {layout.bands.map((band) => (
        <div key={band.index}>
          {band.rows.map((row) => {
            if (row.h < LABEL_MIN_ROW) return null;
            const short = shortLaneLabel(row.label);
            const style = (row.h === common ? { top: row.y } : { top: row.y, '--h': `${row.h}px` }) as CSSProperties;
            return (
              <div
                key={row.key}
                className={row.kind === 'task' ? 'tl-lane-label' : `tl-lane-label tl-lane-label--${row.kind}`}
                style={style}
                title={short || row.label.length > SHORT_LABEL_MAX ? row.label : undefined}
                data-short={short}
              >
                {row.label}
              </div>
            );
          })}
          {band.groups.map((g) => (
            <div key={`g${g.y}`} className="tl-group-label" style={{ top: g.y, height: g.h }}>
              <span>{g.label}</span>
            </div>
          ))}
        </div>
      ))}
    </div>
  );
});

const BandHeaders = memo(function BandHeaders({
  layout,
  headers,
}: {
  layout: TimelineLayout;
  headers: readonly BandHeaderInfo[];
}) {
  return (
    <>
      {layout.bands.map((band) => {
        const h = headers[band.index];
        if (!h) return null;
        return (
          <div key={band.index} className="tl-band-header" style={{ top: band.y, height: band.headerH }}>
            <span className="tl-band-model">{h.label}</span>
            <span className="tl-band-total">{h.total}</span>
            {h.speedup ? <span className="tl-band-speedup">{h.speedup}</span> : null}
          </div>
        );
      })}
    </>
  );
});

/** Where the playhead is, in percent of the window (clamped to the plot's edges). */
export function playheadPct(timeMs: number, domainMs: number, window?: ViewWindow): number {
  const start = window ? window.startMs : 0;
  const end = window ? window.endMs : domainMs;
  return end > start ? Math.min(100, Math.max(0, ((timeMs - start) / (end - start)) * 100)) : 100;
}

export interface PlayheadViewProps extends Omit<HTMLAttributes<HTMLDivElement>, 'role'> {
  timeMs: number;
  domainMs: number;
  /** The visible window (default: the whole run). */
  window?: ViewWindow;
  /** Render the handle as the ARIA slider (interactive widget); the static figure has none. */
  slider?: boolean;
  handleRef?: Ref<HTMLDivElement>;
}

/**
 * The playhead: a veil over the future (scaleX) and a line with (interactive) the slider handle
 * (translateX). Only transforms change with time, inside a clipping track, so nothing overflows.
 */
export function PlayheadView({ timeMs, domainMs, window, slider, handleRef, ...handle }: PlayheadViewProps) {
  const p = Math.round(playheadPct(timeMs, domainMs, window) * 1000) / 1000;
  const out = !!window && (timeMs < window.startMs || timeMs > window.endMs);
  return (
    <div className={out ? 'tl-playhead-track tl-playhead-track--out' : 'tl-playhead-track'}>
      <div className="tl-playhead-rail">
        <div className="tl-veil" style={{ transform: `scaleX(${Math.round((100 - p) * 10) / 1000})` }} />
        <div className="tl-playhead" style={{ transform: `translateX(${p}%)` }}>
          <div className="tl-playhead-line" />
          {slider ? (
            <div
              ref={handleRef}
              className="tl-handle"
              data-scrub-touch=""
              role="slider"
              tabIndex={0}
              aria-label="Time"
              aria-valuemin={0}
              aria-valuemax={ariaMs(domainMs)}
              aria-valuenow={ariaMs(timeMs)}
              aria-valuetext={formatTime(timeMs)}
              aria-orientation="horizontal"
              {...handle}
            >
              <span className="tl-handle-knob" />
            </div>
          ) : null}
        </div>
      </div>
    </div>
  );
}

/** Tooltip for a span under the pointer or keyboard focus: task, state, start and end. */
export function SpanTooltip({
  layout,
  target,
  id,
}: {
  layout: TimelineLayout;
  target: SpanTarget | null;
  id?: string;
}) {
  const band = target ? layout.bands[target.band] : undefined;
  const span = band && target ? band.ix.spans[target.span] : undefined;
  if (!band || !span || !target) return <div className="tl-tooltip" id={id} role="tooltip" hidden />;
  const t = spanText(band.trace, span);
  const edge = target.xPct < 18 ? ' tl-tooltip--start' : target.xPct > 82 ? ' tl-tooltip--end' : '';
  return (
    <div className={`tl-tooltip${edge}`} id={id} role="tooltip" style={{ left: `${target.xPct}%`, top: target.y }}>
      <strong>{t.who}</strong> <span className="tl-tooltip-state">{t.state}</span>
      {t.where ? <span className="tl-tooltip-where"> {t.where}</span> : null}
      <br />
      <span className="tl-num">
        {t.range} ({t.duration})
      </span>
    </div>
  );
}

export interface SvgTimelineProps {
  layout: TimelineLayout;
  /** What is drawn: the layout through the window at the plot's width. */
  scene: Scene;
  /** Unique per widget (pattern ids). */
  uid: string;
  headers: readonly BandHeaderInfo[];
  /** Time of the playhead for the static picture. */
  timeMs?: number;
  /** LOD summary instead of one rect per span (large traces). */
  summary?: boolean;
  /**
   * The compact drawing of the marks (compactMarks.tsx). By default for a dense scene at the nominal width:
   * what the server and the hydrating client draw, so the prerendered page stays small and hydration matches.
   */
  compact?: boolean;
  /** Replace the SVG marks (e.g. with a canvas). */
  marks?: ReactNode;
  /** Replace the static playhead (e.g. with the interactive one). */
  playhead?: ReactNode;
  /** Replace the axis drawn from the scene's ticks (e.g. with one that follows the window by itself). */
  axis?: ReactNode;
  tooltip?: ReactNode;
  plotRef?: Ref<HTMLDivElement>;
  onInspect?: (target: SpanTarget | null) => void;
  onChoose?: (target: SpanTarget) => void;
  /** Drawn over the marks (the selected span, the chosen range). */
  overlay?: ReactNode;
}

export function SvgTimeline({
  layout,
  scene,
  uid,
  headers,
  timeMs,
  summary = layout.large,
  compact = drawCompact(scene),
  marks,
  playhead,
  axis,
  tooltip,
  plotRef,
  onInspect,
  onChoose,
  overlay,
}: SvgTimelineProps) {
  return (
    <div className="tl-chart" style={{ height: chartHeight(layout) }}>
      <LaneLabels layout={layout} />
      <div className="tl-plot" ref={plotRef}>
        <div className="tl-marks-box" style={{ height: layout.height }}>
          {marks ?? (
            <SvgMarks
              scene={scene}
              uid={uid}
              summary={summary}
              compact={compact}
              onInspect={onInspect}
              onChoose={onChoose}
            />
          )}
          {overlay}
        </div>
        <div className="tl-axis-box" style={{ top: layout.height }} data-scrub-touch="">
          {axis ?? <Axis ticks={scene.ticks} thinnable={scene.width === NOMINAL_WIDTH} />}
        </div>
        {playhead ?? (
          <PlayheadView timeMs={timeMs ?? layout.domainMs} domainMs={layout.domainMs} window={scene.window} />
        )}
        {tooltip}
      </div>
      <BandHeaders layout={layout} headers={headers} />
    </div>
  );
}
