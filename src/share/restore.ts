/**
 * After hydration: brings back a widget's view from the page's address, or else from the edits saved in
 * local storage. Anything unusable (damaged, tampered with, from another version, failing the schema or the
 * simulation) leaves the article's workload in place and tells the reader why. Never throws.
 *
 * A linked view is marked as shared (its banner offers Reset), shows its totals even on a figure that waits
 * for a prediction, and the page is brought to the figure again once it is drawn, so the reader lands on it
 * (and on its notice, when the link could not be used).
 */
import { apply, notify } from '../store/history';
import { sessionOf } from '../store/session';
import { revealOf } from '../store/reveal';
import type { TimelineStore } from '../store/timelineStore';
import { decodeView, type SharedView } from './codec';
import { readParam, readStored, writeParam, writeStored } from './location';
import { showLinkedFigure } from './landing';
import { checkUntrusted, checkUntrustedNow } from './fit';

type Resolved = { ok: true; view: SharedView; notes: string[] } | { ok: false; message: string };

/** Decodes and validates a stored or linked view for this store (the validator is loaded if needed). */
export async function resolveView(code: string, source: string, store: TimelineStore): Promise<Resolved> {
  const decoded = decodeView(code);
  if (!decoded.ok) return { ok: false, message: decoded.message };
  const { scenario: raw, ...rest } = decoded.value;
  const original = store.getState().original.scenario;
  if (raw === null) return { ok: true, view: { ...rest, scenario: null }, notes: [] };
  const checked = await checkUntrusted(raw, source, original);
  if (!checked.ok) return { ok: false, message: checked.error };
  return { ok: true, view: { ...rest, scenario: checked.scenario }, notes: checked.notes };
}

/**
 * The same, at once, when the validator has already arrived (null when it has not): a linked view restored
 * as its figure is placed then starts simulating before the page has finished hydrating.
 */
export function resolveViewNow(code: string, source: string, store: TimelineStore): Resolved | null {
  const decoded = decodeView(code);
  if (!decoded.ok) return { ok: false, message: decoded.message };
  const { scenario: raw, ...rest } = decoded.value;
  if (raw === null) return { ok: true, view: { ...rest, scenario: null }, notes: [] };
  const checked = checkUntrustedNow(raw, source, store.getState().original.scenario);
  if (!checked) return null;
  if (!checked.ok) return { ok: false, message: checked.error };
  return { ok: true, view: { ...rest, scenario: checked.scenario }, notes: checked.notes };
}

/** Shows the view; false when its workload cannot be simulated (the session then says why). */
export function showView(store: TimelineStore, view: SharedView, notice?: string): boolean {
  const scenario = view.scenario ?? store.getState().original.scenario;
  if (!scenario) return false;
  if (!apply(store, { scenario, models: view.models }, { record: false, notice })) return false;
  const s = store.getState();
  s.setView(view.view);
  if (view.timeMs !== null) {
    s.pause();
    s.seek(view.timeMs);
  }
  return true;
}

const sentence = (notes: string[]) => (notes.length ? ` (${notes.join('; ')})` : '');

export async function restoreWidget(store: TimelineStore, key: string): Promise<void> {
  const fail = (text: string) => notify(store, { text, tone: 'error', sticky: true });
  try {
    const linked = readParam(key);
    if (linked !== null) {
      const r = resolveViewNow(linked, 'the link', store) ?? (await resolveView(linked, 'the link', store));
      const note =
        r.ok && r.notes.length ? `Shown as the link has it, within the page’s limits${sentence(r.notes)}.` : undefined;
      if (r.ok && showView(store, r.view, note)) {
        // Links made before the playhead was always kept meant the finished run.
        if (r.view.timeMs === null) store.getState().jumpToEnd();
        revealOf(store).setState({ sealed: false });
        sessionOf(store).setState({ shared: true });
        showLinkedFigure(key);
        return;
      }
      writeParam(key, null);
      const why = r.ok ? (sessionOf(store).getState().notice?.text ?? 'it could not be simulated') : r.message;
      fail(`This link’s view of the timeline could not be used: ${why}. Showing the article’s workload instead.`);
      showLinkedFigure(key);
      return;
    }
    await restoreStored(store, key);
  } catch (error) {
    fail(
      `The saved view of this timeline could not be restored: ${error instanceof Error ? error.message : String(error)}.`,
    );
  }
}

/** Brings back the edits this reader saved for the widget, if any (unreadable ones are set aside, saying so). */
export async function restoreStored(store: TimelineStore, key: string): Promise<void> {
  const stored = readStored(key);
  if (stored === null) return;
  const r = await resolveView(stored, 'saved edits', store);
  if (
    r.ok &&
    showView(
      store,
      r.view,
      `Your earlier changes to this timeline are back${sentence(r.notes)}. Reset returns to the article’s workload.`,
    )
  )
    return;
  writeStored(key, null);
  const why = r.ok ? 'they could not be simulated' : r.message;
  notify(store, {
    text: `Your saved changes to this timeline could not be read (${why}), so they were set aside.`,
    tone: 'error',
    sticky: true,
  });
}
