/**
 * Windows asked for from outside a figure (the article's <ZoomTo> tags), by the figure's key on the page
 * (its id, else its scenario: data-figure). A figure that has not hydrated yet has nobody listening, so the
 * request waits and the figure takes it up when it mounts: the reader's click is never lost.
 */
import { useEffect } from 'react';
import type { TimelineStore } from '../../store/timelineStore';
import { placementOf } from '../../store/placement';
import { animateWindow, type WindowAnimation } from '../../timeline/windowTransition';
import { clampWindow, type ViewWindow } from '../../timeline/viewWindow';

type Listener = (window: ViewWindow) => void;

const listeners = new Map<string, Listener>();
const waiting = new Map<string, ViewWindow>();

/** Asks the figure with this key to show `window` (now, or as soon as it is ready). */
export function requestWindow(key: string, window: ViewWindow): void {
  const listener = listeners.get(key);
  if (listener) listener(window);
  else waiting.set(key, window);
}

/** Listens for requests to a key; takes up one that arrived before. Returns the undo. */
export function listenForWindows(key: string, listener: Listener): () => void {
  listeners.set(key, listener);
  const early = waiting.get(key);
  waiting.delete(key);
  if (early) listener(early);
  return () => {
    if (listeners.get(key) === listener) listeners.delete(key);
  };
}

const prefersReducedMotion = () =>
  typeof matchMedia === 'function' && matchMedia('(prefers-reduced-motion: reduce)').matches;

/**
 * Moves a store's window to `target` (clamped into the run), animated unless motion is reduced, and pauses.
 * A playhead before the window's end moves to it, so the window shows its spans drawn rather than veiled
 * as not yet reached (a figure waiting for its prediction sits at 0): at once if that does not move the
 * window, else once the window has arrived.
 */
export function showWindow(store: TimelineStore, target: ViewWindow, reducedMotion?: boolean): WindowAnimation {
  const s = store.getState();
  if (s.playing) s.pause();
  const goal = clampWindow(target, s.domainMs);
  const reveal = () => {
    if (store.getState().timeMs < goal.endMs) store.getState().seek(goal.endMs);
  };
  if (goal.endMs >= s.viewStartMs && goal.endMs <= s.viewEndMs) reveal();
  const read = () => ({ startMs: store.getState().viewStartMs, endMs: store.getState().viewEndMs });
  const move = animateWindow(goal, {
    read,
    write: (w) => store.getState().setWindow(w.startMs, w.endMs),
    reducedMotion: reducedMotion ?? (store.getState().reducedMotion || prefersReducedMotion()),
  });
  void move.done.then((reached) => reached && reveal());
  return move;
}

/** For a figure: follow the window requests made to its key. */
export function useWindowRequests(store: TimelineStore): void {
  useEffect(() => {
    const key = placementOf(store)?.key;
    if (!key) return;
    let current: WindowAnimation | null = null;
    const stop = listenForWindows(key, (target) => {
      current?.cancel();
      current = showWindow(store, target);
    });
    return () => {
      stop();
      current?.cancel();
    };
  }, [store]);
}
