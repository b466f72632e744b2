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

const restored = new WeakSet<TimelineStore>();

/** For a widget whose workload was just chosen by the reader: nothing saved is to be restored into it. */
export function skipRestore(store: TimelineStore): void {
  restored.add(store);
}

export function Keeper() {
  const store = useTimelineApi();
  useEffect(() => {
    const { key, whole } = widgetName(store);
    let live = true;
    let sync: Sync | undefined;
    const first = restored.has(store) ? Promise.resolve() : restoreWidget(store, key);
    restored.add(store);
    void first.then(() => {
      if (live) sync = startSync(store, key, { whole });
    });
    return () => {
      live = false;
      sync?.stop();
    };
  }, [store]);
  return null;
}
