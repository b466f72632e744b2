/**
 * Where the details of the selected span go. Their code (DetailsPanel and the sentences of
 * timeline/details.ts) is fetched the first time the reader selects a span; the selection is kept in the
 * store meanwhile, so the panel opens on the span chosen once its code has arrived.
 */
import { lazy, Suspense } from 'react';
import { useTimelineStore } from '../../store/context';
import type { TimelineLayout } from '../../timeline/layout';

const DetailsPanel = lazy(() => import('./DetailsPanel').then((m) => ({ default: m.DetailsPanel })));

export function DetailsSlot({ layout, uid }: { layout: TimelineLayout; uid: string }) {
  const selected = useTimelineStore((s) => s.selected);
  if (!selected) return null;
  return (
    <Suspense fallback={null}>
      <DetailsPanel layout={layout} uid={uid} />
    </Suspense>
  );
}
