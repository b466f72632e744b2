/**
 * Keeps a widget's view in the page's address and its edits in local storage, shortly after every change
 * (history.replaceState, so the back button is not flooded).
 *
 * The address: once the reader has changed anything in a figure (its workload, models, lanes or playhead),
 * the fragment names that figure with its whole view, playhead time included; a figure back as the article
 * has it (its workload, all its models, at its opening time) takes its view out again.
 *
 * Storage never loses an edit to another tab. A tab writes a figure's entry only when its own reader changed
 * the edit (not when the playhead moves), and it follows what other tabs save (the storage event): a newer
 * edit made elsewhere is shown here and becomes the one this tab builds on. While a shared link's view is
 * shown, the reader's own saved edits stay as they were. When the browser will not keep an edit (storage
 * full or turned off), the reader is told.
 */
import { notify } from '../store/history';
import { sessionOf } from '../store/session';
import { isSealed } from '../store/reveal';
import type { TimelineStore } from '../store/timelineStore';
import { readStored, storageKey, writeParam, writeStored } from './location';
import { adoptStored } from './adopt';
import { viewCodes } from './viewCodes';

export const SYNC_DELAY_MS = 200;

export interface SyncOptions {
  /** Always keep the whole workload (the playground, whose starting point is the reader's choice). */
  whole?: boolean;
  /** The playhead time the figure opens at (0 for a figure waiting on a prediction; default: the end). */
  openingMs?: number;
}

export interface Sync {
  /** Writes now; returns the page's address. */
  flush(): string;
  stop(): void;
}

export const NOT_KEPT =
  'This change is not kept: the browser will not store it (its storage is full or turned off). It lasts while this page is open; Copy link keeps it in a link.';

const syncs = new WeakMap<TimelineStore, Sync>();

export function startSync(store: TimelineStore, key: string, options: SyncOptions = {}): Sync {
  const existing = syncs.get(store);
  if (existing) return existing;
  const openingMs = () => options.openingMs ?? (isSealed(store) ? 0 : store.getState().domainMs);
  const codes = () => viewCodes(store.getState(), options.whole, openingMs());
  let timer: ReturnType<typeof setTimeout> | undefined;
  // The edit this tab last saved or took from storage: only a change from it is this reader's new edit.
  let mine = readStored(key);
  // Whether the reader has touched this figure since the page opened (its view then goes in the address).
  let touched = false;
  const write = () => {
    timer = undefined;
    const next = codes();
    if (touched || next.link === null) writeParam(key, next.link);
    if (sessionOf(store).getState().shared || next.stored === mine) return;
    if (writeStored(key, next.stored)) mine = next.stored;
    else notify(store, { text: NOT_KEPT, tone: 'error' });
  };
  const unsubscribe = store.subscribe((s, prev) => {
    const changed =
      s.scenario !== prev.scenario ||
      s.models !== prev.models ||
      s.view !== prev.view ||
      s.playing !== prev.playing ||
      s.timeMs !== prev.timeMs;
    if (!changed || s.playing) return;
    touched = true;
    clearTimeout(timer);
    timer = setTimeout(write, SYNC_DELAY_MS);
  });
  const onStorage = (e: StorageEvent) => {
    if (e.key !== storageKey(key) || e.newValue === mine || sessionOf(store).getState().shared) return;
    // A change of this reader's waiting to be written is newer than the other tab's: it wins when written.
    if (timer !== undefined && codes().stored !== mine) return;
    mine = e.newValue;
    void adoptStored(store, e.newValue).then((shownCode) => {
      if (shownCode !== undefined) mine = shownCode;
    });
  };
  addEventListener('storage', onStorage);
  const sync: Sync = {
    flush() {
      clearTimeout(timer);
      touched = true;
      write();
      return location.href;
    },
    stop() {
      clearTimeout(timer);
      unsubscribe();
      removeEventListener('storage', onStorage);
      syncs.delete(store);
    },
  };
  syncs.set(store, sync);
  return sync;
}
