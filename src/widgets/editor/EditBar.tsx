/**
 * Under each timeline's playback controls: "Edit workload", which opens the editor (loaded on first use),
 * and, once something was changed, undo, redo, reset and the edit session's notices (also loaded then).
 * Also brings back and keeps the widget's view in its link and local storage (useShare).
 */
import { useEffect, useId, useRef, useState } from 'react';
import { useStore } from 'zustand';
import { useTimelineApi, useTimelineStore } from '../../store/context';
import { sessionOf } from '../../store/session';
import { useShare } from './useShare';
import { loadWorkbench, workbench, type Workbench } from './loadWorkbench';

/** The on-demand chunk, loaded the first time `want` is true (and then kept for every widget). */
function useWorkbench(want: boolean): Workbench | null {
  const [mod, setMod] = useState<Workbench | null>(workbench);
  useEffect(() => {
    if (!want || mod) return;
    let live = true;
    void loadWorkbench().then((m) => live && setMod(m));
    return () => {
      live = false;
    };
  }, [want, mod]);
  return mod;
}

export function EditBar() {
  const store = useTimelineApi();
  const session = sessionOf(store);
  const open = useStore(session, (s) => s.editorOpen);
  const active = useStore(session, (s) => s.past.length + s.future.length > 0 || s.notice !== null);
  const edited = useTimelineStore((s) => s.scenario !== s.original.scenario || s.models !== s.original.models);
  const ref = useRef<HTMLDivElement>(null);
  const panelId = `${useId().replace(/[^a-zA-Z0-9_-]/g, '')}-editor`;
  const Tools = useWorkbench(active || edited || open);
  const Editor = open ? Tools?.Editor : undefined;
  useShare(store);

  return (
    <div className="tl-edit" ref={ref}>
      <div className="tl-edit-bar" role="group" aria-label="Workload">
        <button
          type="button"
          className="tl-btn tl-edit-toggle"
          aria-expanded={open}
          aria-controls={panelId}
          onClick={() => session.setState({ editorOpen: !open })}
        >
          <span aria-hidden="true" className="tl-edit-caret" />
          Edit workload
        </button>
        {Tools ? <Tools.HistoryButtons scope={ref} /> : null}
      </div>
      <div role="status" className="tl-edit-status">
        {Tools ? <Tools.Notice /> : null}
      </div>
      {open ? (
        <div id={panelId} className="tl-editor">
          {Editor ? <Editor /> : <p className="tl-editor-loading">Loading the editor…</p>}
        </div>
      ) : null}
    </div>
  );
}
