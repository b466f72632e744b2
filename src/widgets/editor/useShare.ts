/**
 * After hydration, for every timeline: bring back the view its link or saved edits hold, then keep the link
 * and the saved edits following the widget. The code that does either is loaded only when needed: when the
 * page's address or local storage has something for this widget, or once the reader changes its workload
 * or models (from then on the playhead and the lane view are kept too).
 */
import { useEffect } from 'react';
import { widgetName } from '../../store/pageTimelines';
import type { TimelineState, TimelineStore } from '../../store/timelineStore';
import { readParam, readStored } from '../../share/location';
import { loadWorkbench } from './loadWorkbench';
import { loadValidator } from '../../share/loadValidator';

const edited = (s: TimelineState, p: TimelineState) => s.scenario !== p.scenario || s.models !== p.models;

export function useShare(store: TimelineStore): void {
  useEffect(() => {
    const { key, whole } = widgetName(store);
    let live = true;
    let stop: (() => void) | undefined;
    const sync = async () => {
      const m = await loadWorkbench();
      if (live) stop = m.startSync(store, key, { whole }).stop;
    };
    if (readParam(key) !== null || readStored(key) !== null) {
      // The validator is fetched alongside: a link or saved edits with a workload need it.
      void loadValidator();
      void loadWorkbench()
        .then(async (m) => {
          if (live) await m.restoreWidget(store, key);
        })
        .then(sync);
    } else {
      const unsubscribe = store.subscribe((s, p) => {
        if (!edited(s, p)) return;
        unsubscribe();
        void sync();
      });
      stop = unsubscribe;
    }
    return () => {
      live = false;
      stop?.();
    };
  }, [store]);
}
