/**
 * For every timeline once the on-demand chunk is here: bring back the view its link or saved edits hold
 * (once per widget), then keep its link and saved edits following it.
 */
import { useEffect } from 'react';
import { useTimelineApi } from '../../store/context';
import { widgetName } from '../../share/names';
import type { TimelineStore } from '../../store/timelineStore';
import { restoreWidget } from '../../share/restore';
import { startSync, type Sync } from '../../share/sync';

const restored = new WeakMap<TimelineStore, Promise<void>>();

/** For a widget whose workload was just chosen by the reader: nothing saved is to be restored into it. */
export function skipRestore(store: TimelineStore): void {
  restored.set(store, Promise.resolve());
}

const waiting = new WeakMap<TimelineStore, Array<(first: Promise<void>) => void>>();

/** Brings back the widget's linked or saved view, once (as its figure has hydrated and mounts this). */
function restoreOnce(store: TimelineStore, key: string): Promise<void> {
  let first = restored.get(store);
  if (!first) {
    first = restoreWidget(store, key);
    restored.set(store, first);
    for (const resolve of waiting.get(store) ?? []) resolve(first);
    waiting.delete(store);
  }
  return first;
}

/** Once the widget's view has been brought back (a page opened from a link waits for it: entry-client.tsx). */
export function whenRestored(store: TimelineStore): Promise<void> {
  const first = restored.get(store);
  if (first) return first;
  return new Promise<Promise<void>>((resolve) => waiting.set(store, [...(waiting.get(store) ?? []), resolve])).then(
    (p) => p,
  );
}

export function Keeper() {
  const store = useTimelineApi();
  useEffect(() => {
    const { key, whole } = widgetName(store);
    let live = true;
    let sync: Sync | undefined;
    void restoreOnce(store, key).then(() => {
      if (live) sync = startSync(store, key, { whole });
    });
    return () => {
      live = false;
      sync?.stop();
    };
  }, [store]);
  return null;
}
