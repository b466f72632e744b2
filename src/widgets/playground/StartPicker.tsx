/** The playground's starting point: any scenario of the site, or an empty workload. */
import { useState } from 'react';
import type { Scenario } from '../../sim/types';
import { loadScenario, preloadScenarios, scenarioIds } from '../../content/scenarios';
import { skipRestore } from '../editor/Keeper';
import { playgroundStore, type PlaygroundStart } from './store';

/** One task, one second of waiting and a tenth of a second of Python: somewhere to start. */
export const EMPTY_WORKLOAD: Scenario = {
  id: 'my-workload',
  title: 'My workload',
  description: '',
  machine: { cores: 4 },
  settings: {},
  tasks: [
    {
      name: 'A',
      count: 1,
      argsBytes: 0,
      resultBytes: 0,
      steps: [
        { kind: 'io', durationMs: 1000, blocking: false },
        { kind: 'cpu', durationMs: 100 },
      ],
    },
  ],
};

export interface StartPickerProps {
  start: PlaygroundStart;
  onStart(start: PlaygroundStart): void;
}

export function StartPicker({ start, onStart }: StartPickerProps) {
  const [status, setStatus] = useState('');
  const choose = async (id: string) => {
    if (id) {
      setStatus(`Loading ${id}…`);
      await preloadScenarios([id]);
    }
    const entry = id ? loadScenario(id) : null;
    if (entry && !entry.ok) return setStatus(entry.error);
    const next = { id, store: playgroundStore(entry ? entry.scenario : EMPTY_WORKLOAD), n: start.n + 1 };
    // Nothing saved is restored into it: its link and saved edits now describe the new workload.
    skipRestore(next.store);
    onStart(next);
    setStatus(`Started from ${id || 'an empty workload'}.`);
  };
  return (
    <>
      <label>
        <span>Start from</span>
        <select value={start.id} onChange={(e) => void choose(e.target.value)}>
          {scenarioIds().map((id) => (
            <option key={id} value={id}>
              {id}
            </option>
          ))}
          <option value="">an empty workload</option>
        </select>
      </label>
      <span role="status" className="pg-status">
        {status}
      </span>
    </>
  );
}
