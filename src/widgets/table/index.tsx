/**
 * <ModelTable> as registered for articles. Its code (with the simulator and the scenarios it uses: kit.ts)
 * is fetched only when the reader scrolls near a table: the server imports it up front, so the page is
 * prerendered with the whole table, and in the browser the prerendered table stays in place (readable, not
 * yet interactive) until then.
 */
import type { ComponentType } from 'react';
import type { ModelTableProps } from './ModelTable';
import { hydrateWhenNear } from '../near/hydrateWhenNear';

async function loadTable(): Promise<ComponentType<ModelTableProps>> {
  const [{ ModelTable: Impl }, { tableKit }] = await Promise.all([import('./ModelTable'), import('./kit')]);
  return function TableWithKit(props: ModelTableProps) {
    return <Impl {...props} kit={tableKit} />;
  };
}

export const ModelTable = hydrateWhenNear<ModelTableProps>(
  import.meta.env.SSR ? await loadTable() : null,
  loadTable,
  'model-table-island',
);
