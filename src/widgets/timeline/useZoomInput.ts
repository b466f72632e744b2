/**
 * Zoom and pan input on the plot: Ctrl/⌘+wheel and pinch through d3-zoom (loaded when the reader first
 * points at, touches or focuses the chart), and the keys of the focused chart. Until d3-zoom has loaded, a
 * Ctrl/⌘+wheel is handled here directly, so the first gesture is never lost.
 */
import { useEffect, type RefObject } from 'react';
import type { TimelineStore } from '../../store/timelineStore';
import { ZOOM_STEP } from '../../timeline/viewWindow';
import type { ZoomHandle } from '../../timeline/zoomBehavior';
import { markGesture } from './gestureSignal';

/** Zoom factor for a wheel event before d3-zoom is there (the same curve d3-zoom uses). */
export function wheelFactor(e: WheelEvent): number {
  const delta = -e.deltaY * (e.deltaMode === 1 ? 0.05 : e.deltaMode ? 1 : 0.002) * 5;
  return Math.pow(2, delta);
}

/** What a key does to the window of the focused chart, or null when it is not a zoom or pan key. */
export type ZoomKeyAction = { zoom: number } | { pan: number } | { fit: true };

export function zoomKey(e: {
  key: string;
  shiftKey: boolean;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
}): ZoomKeyAction | null {
  if (e.ctrlKey || e.metaKey || e.altKey) return null;
  switch (e.key) {
    case '+':
    case '=':
    case 'w':
    case 'W':
      return { zoom: ZOOM_STEP };
    case '-':
    case '_':
    case 's':
    case 'S':
      return { zoom: 1 / ZOOM_STEP };
    case 'a':
    case 'A':
      return { pan: -0.25 };
    case 'd':
    case 'D':
      return { pan: 0.25 };
    case 'ArrowLeft':
      return e.shiftKey ? { pan: -0.25 } : null;
    case 'ArrowRight':
      return e.shiftKey ? { pan: 0.25 } : null;
    case '0':
      return { fit: true };
    default:
      return null;
  }
}

export function useZoomInput(plotRef: RefObject<HTMLDivElement | null>, api: TimelineStore, domainMs: number) {
  useEffect(() => {
    const el = plotRef.current;
    if (!el) return;
    let handle: ZoomHandle | null = null;
    let live = true;
    const options = () => {
      const s = api.getState();
      return {
        domainMs: s.domainMs,
        window: { startMs: s.viewStartMs, endMs: s.viewEndMs },
        onWindow: (w: { startMs: number; endMs: number }) => {
          markGesture(api);
          api.getState().setWindow(w.startMs, w.endMs);
        },
      };
    };
    const onWheel = (e: WheelEvent) => {
      if (handle || !(e.ctrlKey || e.metaKey)) return;
      e.preventDefault();
      const box = el.getBoundingClientRect();
      const s = api.getState();
      const at = s.viewStartMs + ((e.clientX - box.left) / (box.width || 1)) * (s.viewEndMs - s.viewStartMs);
      markGesture(api);
      s.zoomBy(wheelFactor(e), at);
    };
    const load = () => {
      el.removeEventListener('pointerenter', load);
      el.removeEventListener('touchstart', load);
      el.removeEventListener('focusin', load);
      void import('../../timeline/zoomBehavior').then((m) => {
        if (!live) return;
        handle = m.createZoom(el, options());
      });
    };
    el.addEventListener('wheel', onWheel, { passive: false });
    el.addEventListener('pointerenter', load);
    el.addEventListener('touchstart', load, { passive: true });
    el.addEventListener('focusin', load);
    const unsubscribe = api.subscribe((s, prev) => {
      if (s.viewStartMs !== prev.viewStartMs || s.viewEndMs !== prev.viewEndMs || s.domainMs !== prev.domainMs)
        handle?.update(options());
    });
    return () => {
      live = false;
      unsubscribe();
      el.removeEventListener('wheel', onWheel);
      el.removeEventListener('pointerenter', load);
      el.removeEventListener('touchstart', load);
      el.removeEventListener('focusin', load);
      handle?.destroy();
    };
  }, [plotRef, api, domainMs]);
}
