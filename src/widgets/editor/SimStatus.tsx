/**
 * While a re-simulation runs in the worker for longer than a moment: how far it is and a Cancel button
 * (the figure keeps its last trace meanwhile). A run that failed there is reported as the session's notice.
 */
import { useEffect, useState } from 'react';
import { useTimelineApi, useTimelineStore } from '../../store/context';
import { notify } from '../../store/history';

/** Runs shorter than this show nothing (most edits). */
export const SHOW_AFTER_MS = 300;

export function SimStatus() {
  const store = useTimelineApi();
  const pending = useTimelineStore((s) => s.pending);
  const busy = pending !== null;
  // The run (its progress object's first value) that has lasted long enough to be shown.
  const [shownFor, setShownFor] = useState<object | null>(null);
  const run = useTimelineStore((s) => s.revision);
  useEffect(() => {
    if (!busy) return;
    const key = {};
    const t = setTimeout(() => setShownFor({ key, run }), SHOW_AFTER_MS);
    return () => clearTimeout(t);
  }, [busy, run]);
  const shown = busy && shownFor !== null && (shownFor as { run: number }).run === run;
  useEffect(
    () =>
      store.subscribe((s, prev) => {
        if (s.simError && s.simError !== prev.simError) {
          notify(store, { text: `That change could not be simulated: ${s.simError}`, tone: 'error' });
        }
      }),
    [store],
  );
  if (!pending || !shown) return null;
  return (
    <div className="ed-simstatus" role="status">
      <label>
        <span>
          Simulating… {pending.done} of {pending.total} {pending.total === 1 ? 'model' : 'models'}
        </span>
        <progress max={pending.total} value={pending.done} />
      </label>
      <button type="button" className="tl-btn" onClick={() => store.getState().cancelPending()}>
        Cancel
      </button>
    </div>
  );
}
