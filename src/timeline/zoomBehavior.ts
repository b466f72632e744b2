/**
 * Ctrl/⌘+wheel and pinch zoom about the pointer, built on d3-zoom, behind `{ update, destroy }` (the way
 * xyflow wraps d3-zoom): the store owns the window; d3-zoom only turns gestures into windows. Plain wheel
 * scrolls the page, a one-finger drag scrubs or scrolls, so the filter lets through only Ctrl/⌘+wheel and
 * touches of two fingers or more. Loaded when the reader first reaches for the chart (see Chart.tsx).
 */
import { select, type Selection } from 'd3-selection';
import { zoom, zoomIdentity, type D3ZoomEvent, type ZoomBehavior, type ZoomTransform } from 'd3-zoom';
import { MIN_WINDOW_MS, type ViewWindow } from './viewWindow';

export interface ZoomOptions {
  domainMs: number;
  window: ViewWindow;
  /** Called with the window a gesture asks for (not yet clamped). */
  onWindow(window: ViewWindow): void;
}

export interface ZoomHandle {
  update(options: ZoomOptions): void;
  destroy(): void;
}

/** Which events start a zoom gesture. */
export function zoomFilter(event: Event): boolean {
  if (event.type === 'wheel') return (event as WheelEvent).ctrlKey || (event as WheelEvent).metaKey;
  if (event.type === 'touchstart' || event.type === 'touchmove')
    return ((event as TouchEvent).touches?.length ?? 0) >= 2;
  return false;
}

/** The d3 transform that shows `w` of [0, domainMs] on a plot `width` px wide. */
export function transformFor(w: ViewWindow, domainMs: number, width: number): ZoomTransform {
  const k = domainMs / Math.max(1e-12, w.endMs - w.startMs);
  return zoomIdentity.scale(k).translate((-w.startMs / domainMs) * width, 0);
}

/** The window a transform shows. */
export function windowFor(t: ZoomTransform, domainMs: number, width: number): ViewWindow {
  const start = (t.invertX(0) / width) * domainMs;
  const end = (t.invertX(width) / width) * domainMs;
  return { startMs: start, endMs: end };
}

export function createZoom(el: HTMLElement, options: ZoomOptions): ZoomHandle {
  let opts = options;
  let syncing = false;
  // The window the last gesture step asked for: when the store takes it as it is, d3-zoom's transform already
  // shows it, and needs no setting back (a step of a gesture then does no more than that).
  let asked: ViewWindow | null = null;
  const width = () => el.clientWidth || el.getBoundingClientRect().width || 1;
  const sel: Selection<HTMLElement, unknown, null, undefined> = select(el);
  const behavior: ZoomBehavior<HTMLElement, unknown> = zoom<HTMLElement, unknown>()
    .filter(zoomFilter)
    .scaleExtent([1, Math.max(1, opts.domainMs / MIN_WINDOW_MS)])
    .wheelDelta((event: WheelEvent) => -event.deltaY * (event.deltaMode === 1 ? 0.05 : event.deltaMode ? 1 : 0.002) * 5)
    .on('zoom', (event: D3ZoomEvent<HTMLElement, unknown>) => {
      if (syncing || !event.sourceEvent) return;
      const w = windowFor(event.transform, opts.domainMs, width());
      asked = w;
      opts.onWindow(w);
    });
  const sync = () => {
    const w = width();
    behavior.scaleExtent([1, Math.max(1, opts.domainMs / MIN_WINDOW_MS)]).translateExtent([
      [0, -1e9],
      [w, 1e9],
    ]);
    behavior.extent([
      [0, 0],
      [w, el.clientHeight || 1],
    ]);
    syncing = true;
    behavior.transform(sel, transformFor(opts.window, opts.domainMs, w));
    syncing = false;
  };
  sel.call(behavior);
  // A double click or double tap belongs to the page (text selection), not to zooming.
  sel.on('dblclick.zoom', null);
  sync();
  return {
    update(next) {
      const changed =
        next.domainMs !== opts.domainMs ||
        next.window.startMs !== opts.window.startMs ||
        next.window.endMs !== opts.window.endMs;
      const taken =
        !!asked &&
        next.domainMs === opts.domainMs &&
        next.window.startMs === asked.startMs &&
        next.window.endMs === asked.endMs;
      asked = null;
      opts = next;
      if (changed && !taken) sync();
    },
    destroy() {
      sel.on('.zoom', null);
    },
  };
}
