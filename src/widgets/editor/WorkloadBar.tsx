/**
 * The workload bar once the on-demand chunk is here (it replaces the bare "Edit workload" button of
 * EditBar): the toggle, undo, redo and reset, the edit session's notices, the editor when open, and the
 * Keeper that keeps the widget's view in its link and local storage.
 */
import { useEffect, useId, useRef } from 'react';
import { useStore } from 'zustand';
import { useTimelineApi } from '../../store/context';
import { sessionOf } from '../../store/session';
import type { TimelineStore } from '../../store/timelineStore';
import { Editor } from './Editor';
import { HistoryButtons, Notice } from './EditTools';
import { Keeper } from './Keeper';
import { SimStatus } from './SimStatus';
import { TooLargePanel } from './TooLargePanel';

/** Opens (or closes) a widget's editor; `focus` puts the keyboard focus back on its toggle. */
export function setEditorOpen(store: TimelineStore, open: boolean, focus = false): void {
  sessionOf(store).setState({ editorOpen: open, focusToggle: focus });
}

export function WorkloadBar() {
  const store = useTimelineApi();
  const session = sessionOf(store);
  const open = useStore(session, (s) => s.editorOpen);
  const ref = useRef<HTMLDivElement>(null);
  const toggle = useRef<HTMLButtonElement>(null);
  const panelId = `${useId().replace(/[^a-zA-Z0-9_-]/g, '')}-editor`;
  useEffect(() => {
    if (!session.getState().focusToggle) return;
    session.setState({ focusToggle: false });
    toggle.current?.focus();
  }, [session]);

  return (
    <div className="tl-edit" ref={ref}>
      <div className="tl-edit-bar" role="group" aria-label="Workload">
        <button
          ref={toggle}
          type="button"
          className="tl-btn tl-edit-toggle"
          aria-expanded={open}
          aria-controls={panelId}
          onClick={() => setEditorOpen(store, !open)}
        >
          <span aria-hidden="true" className="tl-edit-caret" />
          Edit<span className="tl-edit-word"> workload</span>
        </button>
        <HistoryButtons scope={ref} />
      </div>
      <div role="status" className="tl-edit-status">
        <Notice />
      </div>
      <SimStatus />
      <TooLargePanel />
      <Keeper />
      {open ? (
        <div id={panelId} className="tl-editor">
          <Editor />
        </div>
      ) : null}
    </div>
  );
}
