/**
 * The span marks as SVG, horizontal positions in percent (correct at any width, no measuring,
 * identical on server and client). Small traces: one rect per span, keyboard-navigable with a
 * roving tabindex. Large traces: an LOD summary (a few hundred columns per row), not focusable.
 */
import { memo, useCallback, useEffect, useRef, type FocusEvent, type KeyboardEvent } from 'react';
import type { Span } from '../sim/types';
import type { Band, Row, SpanTarget, TimelineLayout } from './layout';
import { lodRow } from './lod';
import { patternFill } from './patterns';
import { GridLines } from './Axis';
import { spanSentence } from './spanText';
import { formatCount } from './scale';

/** Columns of the server-rendered summary of a large trace. */
export const SUMMARY_COLUMNS = 400;

const pct = (v: number) => `${Math.round(v * 1000) / 1000}%`;

export function rowPad(h: number): number {
  return h >= 10 ? 3 : h >= 5 ? 1 : 0;
}

function spanClass(span: Span): string {
  return span.state === 'held' && span.task % 2 === 1 ? `tl-s tl-s--held tl-held-alt` : `tl-s tl-s--${span.state}`;
}

interface MarksProps {
  layout: TimelineLayout;
  uid: string;
  summary: boolean;
  onInspect?: (target: SpanTarget | null) => void;
}

function rowSpans(band: Band, row: Row, rowIndex: number, uid: string, scale: number, focusState: { first: boolean }) {
  const { ix } = band;
  const pad = rowPad(row.h);
  const out = [];
  for (const lane of row.lanes) {
    for (let i = ix.laneStart[lane]; i < ix.laneStart[lane + 1]; i++) {
      const s = ix.spans[i];
      const first = focusState.first;
      focusState.first = false;
      out.push(
        <rect
          key={i}
          className={spanClass(s)}
          x={pct(s.startMs * scale)}
          width={pct((s.endMs - s.startMs) * scale)}
          y={row.y + pad}
          height={row.h - 2 * pad}
          fill={patternFill(uid, s.state)}
          data-s={i}
          data-r={rowIndex}
          tabIndex={first ? 0 : undefined}
          role={first ? 'img' : undefined}
          aria-label={first ? spanSentence(band.trace, s) : undefined}
        />,
      );
    }
  }
  return out;
}

function rowSummary(band: Band, row: Row, domainMs: number) {
  const { ix } = band;
  const pad = rowPad(row.h);
  const shapes = lodRow(ix.spans, ix.laneStart, row.lanes, SUMMARY_COLUMNS / domainMs, SUMMARY_COLUMNS);
  const k = 100 / SUMMARY_COLUMNS;
  return shapes.map((sh, i) => {
    const opacity = sh.density < 0.97 ? Math.round((0.35 + 0.65 * sh.density) * 100) / 100 : undefined;
    return (
      <rect
        key={i}
        className={`tl-s tl-s--${sh.state}`}
        x={pct(sh.x0 * k)}
        width={pct((sh.x1 - sh.x0) * k)}
        y={row.y + pad}
        height={row.h - 2 * pad}
        fillOpacity={opacity}
      />
    );
  });
}

/** GIL hand-off ticks, thinned so that two are never closer than `minGapPct` of the width. */
export function handoffTimes(band: Band, row: Row, domainMs: number, minGapPct: number): number[] {
  if (row.kind !== 'gil') return [];
  const lanes = new Set(row.lanes);
  const out: number[] = [];
  const minGap = (minGapPct / 100) * domainMs;
  let last = -Infinity;
  for (const e of band.trace.events) {
    if (e.kind !== 'gil-handoff' || !lanes.has(e.lane)) continue;
    if (e.timeMs - last < minGap) continue;
    out.push(e.timeMs);
    last = e.timeMs;
  }
  return out;
}

function handoffTicks(band: Band, row: Row, domainMs: number, scale: number) {
  // Short marks along the top of the GIL lane (a rug), so the holder's colour stays visible.
  const y2 = row.y + Math.max(2, Math.round(row.h * 0.4));
  return handoffTimes(band, row, domainMs, 0.75).map((t, i) => (
    <line key={`h${i}`} className="tl-handoff" x1={pct(t * scale)} x2={pct(t * scale)} y1={row.y} y2={y2} />
  ));
}

