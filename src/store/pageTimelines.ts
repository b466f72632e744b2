/**
 * The timelines of the page being shown, by id, so that a number or a figure in the prose can bind to a
 * timeline anywhere on the page, before it or after it. The page's Timeline tags that have an id are
 * known from the build (beginPage, called when the page's content loads and before it renders, on the
 * server once per page), so whichever renders first, the sentence or the figure, prepares the store and
 * the other one finds it: in render order, the same on the server and in the hydrating render.
 */
import { useId, useState } from 'react';
import type { TimelineStore } from './timelineStore';
import { forgetPredictions, seal } from './reveal';
import { placeFigure, resetPlacements, type Placement } from './placement';

export type { Placement };

/** The props of a Timeline tag that say which timeline it is. */
export interface TimelineTag {
  id?: string;
  scenario?: string;
}

let tags: TimelineTag[] = [];
const byId = new Map<string, object>();
const ids = new WeakMap<TimelineStore, string>();

/** A new page: the props of its Timeline tags that have an id, as the build recorded them. */
export function beginPage(pageTags: readonly object[] = []): void {
  tags = [...pageTags] as TimelineTag[];
  byId.clear();
  resetPlacements();
  forgetPredictions();
}

/** The tag with that id on this page, if any. */
export const pageTag = (id: string): TimelineTag | undefined => tags.find((t) => t.id === id);

/** Prepares a timeline once per id and page (timelines without an id each get their own). */
export function preparePageTimeline<P extends TimelineTag, T extends object>(props: P, prepare: (p: P) => T): T {
  const id = props.id;
  if (id === undefined) return prepare(props);
  let prepared = byId.get(id) as T | undefined;
  if (!prepared) {
    prepared = prepare(props);
    byId.set(id, prepared);
    const { store } = prepared as { store?: TimelineStore };
    if (store) ids.set(store, id);
  }
  return prepared;
}

/**
 * For a Timeline: its prepared store, shared with the numbers bound to its id, placed on the page (its key
 * in links, the prediction it answers: see placement.ts). A figure that answers a prediction is sealed here,
 * before anything draws it, so the server and the hydrating render both show it at its start.
 */
export function usePageTimeline<P extends TimelineTag, T extends object>(props: P, prepare: (p: P) => T): T {
  const uid = useId();
  const [prepared] = useState(() => {
    const p = preparePageTimeline(props, prepare);
    const { store } = p as { store?: TimelineStore };
    if (store) {
      const placed = placeFigure(store, uid, props);
      if (placed.predictedBy) seal(store, placed.predictedBy);
    }
    return p;
  });
  return prepared;
}

/** The id a timeline was given on the page, if any. */
export const timelineId = (store: TimelineStore): string | undefined => ids.get(store);
