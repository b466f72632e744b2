/**
 * Where each timeline sits on the page, decided once when it is first drawn: its key in links and saved
 * edits (its id, else its scenario, numbered -2, -3 … in page order) and the prediction it answers, if any
 * (the next timeline after a <Predict> of the same scenario, or the one its `for` names).
 *
 * The server decides in page order and writes both into the figure's HTML (data-figure, data-predicted-by,
 * found again by the figure's React id). The browser reads them back from that HTML, because it hydrates
 * figures in whatever order the reader reaches them; with no HTML to read (the dev server) it decides in
 * render order like the server.
 */
import type { TimelineStore } from './timelineStore';

export interface Placement {
  uid: string;
  key: string;
  /** The id of the prediction this figure answers. */
  predictedBy: string | null;
}

interface Announced {
  id: string;
  scenario: string;
  for?: string;
}

let pending: Announced[] = [];
let counts = new Map<string, number>();
const placements = new WeakMap<TimelineStore, Placement>();
const byUid = new Map<string, Placement>();
const placedByKey = new Map<string, TimelineStore>();
const waitingFor = new Map<string, Array<(store: TimelineStore) => void>>();

export function resetPlacements(): void {
  pending = [];
  counts = new Map();
  byUid.clear();
  placedByKey.clear();
}

/**
 * Calls `then` with the store of the figure with this key as soon as the page places it (in the browser:
 * synchronously, as the figure starts to hydrate). It must not change the store there: the hydrating render
 * is still reading it.
 */
export function whenPlaced(key: string, then: (store: TimelineStore) => void): void {
  const store = placedByKey.get(key);
  if (store) then(store);
  else waitingFor.set(key, [...(waitingFor.get(key) ?? []), then]);
}

/** A prediction was drawn: the figure it names (or the next one of its scenario) answers it. */
export function announcePrediction(p: Announced): void {
  pending = [...pending.filter((q) => q.id !== p.id), p];
}

function fromHtml(uid: string): Placement | null {
  if (typeof document === 'undefined') return null;
  for (const el of document.querySelectorAll<HTMLElement>('[data-figure-uid]')) {
    if (el.dataset.figureUid !== uid) continue;
    return { uid, key: el.dataset.figure ?? uid, predictedBy: el.dataset.predictedBy ?? null };
  }
  return null;
}

function inOrder(uid: string, props: { id?: string; scenario?: string }): Placement {
  const base = props.id ?? props.scenario ?? 'timeline';
  const n = (counts.get(base) ?? 0) + 1;
  counts.set(base, n);
  const key = n === 1 ? base : `${base}-${n}`;
  return { uid, key, predictedBy: answered(props) };
}

/** The prediction a figure drawn now answers, if any. */
function answered(props: { id?: string; scenario?: string }): string | null {
  const named = props.id === undefined ? undefined : pending.find((p) => p.for === props.id);
  const next = named ?? [...pending].reverse().find((p) => p.for === undefined && p.scenario === props.scenario);
  // A figure ends the wait of every question before it that named no figure: theirs was this one or none.
  pending = pending.filter((p) => p !== next && p.for !== undefined);
  return next?.id ?? null;
}

/**
 * A table (ModelTable) answers a question like a timeline does, the next figure of its scenario after it,
 * but has no key in links: only its React id (data-figure-uid) and the prediction (data-predicted-by).
 */
export function placeTable(uid: string, scenario: string): string | null {
  const known = byUid.get(uid) ?? fromHtml(uid) ?? { uid, key: uid, predictedBy: answered({ scenario }) };
  byUid.set(uid, known);
  return known.predictedBy;
}

export function placeFigure(store: TimelineStore, uid: string, props: { id?: string; scenario?: string }): Placement {
  const known = placements.get(store) ?? byUid.get(uid);
  if (known) return known;
  const placed = fromHtml(uid) ?? inOrder(uid, props);
  placements.set(store, placed);
  byUid.set(uid, placed);
  placedByKey.set(placed.key, store);
  for (const resolve of waitingFor.get(placed.key) ?? []) resolve(store);
  waitingFor.delete(placed.key);
  return placed;
}

export const placementOf = (store: TimelineStore): Placement | undefined => placements.get(store);

/** The HTML attributes that carry a figure's placement (on its <figure>). */
export function placementAttrs(store: TimelineStore): Record<string, string> {
  const p = placements.get(store);
  if (!p) return {};
  const attrs: Record<string, string> = { 'data-figure': p.key, 'data-figure-uid': p.uid };
  if (p.predictedBy) attrs['data-predicted-by'] = p.predictedBy;
  return attrs;
}
