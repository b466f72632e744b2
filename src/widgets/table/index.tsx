/**
 * <ModelTable> as registered for articles. Its code is a chunk of its own, fetched only when the reader
 * scrolls near a table: the server imports it up front, so the page is prerendered with the whole table,
 * and in the browser the prerendered table stays in place (readable, not yet interactive) until then.
 */
import type { ModelTableProps } from './ModelTable';
import { tableKit } from './kit';
import { hydrateWhenNear } from '../near/hydrateWhenNear';

type Props = ModelTableProps & { kit: typeof tableKit };

const Table = hydrateWhenNear<Props>(
  import.meta.env.SSR ? (await import('./ModelTable')).ModelTable : null,
  () => import('./ModelTable').then((m) => m.ModelTable),
  'model-table-island',
);

export function ModelTable(props: ModelTableProps) {
  return <Table {...props} kit={tableKit} />;
}
