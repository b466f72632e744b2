/**
 * The span marks as SVG, drawn from the scene (scene.ts): horizontal positions in percent of the plot
 * width (correct at any width, identical on server and client), one rect per shape, so every span at
 * least a pixel wide is its own rect and only sub-pixel runs are merged. The compact drawing (the figure
 * as first rendered, before the plot is measured) of a dense figure has one masked rect per look instead
 * (compactMarks.tsx), which keeps the prerendered page small. Spans drawn as themselves are
 * keyboard-navigable with a roving tabindex (small traces); flows are arrows from giver to taker.
 */
import { memo, useCallback, useContext, useEffect, useRef, type FocusEvent, type KeyboardEvent } from 'react';
import type { Band, Row, SpanTarget, TimelineLayout } from './layout';
import { patternFill } from './patterns';
import { GridLines } from './Axis';
import { spanSentence } from './spanText';
import { formatCount } from './scale';
import { CompactFlows, CompactShapes, densityOpacity } from './compactMarks';
import { shapeClass, spanTarget, type Scene, type SceneRow } from './scene';
import { PatternsOnPage } from './patternsOnPage';

export { rowPad } from './scene';

const pct = (v: number) => `${Math.round(v * 100) / 100}%`;

/** The id of the page's own arrow head (in its hidden SVG, beside the patterns: patternsOnPage.ts). */
export const PAGE_ARROW_ID = 'tl-arrow';

/** The head of a flow's arrow, a <marker>: once on a built page (PAGE_ARROW_ID), else in each figure. */
export function ArrowMarker({ id }: { id: string }) {
  return (
    <marker id={id} viewBox="0 0 6 6" refX={6} refY={3} markerWidth={5} markerHeight={5} orient="auto">
      <path className="tl-flow-head" d="M0,0 L6,3 L0,6 z" />
    </marker>
  );
}

/**
 * Every other lane's background band, as one path in a box one unit wide stretched to the figure's width
 * (rather than a rect per lane). Grouped lanes and lanes under 10 px have none.
 */
function RowBackgrounds({ scene, height }: { scene: Scene; height: number }) {
  let d = '';
  for (const { row, index } of scene.rows) {
    if (!row.grouped && index % 2 === 1 && row.h >= 10) d += `M0 ${row.y}h1v${row.h}H0z`;
  }
  if (!d) return null;
  return (
    <svg width="100%" height={height} viewBox={`0 0 1 ${height}`} preserveAspectRatio="none" aria-hidden="true">
      <path className="tl-row-bg" d={d} />
    </svg>
  );
}

interface MarksProps {
  scene: Scene;
  uid: string;
  /** Large traces: shapes are not focusable one by one. */
  summary: boolean;
  /** One clipped rect per row and look instead of one rect per shape (no per-span tab stops). */
  compact?: boolean;
  onInspect?: (target: SpanTarget | null) => void;
  onChoose?: (target: SpanTarget) => void;
}

function rowShapes(r: SceneRow, scene: Scene, focusable: boolean, focusState: { first: boolean }) {
  const { row, pad, band } = r;
  const k = 100 / scene.width;
  const out = [];
  for (let i = 0; i < r.shapes.length; i++) {
    const sh = r.shapes[i];
    const x0 = Math.max(0, sh.x0);
    const x1 = Math.min(scene.width, sh.x1);
    if (x1 <= x0 && sh.x1 - sh.x0 > 0) continue;
    const exact = sh.span >= 0;
    const first = focusable && exact && focusState.first;
    if (first) focusState.first = false;
    out.push(
      <rect
        key={i}
        className={shapeClass(sh.state, sh.alt)}
        x={pct(x0 * k)}
        width={pct(Math.max(x1 - x0, 0) * k)}
        y={row.y + pad}
        height={row.h - 2 * pad}
        fill={patternFill(sh.state)}
        fillOpacity={densityOpacity(sh.density)}
        data-s={focusable && exact ? sh.span : undefined}
        data-r={focusable && exact ? r.flat : undefined}
        tabIndex={first ? 0 : undefined}
        role={first ? 'img' : undefined}
        aria-label={first ? spanSentence(band.trace, band.ix.spans[sh.span]) : undefined}
      />,
    );
  }
  return out;
}

/** The flows as arrows, each its own line with the head `arrow` (a marker's id). */
function Flows({ scene, arrow }: { scene: Scene; arrow: string }) {
  const k = 100 / scene.width;
  return (
    <g className="tl-flows" aria-hidden="true">
      {scene.flows.map((f, i) => {
        const down = f.y1 > f.y0;
        // Stop short of the taker's row centre so the arrow head sits on the row's edge.
        const y1 = f.y1 + (down ? -3 : 3);
        return (
          <line
            key={i}
            className={`tl-flow tl-flow--${f.kind}`}
            data-flow={f.kind}
            x1={pct(f.x * k)}
            x2={pct(f.x * k)}
            y1={f.y0}
            y2={y1}
            markerEnd={`url(#${arrow})`}
          />
        );
      })}
    </g>
  );
}

