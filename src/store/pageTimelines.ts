/**
 * The timelines of one page: by id, so that a draggable number or a computed figure in the prose can bind
 * to a timeline anywhere on the page (before it or after it); and a key per widget for links and saved
 * edits (its id, else its scenario, numbered -2, -3 … when a scenario repeats on the page).
 *
 * The build lists the page's Timeline tags that have an id, so whichever renders first, the number or the
 * figure, prepares the store and the other one finds it. Everything is prepared in render order, the same
 * way on the server and in the hydrating render.
 */
import { useContext, useState } from 'react';
import { PageContext, type TimelinePage, type TimelineTag } from './page';
import type { TimelineStore } from './timelineStore';

interface WidgetName {
  key: string;
  /** Links and saved edits always carry the whole workload (the playground's starting point is not fixed). */
  whole: boolean;
}

const names = new WeakMap<TimelineStore, WidgetName>();

/** Names a widget's store for links and local storage (the first name given sticks). */
export function nameWidget(store: TimelineStore, key: string, whole = false): void {
  if (!names.has(store)) names.set(store, { key, whole });
}

export function widgetName(store: TimelineStore): WidgetName {
  return names.get(store) ?? { key: store.getState().original.scenario?.id ?? 'timeline', whole: false };
}

/** The first free key from `base` on the page: base, base-2, base-3 … */
function claimKey(page: TimelinePage | null, base: string, store: TimelineStore): string {
  if (!page) return base;
  let key = base;
  for (let n = 2; page.keys.has(key) && page.keys.get(key) !== store; n++) key = `${base}-${n}`;
  page.keys.set(key, store);
  return key;
}

type Prepared = { ok: boolean; store?: TimelineStore };

function prepareOnPage<P extends TimelineTag, T extends Prepared>(
  page: TimelinePage | null,
  props: P,
  prepare: (props: P) => T,
): T {
  const id = props.id;
  const cached = id !== undefined ? (page?.prepared.get(id) as T | undefined) : undefined;
  if (cached) return cached;
  const prepared = prepare(props);
  if (id !== undefined) page?.prepared.set(id, prepared);
  const base = id ?? props.scenario;
  if (prepared.store && base !== undefined) nameWidget(prepared.store, claimKey(page, base, prepared.store));
  return prepared;
}

/** For a Timeline: its prepared store, shared with the numbers bound to its id. */
export function usePageTimeline<P extends TimelineTag, T extends Prepared>(props: P, prepare: (props: P) => T): T {
  const page = useContext(PageContext);
  const [prepared] = useState(() => prepareOnPage(page, props, prepare));
  return prepared;
}

/** For a number bound to a timeline: the timeline with that id, prepared from its tag if it has not rendered yet. */
export function useTimelineById<P extends TimelineTag, T extends Prepared>(
  id: string,
  prepare: (props: P) => T,
): T | undefined {
  const page = useContext(PageContext);
  if (!page) return undefined;
  const cached = page.prepared.get(id) as T | undefined;
  if (cached) return cached;
  const tag = page.tags.find((t) => t.id === id);
  // The build recorded the tag's props as written; the widget's own prepare checks them.
  return tag ? prepareOnPage(page, tag as P, prepare) : undefined;
}
