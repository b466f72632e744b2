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
    let timer: ReturnType<typeof setTimeout> | undefined;
    let on = false;
    const settle = () => {
      timer = undefined;
      on = false;
      // Drawing the marks as SVG again builds hundreds of elements: as a transition, React builds them in
      // slices between frames, and a gesture that starts again meanwhile interrupts it.
      startTransition(() => setActive(false));
    };
    // The last step's time, and one timer at a time that checks it when it fires: a gesture's steps (one a
    // frame) do not each clear and set a timer.
    let lastStep = 0;
    const check = () => {
      const left = SETTLE_MS - (Date.now() - lastStep);
      if (left > 0) timer = setTimeout(check, left);
      else settle();
    };
    const restart = () => {
      lastStep = Date.now();
      if (timer === undefined) timer = setTimeout(check, SETTLE_MS);
    };
    const stopGesture = onGesture(store, () => {
      if (!on && holdsFocus()) return;
      if (!on) {
        on = true;
        setActive(true);
      }
      restart();
    });
    const stopWindow = store.subscribe((s, prev) => {
      if (on && (s.viewStartMs !== prev.viewStartMs || s.viewEndMs !== prev.viewEndMs)) restart();
    });
    return () => {
      stopGesture();
      stopWindow();
      if (timer !== undefined) clearTimeout(timer);
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
