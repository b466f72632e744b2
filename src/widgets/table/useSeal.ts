/**
 * A table tied to a prediction (the next figure of its scenario after a <Predict>): its numbers stay hidden
 * (data-sealed, see predict.css) until the reader commits, then the row that answers is marked. The table
 * is placed once, as it is first drawn; the server writes the tie into its HTML (data-figure-uid,
 * data-predicted-by) and the hydrating render reads it back, in whatever order the page's tables hydrate.
 */
import { useState, useSyncExternalStore } from 'react';
import type { TableKit } from './kit';
import type { Answer, RevealState, RevealStore } from '../../store/reveal';

const open: RevealState = { predictId: null, sealed: false, answer: null };
const none = () => () => {};

export interface TableSeal {
  attrs: Record<string, string>;
  sealed: boolean;
  answer: Answer | null;
}

export function useTableSeal(kit: TableKit, uid: string, scenario: string): TableSeal {
  const [state] = useState<RevealStore | null>(() => {
    const predictId = kit.placeTable(uid, scenario);
    return predictId ? kit.sealTable(predictId) : null;
  });
  const current = useSyncExternalStore(
    state ? state.subscribe : none,
    () => (state ? state.getState() : open),
    () => (state ? state.getInitialState() : open),
  );
  const attrs: Record<string, string> = { 'data-figure-uid': uid };
  if (current.predictId) attrs['data-predicted-by'] = current.predictId;
  if (current.sealed) attrs['data-sealed'] = '';
  return { attrs, sealed: current.sealed, answer: current.answer };
}
