/** React bindings: one store per widget, provided by context, read through narrow selectors. */
import { createContext, useContext, type ReactNode } from 'react';
import { useStore } from 'zustand';
import type { TimelineState, TimelineStore } from './timelineStore';

const TimelineStoreContext = createContext<TimelineStore | null>(null);

export function TimelineStoreProvider({ store, children }: { store: TimelineStore; children: ReactNode }) {
  return <TimelineStoreContext.Provider value={store}>{children}</TimelineStoreContext.Provider>;
}

export function useTimelineApi(): TimelineStore {
  const store = useContext(TimelineStoreContext);
  if (!store) throw new Error('useTimelineStore must be used inside <TimelineStoreProvider>.');
  return store;
}

/** Subscribe to a slice of the widget's store; re-renders only when the slice changes. */
export function useTimelineStore<T>(selector: (s: TimelineState) => T): T {
  return useStore(useTimelineApi(), selector);
}
