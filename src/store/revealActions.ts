/**
 * Revealing a figure tied to a prediction, and sealing it again (see reveal.ts); loaded when the reader
 * first commits to a guess.
 */
import { revealOf, type Answer, type TiedFigure } from './reveal';
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

/** Reveals whichever figure answers: a timeline plays (see reveal), a table shows its numbers and marks the row. */
export function revealTied(figure: TiedFigure, answer: Answer): void {
  if (figure.kind === 'timeline') reveal(figure.store, answer);
  else figure.state.setState({ sealed: false, answer });
}

export function resealTied(figure: TiedFigure): void {
  if (figure.kind === 'timeline') reseal(figure.store);
  else figure.state.setState({ sealed: true, answer: null });
}
