/**
 * <ModelTable> as registered for articles. Its code is only fetched by pages that use it: the server
 * imports it up front, so the page is prerendered with the whole table; in the browser it is a chunk of its
 * own, and the prerendered table stays in place (readable, not yet interactive) until that chunk arrives and
 * hydrates it.
 */
import { lazy, Suspense, type ComponentType } from 'react';
import type { ModelTableProps } from './ModelTable';
import { tableKit, type TableKit } from './kit';

const Impl: ComponentType<ModelTableProps & { kit: TableKit }> = import.meta.env.SSR
  ? (await import('./ModelTable')).ModelTable
  : lazy(() => import('./ModelTable').then((m) => ({ default: m.ModelTable })));

export function ModelTable(props: ModelTableProps) {
  return (
    <Suspense fallback={null}>
      <Impl {...props} kit={tableKit} />
    </Suspense>
  );
}
