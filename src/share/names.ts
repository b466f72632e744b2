/**
 * Each widget's key in links and local storage: its id on the page, else its scenario, numbered -2, -3 …
 * when a scenario repeats on the page (in the order the widgets appear). Claimed when the on-demand code
 * first looks after a widget.
 */
import { timelineId } from '../store/pageTimelines';
import type { TimelineStore } from '../store/timelineStore';

export interface WidgetName {
  key: string;
  /** Links and saved edits always carry the whole workload (the playground's starting point is not fixed). */
  whole: boolean;
}

const names = new WeakMap<TimelineStore, WidgetName>();
const claimed = new Map<string, TimelineStore>();

/** Gives a widget its name up front (the playground); the first name given sticks. */
export function nameWidget(store: TimelineStore, key: string, whole = false): void {
  if (!names.has(store)) names.set(store, { key, whole });
}

/** The widget's name, claiming the first free key from its id or scenario if it has none yet. */
export function widgetName(store: TimelineStore): WidgetName {
  let name = names.get(store);
  if (!name) {
    const base = timelineId(store) ?? store.getState().original.scenario?.id ?? 'timeline';
    let key = base;
    for (let n = 2; claimed.has(key) && claimed.get(key) !== store; n++) key = `${base}-${n}`;
    name = { key, whole: false };
    names.set(store, name);
  }
  claimed.set(name.key, store);
  return name;
}
