/**
 * Keeps a widget's view in the page's address and its edits in local storage, shortly after every change
 * (history.replaceState, so the back button is not flooded). A widget showing the article's workload, all
 * its models and the finished run has no parameter at all; saved edits are removed once they are undone.
 */
import type { TimelineState, TimelineStore } from '../store/timelineStore';
import { encodeView, type SharedView } from './codec';
import { writeParam, writeStored } from './location';

export const SYNC_DELAY_MS = 200;

export interface SyncOptions {
  /** Always keep the whole workload (the playground, whose starting point is the reader's choice). */
  whole?: boolean;
}

export interface Sync {
  /** Writes now; returns the page's address. */
  flush(): string;
  stop(): void;
}

const workloadCode = (s: TimelineState['scenario']) =>
  s ? encodeView({ scenario: s, models: [], timeMs: null, view: 'task' }) : '';

/** What the address and the storage should hold for this state (null: nothing). */
export function viewCodes(s: TimelineState, whole = false): { link: string | null; stored: string | null } {
  const o = s.original;
  const edited = whole || (s.scenario !== o.scenario && workloadCode(s.scenario) !== workloadCode(o.scenario));
  const modelsChanged = s.models.join() !== o.models.join();
  const atEnd = s.timeMs >= s.domainMs;
  const view: SharedView = { scenario: edited ? s.scenario : null, models: s.models, timeMs: null, view: s.view };
  const keep = edited || modelsChanged || s.view !== o.view;
  return {
    link: keep || !atEnd ? encodeView({ ...view, timeMs: atEnd ? null : s.timeMs }) : null,
    stored: keep ? encodeView(view) : null,
  };
}

const syncs = new WeakMap<TimelineStore, Sync>();

export function startSync(store: TimelineStore, key: string, options: SyncOptions = {}): Sync {
  const existing = syncs.get(store);
  if (existing) return existing;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const write = () => {
    timer = undefined;
    const codes = viewCodes(store.getState(), options.whole);
    writeParam(key, codes.link);
    writeStored(key, codes.stored);
  };
  const unsubscribe = store.subscribe((s, prev) => {
    const changed =
      s.scenario !== prev.scenario ||
      s.models !== prev.models ||
      s.view !== prev.view ||
      s.playing !== prev.playing ||
      s.timeMs !== prev.timeMs;
    if (!changed || s.playing) return;
    clearTimeout(timer);
    timer = setTimeout(write, SYNC_DELAY_MS);
  });
  const sync: Sync = {
    flush() {
      clearTimeout(timer);
      write();
      return location.href;
    },
    stop() {
      clearTimeout(timer);
      unsubscribe();
      syncs.delete(store);
    },
  };
  syncs.set(store, sync);
  if (!store.getState().playing) timer = setTimeout(write, SYNC_DELAY_MS);
  return sync;
}