/** Keyboard: Left/Right along a row, Up/Down to the nearest span of the next row, Home/End, Enter selects. */
function roving(e: KeyboardEvent<SVGSVGElement>, layout: TimelineLayout, onChoose?: (el: Element) => void) {
  const el = e.target as SVGElement;
  if (!el.hasAttribute('data-s')) return;
  if (e.key === 'Enter' || e.key === ' ') {
    e.preventDefault();
    onChoose?.(el);
    return;
  }
  const all = Array.from(e.currentTarget.querySelectorAll<SVGRectElement>('rect[data-s]'));
  const i = all.indexOf(el as SVGRectElement);
  const r = Number(el.getAttribute('data-r'));
  const x = parseFloat(el.getAttribute('x') ?? '0');
  const xOf = (n: Element) => parseFloat(n.getAttribute('x') ?? '0');
  const inRow = (k: number) => all.filter((n) => Number(n.getAttribute('data-r')) === k);
  const nearest = (dir: 1 | -1) => {
    for (let k = r + dir; k >= 0 && k < layout.rowCount; k += dir) {
      const row = inRow(k);
      if (row.length === 0) continue;
      let best = row[0];
      for (const n of row) if (Math.abs(xOf(n) - x) < Math.abs(xOf(best) - x)) best = n;
      return best;
    }
    return undefined;
  };
  const sameRow = (n: Element | undefined) => (n && Number(n.getAttribute('data-r')) === r ? n : undefined);
  let next: Element | undefined;
  if (e.key === 'ArrowRight') next = sameRow(all[i + 1]);
  else if (e.key === 'ArrowLeft') next = sameRow(all[i - 1]);
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
  (next as SVGElement).focus();
}

export function locate(
  layout: TimelineLayout,
  el: Element,
): { band: Band | undefined; span: number; row: Row | undefined } {
  const span = Number(el.getAttribute('data-s'));
  let r = Number(el.getAttribute('data-r'));
  for (const band of layout.bands) {
    if (r < band.rows.length) return { band, span, row: band.rows[r] };
    r -= band.rows.length;
  }
  return { band: undefined, span, row: undefined };
}

export const SvgMarks = memo(function SvgMarks({ scene, uid, summary, compact, onInspect, onChoose }: MarksProps) {
  const { layout } = scene;
  const focusState = { first: true };
  const focusable = !summary;
  // On a built page the flows point at the page's arrow head; elsewhere the figure draws its own.
  const onPage = useContext(PatternsOnPage);
  const arrow = onPage ? PAGE_ARROW_ID : `${uid}-arrow`;

  // The roving tabindex is moved imperatively; when the shapes change, leave one tab stop (the first).
  const svgRef = useRef<SVGSVGElement>(null);
  useEffect(() => {
    const svg = svgRef.current;
    if (!svg) return;
    const active = svg.ownerDocument.activeElement;
    const keep = active && svg.contains(active) && active.hasAttribute('data-s') ? active : null;
    const first = keep ?? svg.querySelector('rect[data-s]');
    svg.querySelectorAll('rect[data-s][tabindex]').forEach((r) => {
      if (r !== first) r.removeAttribute('tabindex');
    });
    first?.setAttribute('tabindex', '0');
  }, [scene]);

  const target = useCallback(
    (el: Element): SpanTarget | null => {
      const { band, span } = locate(layout, el);
      return band ? spanTarget(scene, band.index, span) : null;
    },
    [layout, scene],
  );
  const onKeyDown = useCallback(
    (e: KeyboardEvent<SVGSVGElement>) =>
      roving(e, layout, (el) => {
        const t = target(el);
        if (t) onChoose?.(t);
      }),
    [layout, onChoose, target],
  );
  const onFocus = useCallback(
    (e: FocusEvent<SVGSVGElement>) => {
      if (!onInspect || !(e.target as Element).hasAttribute('data-s')) return;
      onInspect(target(e.target as Element));
    },
    [onInspect, target],
  );
  const onBlur = useCallback(() => onInspect?.(null), [onInspect]);

  const label = summary
    ? `Summary of ${formatCount(layout.spanCount)} spans in ${formatCount(layout.laneCount)} lanes`
    : 'Spans: use the arrow keys to move between them, Enter for details';
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
      {onPage ? null : (
        <defs>
          <ArrowMarker id={arrow} />
        </defs>
      )}
      <GridLines layout={layout} ticks={scene.ticks} />
      <RowBackgrounds scene={scene} height={layout.height} />
      {compact ? null : scene.rows.map((r) => <g key={r.row.key}>{rowShapes(r, scene, focusable, focusState)}</g>)}
      {compact ? <CompactShapes scene={scene} uid={uid} /> : null}
      {compact ? <CompactFlows scene={scene} arrow={arrow} /> : <Flows scene={scene} arrow={arrow} />}
    </svg>
  );
});
