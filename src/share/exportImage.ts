/**
 * The timeline as a standalone SVG image (and a PNG drawn from it): band headers, lane labels, spans
 * (level-of-detail shapes, so ten thousand lanes stay a small file), the time axis and a legend, in the
 * page's current theme colours. Built with DOM calls, so every text is escaped by the serializer; control
 * characters, which XML cannot hold, become visible signs (imageText.ts).
 */
import type { SpanState } from '../sim/types';
import type { TimelineLayout } from '../timeline/layout';
import { lodRow } from '../timeline/lod';
import { PALETTE, statesPresent } from '../timeline/palette';
import { timeTicks } from '../timeline/scale';
import { imageFill, patternDefs } from './imagePatterns';
import { imageText } from './imageText';
import { trackDrawing } from './exportTracks';
import type { TrackInput } from '../timeline/trackNeeds';

const NS = 'http://www.w3.org/2000/svg';
const LABEL_W = 140;
const PLOT_W = 1000;
const PAD = 12;
const AXIS_H = 28;
const LEGEND_ROW = 20;

export interface ImageColours {
  bg: string;
  fg: string;
  muted: string;
  grid: string;
  ioFill: string;
  /** Marks drawn over patterned states (hatching, dots). */
  ink: string;
  state(state: SpanState): string;
}

/** The colours in use on the page (falling back to the light palette). */
export function pageColours(root: Element = document.documentElement): ImageColours {
  const css = getComputedStyle(root);
  const v = (name: string, fallback: string) => css.getPropertyValue(name).trim() || fallback;
  return {
    bg: v('--bg-elevated', '#ffffff'),
    fg: v('--fg', '#1c1e23'),
    muted: v('--fg-muted', '#575c68'),
    grid: v('--border', '#dedad0'),
    ioFill: v('--tl-io-fill', '#cfe8f7'),
    ink: v('--tl-ink', '#1c1e23'),
    state: (s) => v(PALETTE[s].cssVar, PALETTE[s].light),
  };
}

function el(name: string, attrs: Record<string, string | number>, text?: string): SVGElement {
  const node = document.createElementNS(NS, name);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, imageText(String(v)));
  if (text !== undefined) node.textContent = imageText(text);
  return node;
}

export interface ImageInput {
  layout: TimelineLayout;
  /** One line per band ("Threads (GIL) · 3.00 s · 2.0× faster than sequential"). */
  headers: readonly string[];
  title: string;
  colours: ImageColours;
  /** The workload's queues, shared variables and arrivals: their tracks go under the axis. */
  tracks?: TrackInput;
}

