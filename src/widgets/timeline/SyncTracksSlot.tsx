/**
 * Where a figure's coordination tracks go. Their code is its own chunk, fetched only by figures that have
 * tracks (queues, shared variables, a deadlock, arrivals). The server has it at once and renders the
 * tracks into the page; in the browser their Suspense boundary keeps that HTML until the chunk arrives
 * and then hydrates it. Its props never change (the tracks read the store themselves), so no update
 * reaches the boundary before it has hydrated.
 */
import { lazy, memo, Suspense, type ComponentType } from 'react';
import type { ModelId } from '../../sim/types';

interface Props {
  uid: string;
  /** Model names for band titles: the article's, so they never change while the boundary hydrates. */
  labels: Partial<Record<ModelId, string>>;
}

let loaded: ComponentType<Props> | null = null;

/** Fetches the tracks' code (the server at start, tests ahead of rendering). */
export function preloadSyncTracks(): Promise<ComponentType<Props>> {
  return import('./SyncTracks').then((m) => (loaded = m.SyncTracks));
}

// The server has it long before it renders a page (it loads the page's content first).
if (import.meta.env.SSR) void preloadSyncTracks();

const LazyTracks = lazy(() => preloadSyncTracks().then((c) => ({ default: c })));

export const SyncTracksSlot = memo(function SyncTracksSlot({ wanted, ...props }: Props & { wanted: boolean }) {
  if (!wanted) return null;
  const Tracks = loaded;
  return <Suspense fallback={null}>{Tracks ? <Tracks {...props} /> : <LazyTracks {...props} />}</Suspense>;
});