/** Keyboard: Left/Right along a row, Up/Down to the nearest span of the next row, Home/End. */
function roving(e: KeyboardEvent<SVGSVGElement>, layout: TimelineLayout) {
  const el = e.target as SVGElement;
  if (!el.hasAttribute('data-s')) return;
  const all = Array.from(e.currentTarget.querySelectorAll<SVGRectElement>('rect[data-s]'));
  const i = all.indexOf(el as SVGRectElement);
  const r = Number(el.getAttribute('data-r'));
  const x = parseFloat(el.getAttribute('x') ?? '0');
  const inRow = (k: number) => all.filter((n) => Number(n.getAttribute('data-r')) === k);
  const nearest = (dir: 1 | -1) => {
    for (let k = r + dir; k >= 0 && k < layout.rowCount; k += dir) {
      const row = inRow(k);
      if (row.length === 0) continue;
      let best = row[0];
      for (const n of row)
        if (
          Math.abs(parseFloat(n.getAttribute('x') ?? '0') - x) < Math.abs(parseFloat(best.getAttribute('x') ?? '0') - x)
        )
          best = n;
      return best;
    }
    return undefined;
  };
  let next: SVGRectElement | undefined;
  if (e.key === 'ArrowRight')
    next = all[i + 1] && Number(all[i + 1].getAttribute('data-r')) === r ? all[i + 1] : undefined;
  else if (e.key === 'ArrowLeft')
    next = all[i - 1] && Number(all[i - 1].getAttribute('data-r')) === r ? all[i - 1] : undefined;
  else if (e.key === 'ArrowDown') next = nearest(1);
  else if (e.key === 'ArrowUp') next = nearest(-1);
  else if (e.key === 'Home') next = inRow(r)[0];
  else if (e.key === 'End') next = inRow(r).at(-1);
  else return;
  e.preventDefault();
  if (!next || next === el) return;
  const { band, span } = locate(layout, next);
  el.setAttribute('tabindex', '-1');
  next.setAttribute('tabindex', '0');
  next.setAttribute('role', 'img');
  if (band) next.setAttribute('aria-label', spanSentence(band.trace, band.ix.spans[span]));
  next.focus();
}

function locate(layout: TimelineLayout, el: Element): { band: Band | undefined; span: number; row: Row | undefined } {
  const span = Number(el.getAttribute('data-s'));
  let r = Number(el.getAttribute('data-r'));
  for (const band of layout.bands) {
    if (r < band.rows.length) return { band, span, row: band.rows[r] };
    r -= band.rows.length;
  }
  return { band: undefined, span, row: undefined };
}

export const SvgMarks = memo(function SvgMarks({ layout, uid, summary, onInspect }: MarksProps) {
  const domain = layout.domainMs || 1;
  const scale = 100 / domain;
  const focusState = { first: true };
  let rowIndex = 0;

  // The roving tabindex is moved imperatively; when the spans change, leave one tab stop (the first).
  const svgRef = useRef<SVGSVGElement>(null);
  useEffect(() => {
    const svg = svgRef.current;
    if (!svg) return;
    const first = svg.querySelector('rect[data-s]');
    svg.querySelectorAll('rect[data-s][tabindex]').forEach((r) => {
      if (r !== first) r.removeAttribute('tabindex');
    });
    first?.setAttribute('tabindex', '0');
  }, [layout]);

  const onKeyDown = useCallback((e: KeyboardEvent<SVGSVGElement>) => roving(e, layout), [layout]);
  const onFocus = useCallback(
    (e: FocusEvent<SVGSVGElement>) => {
      if (!onInspect || !(e.target as Element).hasAttribute('data-s')) return;
      const { band, span, row } = locate(layout, e.target as Element);
      if (!band || !row) return;
      const s = band.ix.spans[span];
      onInspect({ band: band.index, span, xPct: ((s.startMs + s.endMs) / 2) * scale, y: row.y });
    },
    [layout, onInspect, scale],
  );
  const onBlur = useCallback(() => onInspect?.(null), [onInspect]);

  const label = summary
    ? `Summary of ${formatCount(layout.spanCount)} spans in ${formatCount(layout.laneCount)} lanes`
    : 'Spans: use the arrow keys to move between them';
  return (
    <svg
      ref={svgRef}
      className="tl-marks"
      width="100%"
      height={layout.height}
      role={summary ? 'img' : 'group'}
      aria-label={label}
      onKeyDown={summary ? undefined : onKeyDown}
      onFocus={summary ? undefined : onFocus}
      onBlur={summary ? undefined : onBlur}
    >
      <GridLines layout={layout} />
      {layout.bands.map((band) => (
        <g key={band.index} data-b={band.index}>
          {band.rows.map((row, ri) => {
            const r = rowIndex++;
            return (
              <g key={row.key}>
                {!row.grouped && ri % 2 === 1 && row.h >= 10 ? (
                  <rect className="tl-row-bg" x="0" width="100%" y={row.y} height={row.h} />
                ) : null}
                {summary ? rowSummary(band, row, domain) : rowSpans(band, row, r, uid, scale, focusState)}
                {summary ? null : handoffTicks(band, row, domain, scale)}
              </g>
            );
          })}
        </g>
      ))}
    </svg>
  );
});