export function timelineSvg({ layout, headers, title, colours: c, tracks }: ImageInput): SVGSVGElement {
  const states = statesPresent(layout.bands.flatMap((b) => b.trace.spans));
  const legendRows = Math.ceil(states.length / 4);
  const top = PAD + 24;
  const width = LABEL_W + PLOT_W + 2 * PAD;
  const extra = trackDrawing(
    el,
    layout.bands.map((b) => b.trace),
    tracks,
    headers,
    PLOT_W,
    c,
  );
  const height = top + layout.height + AXIS_H + extra.height + legendRows * LEGEND_ROW + PAD;
  const svg = el('svg', { xmlns: NS, width, height, viewBox: `0 0 ${width} ${height}` }) as SVGSVGElement;
  svg.append(el('title', {}, title));
  svg.append(patternDefs(states, c.state, c.ink));
  svg.append(el('rect', { width, height, fill: c.bg }));
  const font = { 'font-family': 'system-ui, sans-serif', 'font-size': 12, fill: c.fg };
  svg.append(el('text', { ...font, x: PAD, y: PAD + 12, 'font-size': 14, 'font-weight': 600 }, title));
  const plot = el('g', { transform: `translate(${PAD + LABEL_W} ${top})` });
  const labels = el('g', { transform: `translate(${PAD} ${top})`, ...font });
  const pxPerMs = layout.domainMs > 0 ? PLOT_W / layout.domainMs : 0;
  for (const band of layout.bands) {
    labels.append(el('text', { x: 0, y: band.y + band.headerH - 6, 'font-weight': 600 }, headers[band.index] ?? ''));
    for (const row of band.rows) {
      if (row.h >= 10) labels.append(el('text', { x: 0, y: row.y + row.h / 2 + 4, fill: c.muted }, row.label));
      const shapes = lodRow(band.ix.spans, band.ix.laneStart, row.lanes, pxPerMs, PLOT_W);
      for (const s of shapes) {
        const io = s.state === 'io';
        plot.append(
          el('rect', {
            x: s.x0,
            y: row.y + 1,
            width: Math.max(0.5, s.x1 - s.x0),
            height: Math.max(1, row.h - 2),
            fill: io ? c.ioFill : imageFill(s.state, c.state),
            stroke: io ? c.state('io') : 'none',
            'fill-opacity': Math.max(0.25, s.density),
          }),
        );
      }
    }
  }
  const axisY = layout.height + 0.5;
  plot.append(el('line', { x1: 0, x2: PLOT_W, y1: axisY, y2: axisY, stroke: c.muted }));
  for (const t of timeTicks(layout.domainMs, 6)) {
    const x = (t.pct / 100) * PLOT_W;
    // Grid lines through each band's rows, not its header.
    for (const b of layout.bands) {
      const y1 = b.y + b.headerH;
      plot.append(el('line', { x1: x, x2: x, y1, y2: b.y + b.h, stroke: c.grid, 'stroke-width': 0.5 }));
    }
    plot.append(el('line', { x1: x, x2: x, y1: axisY, y2: axisY + 5, stroke: c.muted }));
    const anchor = t.pct <= 0.5 ? 'start' : t.pct >= 99.5 ? 'end' : 'middle';
    plot.append(el('text', { ...font, x, y: axisY + 18, 'text-anchor': anchor, fill: c.muted }, t.label));
  }
  extra.draw(plot, labels, layout.height + AXIS_H);
  const legend = el('g', {
    transform: `translate(${PAD + LABEL_W} ${top + layout.height + AXIS_H + extra.height})`,
    ...font,
  });
  states.forEach((s, i) => {
    const x = (i % 4) * 250;
    const y = Math.floor(i / 4) * LEGEND_ROW;
    const io = s === 'io';
    legend.append(
      el('rect', {
        x,
        y: y + 2,
        width: 14,
        height: 10,
        fill: io ? c.ioFill : imageFill(s, c.state),
        stroke: io ? c.state('io') : 'none',
      }),
    );
    legend.append(el('text', { x: x + 20, y: y + 11 }, PALETTE[s].label));
  });
  svg.append(labels, plot, legend);
  return svg;
}

export function svgText(svg: SVGSVGElement): string {
  return `<?xml version="1.0" encoding="UTF-8"?>\n${new XMLSerializer().serializeToString(svg)}`;
}

/** Rasterises the SVG at `scale` × its size (2 for sharp images on high-density screens). */
export async function svgToPng(svg: SVGSVGElement, scale = 2): Promise<Blob> {
  const width = Number(svg.getAttribute('width'));
  const height = Number(svg.getAttribute('height'));
  const url = URL.createObjectURL(new Blob([svgText(svg)], { type: 'image/svg+xml' }));
  try {
    const img = new Image();
    img.decoding = 'async';
    img.src = url;
    await img.decode();
    const canvas = document.createElement('canvas');
    canvas.width = Math.round(width * scale);
    canvas.height = Math.round(height * scale);
    const ctx = canvas.getContext('2d');
    if (!ctx) throw new Error('this browser cannot draw the image');
    ctx.scale(scale, scale);
    ctx.drawImage(img, 0, 0, width, height);
    return await new Promise<Blob>((resolve, reject) =>
      canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('the image could not be encoded'))), 'image/png'),
    );
  } finally {
    URL.revokeObjectURL(url);
  }
}
