/**
 * Revealing a figure tied to a prediction, and sealing it again (see reveal.ts); loaded when the reader
 * first commits to a guess.
 */
import { revealOf, type Answer } from './reveal';
import type { TimelineStore } from './timelineStore';

const prefersReducedMotion = () =>
  typeof matchMedia === 'function' && matchMedia('(prefers-reduced-motion: reduce)').matches;

/** The reader has committed: unseal, mark the answer, play from the start (jump to the end without motion). */
export function reveal(timeline: TimelineStore, answer: Answer): void {
  revealOf(timeline).setState({ sealed: false, answer });
  const s = timeline.getState();
  if (prefersReducedMotion() || s.reducedMotion) s.jumpToEnd();
  else {
    s.pause();
    s.seek(0);
    timeline.getState().play();
  }
}

/** "Try again": back to the sealed start. */
export function reseal(timeline: TimelineStore): void {
  const s = timeline.getState();
  s.pause();
  s.seek(0);
  revealOf(timeline).setState({ sealed: true, answer: null });
}
