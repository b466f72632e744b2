/**
 * Whether a figure's window is being moved by a continuous gesture (Ctrl/⌘+wheel, pinch, dragging the
 * overview strip), as opposed to a single step (a button, a key, a preset). While a gesture runs, the chart
 * draws its marks on a Canvas, which costs a fraction of re-laying-out hundreds of SVG rects a frame; once
 * the window has stayed still for SETTLE_MS it draws them as SVG again, every span a pixel wide or more as
 * its own rect.
 *
 * The input code calls `markGesture(store)` on each gesture step; the chart listens with `onGesture`. The
 * chart says whether a gesture is drawing (`setGestureDrawing`), so that the figure's coordination tracks
 * draw on a Canvas for as long as its marks do (`useGestureDrawing`).
 */
import { startTransition, useEffect, useState, useSyncExternalStore } from 'react';
import type { TimelineStore } from '../../store/timelineStore';
import { quietTimer } from '../../timeline/quietTimer';

/** How long the window must stay still before the gesture counts as over, ms. */
export const SETTLE_MS = 180;

const listeners = new WeakMap<TimelineStore, Set<() => void>>();

/** A gesture moved (or is about to move) the window of this figure. */
export function markGesture(store: TimelineStore): void {
  listeners.get(store)?.forEach((f) => f());
}

export function onGesture(store: TimelineStore, listener: () => void): () => void {
  let set = listeners.get(store);
  if (!set) listeners.set(store, (set = new Set()));
  set.add(listener);
  return () => set.delete(listener);
}

/**
 * True from a gesture step until the window has not changed for SETTLE_MS. Stays false when `enabled` is
 * false, and when a gesture starts while `holdsFocus()` says the keyboard focus is on the SVG marks
 * (swapping them out would lose it). Pass a stable `holdsFocus` (useCallback).
 */
export function useGestureActive(store: TimelineStore, enabled: boolean, holdsFocus: () => boolean): boolean {
  const [active, setActive] = useState(false);
  useEffect(() => {
    if (!enabled) return;
    let on = false;
    const settle = quietTimer(SETTLE_MS, () => {
      on = false;
      // Drawing the marks as SVG again builds hundreds of elements: as a transition, React builds them in
      // slices between frames, and a gesture that starts again meanwhile interrupts it.
      startTransition(() => setActive(false));
    });
    const stopGesture = onGesture(store, () => {
      if (!on && holdsFocus()) return;
      if (!on) {
        on = true;
        setActive(true);
      }
      settle.poke();
    });
    const stopWindow = store.subscribe((s, prev) => {
      if (on && (s.viewStartMs !== prev.viewStartMs || s.viewEndMs !== prev.viewEndMs)) settle.poke();
    });
    return () => {
      stopGesture();
      stopWindow();
      settle.cancel();
      setActive(false);
    };
  }, [store, enabled, holdsFocus]);
  return enabled && active;
}

const drawing = new WeakMap<TimelineStore, { on: boolean; listeners: Set<() => void> }>();

function drawingOf(store: TimelineStore) {
  let d = drawing.get(store);
  if (!d) drawing.set(store, (d = { on: false, listeners: new Set() }));
  return d;
}

/** The chart: a gesture is (or is no longer) drawing this figure on a Canvas. */
export function setGestureDrawing(store: TimelineStore, on: boolean): void {
  const d = drawingOf(store);
  if (d.on === on) return;
  d.on = on;
  d.listeners.forEach((f) => f());
}

/** Whether a gesture is drawing this figure on a Canvas (the tracks follow the marks). */
export function useGestureDrawing(store: TimelineStore): boolean {
  const d = drawingOf(store);
  return useSyncExternalStore(
    (f) => {
      d.listeners.add(f);
      return () => d.listeners.delete(f);
    },
    () => d.on,
    () => false,
  );
}
