/**
 * The coordination tracks in an exported image: the same scene computation as the page (syncTracks.ts)
 * over the whole run at the image's plot width, drawn under the time axis — queue depths with their
 * maxsize, shared variables with lost updates as a cross in a ring, the latency strip — then the
 * deadlock sentences. Text is escaped by the DOM serializer like the rest of the image.
 */
import type { Trace } from '../sim/types';
import { syncTracks, type Track } from '../timeline/syncTracks';
import { wantsTracks, type TrackInput } from '../timeline/trackNeeds';

/** The colours of the image (exportImage.ts's ImageColours), the ones the tracks use. */
interface ImageColours {
  bg: string;
  fg: string;
  muted: string;
  grid: string;
  state(state: 'running' | 'wait-queue' | 'blocking' | 'pickling'): string;
}

type El = (name: string, attrs: Record<string, string | number>, text?: string) => SVGElement;

const TITLE_H = 18;
const SENTENCE_H = 18;

export interface TrackDrawing {
  /** Height the tracks take, px (0 when the workload has none). */
  height: number;
  /** Appends the tracks with their top at `y` (plot group and label group, both translated to the chart). */
  draw(plot: SVGElement, labels: SVGElement, y: number): void;
}

function trackLines(el: El, t: Track, width: number, c: ImageColours, colour: string): SVGElement[] {
  const out: SVGElement[] = [];
  const dash = { stroke: c.muted, 'stroke-width': 1, 'stroke-dasharray': '4 3' };
  const limit = t.kind === 'queue' ? t.maxY : t.kind === 'shared' ? t.expectedY : t.p95Y;
  if (limit !== null) out.push(el('line', { x1: 0, x2: width, y1: limit, y2: limit, ...dash }));
  if (t.kind !== 'latency')
    out.push(el('path', { d: t.path, fill: 'none', stroke: colour, 'stroke-width': 1.75, 'stroke-linejoin': 'round' }));
  const dots = t.kind === 'queue' ? '' : t.dots;
  if (dots)
    out.push(
      el('path', {
        d: dots,
        fill: 'none',
        stroke: t.kind === 'latency' ? c.fg : colour,
        'stroke-width': 3.5,
        'stroke-linecap': 'round',
      }),
    );
  if (t.kind === 'shared')
    for (const m of t.lost) {
      const g = el('g', { transform: `translate(${m.x} ${m.y})` });
      g.append(el('title', {}, m.text));
      g.append(el('circle', { r: 5.5, fill: c.bg, stroke: c.state('blocking'), 'stroke-width': 1.5 }));
      g.append(el('path', { d: 'M-3 -3L3 3M-3 3L3 -3', stroke: c.state('blocking'), 'stroke-width': 2 }));
      out.push(g);
    }
  return out;
}

export function trackDrawing(
  el: El,
  traces: readonly Trace[],
  input: TrackInput | undefined,
  headers: readonly string[],
  width: number,
  c: ImageColours,
): TrackDrawing {
  if (!input || !wantsTracks(traces, input)) return { height: 0, draw: () => {} };
  const domainMs = traces.reduce((m, t) => Math.max(m, t.makespanMs), 0);
  const bands = syncTracks(traces, input, { startMs: 0, endMs: domainMs }, width);
  const compare = bands.length > 1;
  let height = 0;
  for (const b of bands) {
    if (b.tracks.length && compare) height += TITLE_H;
    for (const t of b.tracks) height += t.height + 2;
    if (b.deadlock) height += SENTENCE_H;
  }
  return {
    height: height + (height ? 16 : 0),
    draw(plot, labels, y0) {
      let y = y0 + 8;
      const font = { 'font-family': 'system-ui, sans-serif', 'font-size': 11 };
      for (const b of bands) {
        if (b.tracks.length && compare) {
          labels.append(
            el('text', { ...font, x: 0, y: y + 13, 'font-weight': 600, fill: c.fg }, headers[b.band] ?? ''),
          );
          y += TITLE_H;
        }
        for (const t of b.tracks) {
          labels.append(el('text', { ...font, x: 0, y: y + t.height / 2, fill: c.fg }, t.label));
          labels.append(
            el('text', { ...font, x: 0, y: y + t.height / 2 + 12, fill: c.muted, 'font-size': 10 }, t.brief),
          );
          const g = el('g', { transform: `translate(0 ${y})` });
          g.append(el('rect', { x: 0, y: 0, width, height: t.height, fill: c.grid, 'fill-opacity': 0.25 }));
          const colour = t.kind === 'queue' ? c.state('wait-queue') : c.state('running');
          for (const node of trackLines(el, t, width, c, colour)) g.append(node);
          plot.append(g);
          y += t.height + 2;
        }
        if (b.deadlock) {
          const x = (b.deadlock.xPct / 100) * width;
          plot.append(
            el('line', {
              x1: x,
              x2: x,
              y1: y0,
              y2: y,
              stroke: c.state('pickling'),
              'stroke-width': 2,
              'stroke-dasharray': '5 3',
            }),
          );
          const who = compare && headers[b.band] ? `${headers[b.band].split(' · ')[0]}: ` : '';
          plot.append(el('text', { ...font, x: 0, y: y + 13, fill: c.fg }, `⊘ ${who}${b.deadlock.sentence}`));
          y += SENTENCE_H;
        }
      }
    },
  };
}
