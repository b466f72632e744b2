/**
 * What the workload bar shows once something was changed (loaded then): undo, redo and reset, the edit
 * session's notice, and the keys: Ctrl/Cmd+Z and Shift+Ctrl/Cmd+Z (or Ctrl+Y) anywhere in the figure.
 */
import { useEffect, type RefObject } from 'react';
import { useStore } from 'zustand';
import { useTimelineApi, useTimelineStore } from '../../store/context';
import { sessionOf } from '../../store/session';
import { notify, redo, reset, undo } from '../../store/history';
import { undoKey } from './undoKey';

export function HistoryButtons({ scope }: { scope: RefObject<HTMLElement | null> }) {
  const store = useTimelineApi();
  const session = sessionOf(store);
  const canUndo = useStore(session, (s) => s.past.length > 0);
  const canRedo = useStore(session, (s) => s.future.length > 0);
  const edited = useTimelineStore(
    (s) => s.scenario !== s.original.scenario || s.models.join() !== s.original.models.join(),
  );
  useEffect(() => {
    const el = scope.current?.closest('figure') ?? scope.current;
    if (!el) return;
    const onKey = (e: KeyboardEvent) => {
      const action = undoKey(e);
      if (!action) return;
      e.preventDefault();
      (action === 'undo' ? undo : redo)(store);
    };
    el.addEventListener('keydown', onKey);
    return () => el.removeEventListener('keydown', onKey);
  }, [scope, store]);
  if (!canUndo && !canRedo && !edited) return null;
  return (
    <>
      <button type="button" className="tl-btn" onClick={() => undo(store)} disabled={!canUndo} title="Undo (Ctrl+Z)">
        Undo
      </button>
      <button
        type="button"
        className="tl-btn"
        onClick={() => redo(store)}
        disabled={!canRedo}
        title="Redo (Shift+Ctrl+Z)"
      >
        Redo
      </button>
      <button
        type="button"
        className="tl-btn"
        onClick={() => reset(store)}
        disabled={!edited}
        title="Back to the article’s workload"
      >
        Reset
      </button>
    </>
  );
}

export function Notice() {
  const store = useTimelineApi();
  const notice = useStore(sessionOf(store), (s) => s.notice);
  if (!notice) return null;
  return (
    <p className={`tl-notice tl-notice--${notice.tone}`}>
      <span>{notice.text}</span>
      <button type="button" className="tl-notice-close" onClick={() => notify(store, null)}>
        Dismiss
      </button>
    </p>
  );
}
