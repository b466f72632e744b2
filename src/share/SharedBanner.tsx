/**
 * "Shared view · Reset": above a figure showing the view a link brought (see restore.ts). Reset goes back
 * to what this reader had (resetShared.ts, fetched when pressed).
 */
import { useStore } from 'zustand';
import { useTimelineApi } from '../store/context';
import { sessionOf } from '../store/session';

export function SharedBanner() {
  const store = useTimelineApi();
  const shared = useStore(sessionOf(store), (s) => s.shared);
  if (!shared) return null;
  return (
    <div className="tl-shared" role="group" aria-label="Shared view">
      <span className="tl-shared-tag">Shared view</span>
      <span className="tl-shared-text">This figure shows the view its link holds.</span>
      <button
        type="button"
        className="tl-btn tl-shared-reset"
        onClick={() => void import('./resetShared').then((m) => m.resetShared(store))}
      >
        Reset
      </button>
    </div>
  );
}
