/**
 * A figure tied to a prediction: sealed (at its start, with its totals and speed-ups hidden) until the
 * reader commits to a guess; revealed, it plays from the start (or shows its end, with reduced motion) and
 * marks what answers the question. One small state per timeline store, and the page's predictions by id,
 * so a prediction can reach its figure whenever that figure hydrates.
 */
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { ModelId } from '../sim/types';
import type { TimelineStore } from './timelineStore';

/** What answers the question: a model's band (makespan, fastest) or one task in it (first, last). */
export interface Answer {
  model: ModelId;
  task?: string;
  /** When it happens (the band's total time, or the task's end), for the mark to appear as it plays. */
  atMs: number;
  /** The answer in words, as the figure shows it beside the mark. */
  text: string;
}

export interface RevealState {
  /** The id of the prediction this figure answers, or null for a figure with no question before it. */
  predictId: string | null;
  sealed: boolean;
  answer: Answer | null;
}

export type RevealStore = StoreApi<RevealState>;

/** The figure that answers a prediction: a timeline (with a playhead to run from the start) or a table. */
export type TiedFigure = { kind: 'timeline'; store: TimelineStore } | { kind: 'table'; state: RevealStore };

const states = new WeakMap<TimelineStore, RevealStore>();
const tied = new Map<string, TiedFigure>();
const waiting = new Map<string, Array<(figure: TiedFigure) => void>>();

function tie(predictId: string, figure: TiedFigure): void {
  tied.set(predictId, figure);
  for (const resolve of waiting.get(predictId) ?? []) resolve(figure);
  waiting.delete(predictId);
}

export function revealOf(timeline: TimelineStore): RevealStore {
  let state = states.get(timeline);
  if (!state) {
    state = createStore<RevealState>()(() => ({ predictId: null, sealed: false, answer: null }));
    states.set(timeline, state);
  }
  return state;
}

export const isSealed = (timeline: TimelineStore): boolean => revealOf(timeline).getState().sealed;

/**
 * Seals a figure for a prediction: it opens at its start, totals hidden. Called as the figure is first
 * drawn, before anything subscribes; the sealed state becomes the stores' initial state too, which is what
 * the server renders and the hydrating render reads (useSyncExternalStore's server snapshot). It is kept as
 * it is now, whatever changes the store later, since that is what the server rendered.
 */
export function seal(timeline: TimelineStore, predictId: string): void {
  timeline.setState({ timeMs: 0, playing: false });
  const sealedTimeline = timeline.getState();
  timeline.getInitialState = () => sealedTimeline;
  const state = revealOf(timeline);
  state.setState({ predictId, sealed: true, answer: null });
  const sealedState = state.getState();
  state.getInitialState = () => sealedState;
  tie(predictId, { kind: 'timeline', store: timeline });
}

/**
 * Seals a table (a ModelTable) for a prediction: its numbers stay hidden until the reader commits. A table
 * has no timeline store, so its reveal state stands alone; drawn again (the hydrating render after the
 * server's), it is the same state.
 */
export function sealTable(predictId: string): RevealStore {
  const known = tied.get(predictId);
  if (known?.kind === 'table') return known.state;
  const state = createStore<RevealState>()(() => ({ predictId, sealed: true, answer: null }));
  tie(predictId, { kind: 'table', state });
  return state;
}

/** The figure of a prediction, once it has been prepared in this page (now, or when it hydrates). */
export function figureOf(predictId: string): Promise<TiedFigure> {
  const figure = tied.get(predictId);
  if (figure) return Promise.resolve(figure);
  return new Promise((resolve) => waiting.set(predictId, [...(waiting.get(predictId) ?? []), resolve]));
}

/** A new page: forget the previous page's predictions. */
export function forgetPredictions(): void {
  tied.clear();
  waiting.clear();
}
