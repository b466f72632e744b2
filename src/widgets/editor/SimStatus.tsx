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
  const [shown, setShown] = useState(false);
  useEffect(() => {
    if (!busy) return setShown(false);
    const t = setTimeout(() => setShown(true), SHOW_AFTER_MS);
    return () => clearTimeout(t);
  }, [busy]);
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
