/**
 * In each timeline's toolbar, until the workload features are loaded: an "Edit workload" button that loads
 * them and opens the editor. Once loaded (by this button, a number dragged in the prose, or a saved view in
 * the page's address or storage), the full bar (WorkloadBar) takes its place. Beside it, Copy link and the
 * exports (ShareButtons).
 */
import { useEffect } from 'react';
import { useTimelineApi } from '../../store/context';
import { hasSavedViews } from '../../share/saved';
import { loadWorkbench, useWorkbench } from './loadWorkbench';
import { ShareButtons } from './ShareButtons';

export function EditBar() {
  const wb = useWorkbench();
  useEffect(() => {
    if (hasSavedViews()) void loadWorkbench();
  }, []);
  // The share buttons stay mounted when the full bar replaces the bare one (the copied link stays shown).
  return (
    <>
      {wb ? <wb.WorkloadBar /> : <BareBar />}
      <ShareButtons />
    </>
  );
}

function BareBar() {
  const store = useTimelineApi();
  return (
    <div className="tl-edit">
      <div className="tl-edit-bar" role="group" aria-label="Workload">
        <button
          type="button"
          className="tl-btn tl-edit-toggle"
          aria-expanded={false}
          onClick={() => void loadWorkbench().then((m) => m.setEditorOpen(store, true, true))}
        >
          <span aria-hidden="true" className="tl-edit-caret" />
          Edit<span className="tl-edit-word"> workload</span>
        </button>
      </div>
      <div role="status" className="tl-edit-status" />
    </div>
  );
}
