/**
 * What a <ZoomTo> tag does when the reader activates it: find the named figure on the page, bring its
 * chart into view if it is not, wake it if it has not hydrated yet, and ask it for the window (the figure
 * animates to it: see widgets/timeline/windowRequests.ts).
 */
import { pendingIsland, wake } from '../near/intent';
import { requestWindow } from '../timeline/windowRequests';
import type { ViewWindow } from '../../timeline/viewWindow';

export interface ZoomToProps {
  /** The figure's key on the page: its `id`, else its scenario (the figure's data-figure). */
  figure: string;
  startMs: number | string;
  endMs: number | string;
}

/** The window a tag names, or an error that says what is wrong with it. */
export function presetWindow(props: ZoomToProps): { ok: true; window: ViewWindow } | { ok: false; error: string } {
  const start = Number(props.startMs);
  const end = Number(props.endMs);
  if (!props.figure) return { ok: false, error: 'names no figure' };
  if (!Number.isFinite(start) || !Number.isFinite(end) || start < 0)
    return { ok: false, error: `startMs and endMs must be times in ms (got ${props.startMs}, ${props.endMs})` };
  if (!(end > start)) return { ok: false, error: `must end after it starts (${start} ms to ${end} ms)` };
  return { ok: true, window: { startMs: start, endMs: end } };
}

interface Box {
  top: number;
  bottom: number;
}

/**
 * How far to scroll the page (px, positive: down) so that `box` (viewport coordinates) is in view between
 * `topInset` (a sticky header) and the bottom of a viewport `height` px tall; 0 when it already is. A box
 * that fits is centred; one taller than the space shows its top.
 */
export function scrollDelta(box: Box, height: number, topInset = 0, margin = 12): number {
  const top = topInset + margin;
  const bottom = height - margin;
  if (box.top >= top && box.bottom <= bottom) return 0;
  const h = box.bottom - box.top;
  const room = bottom - top;
  if (h >= room) return box.top - top;
  return box.top - (top + (room - h) / 2);
}

const prefersReducedMotion = () =>
  typeof matchMedia === 'function' && matchMedia('(prefers-reduced-motion: reduce)').matches;

/** The figure with this key on the page, if there is one. */
export function findFigure(key: string, doc: Document = document): HTMLElement | null {
  for (const el of doc.querySelectorAll<HTMLElement>('figure[data-figure]')) if (el.dataset.figure === key) return el;
  return null;
}

/** The part of a figure a reader zooming needs to see: the line stating the window and the plot. */
function chartBox(figure: HTMLElement): Box {
  const parts = ['.tl-window-line', '.tl-plot']
    .map((s) => figure.querySelector(s))
    .filter((e): e is Element => e !== null);
  const rects = (parts.length ? parts : [figure]).map((e) => e.getBoundingClientRect());
  return { top: Math.min(...rects.map((r) => r.top)), bottom: Math.max(...rects.map((r) => r.bottom)) };
}

/** Runs a preset: false if the figure is not on the page. */
export function zoomFigureTo(key: string, window: ViewWindow): boolean {
  const figure = findFigure(key);
  if (!figure) return false;
  const header = document.querySelector('.site-header');
  const inset = header ? Math.max(0, header.getBoundingClientRect().bottom) : 0;
  const delta = scrollDelta(chartBox(figure), globalThis.innerHeight, inset);
  if (delta !== 0) globalThis.scrollBy({ top: delta, behavior: prefersReducedMotion() ? 'instant' : 'smooth' });
  // A figure still waiting to hydrate is woken now; it takes up the request once it is ready.
  const island = pendingIsland(figure);
  if (island) wake(island);
  requestWindow(key, window);
  return true;
}
