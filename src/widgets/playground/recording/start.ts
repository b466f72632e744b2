/** A fresh playground store holding the workload derived from a recording (nothing saved is restored into it). */
import { skipRestore } from '../../editor/Keeper';
import { playgroundStore, type PlaygroundStart } from '../store';
import type { Imported } from './readImport';

export function startFromRecording(imported: Imported, previous: PlaygroundStart): PlaygroundStart | null {
  if (imported.kind !== 'recording') return null;
  const next = { id: '', store: playgroundStore(imported.derived.scenario), n: previous.n + 1 };
  skipRestore(next.store);
  return next;
}
