/** A fresh playground store holding a workload from a file (nothing saved is restored into it). */
import type { Scenario } from '../../../sim/types';
import { skipRestore } from '../../editor/Keeper';
import { playgroundStore, type PlaygroundStart } from '../store';
import type { Imported } from './readImport';

/** The workload of a scenario file dropped on the playground. */
export function startFromScenario(scenario: Scenario, previous: PlaygroundStart): PlaygroundStart {
  const next = { id: '', store: playgroundStore(scenario), n: previous.n + 1 };
  skipRestore(next.store);
  return next;
}

export function startFromRecording(imported: Imported, previous: PlaygroundStart): PlaygroundStart | null {
  if (imported.kind !== 'recording') return null;
  return startFromScenario(imported.derived.scenario, previous);
}
