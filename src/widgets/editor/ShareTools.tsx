/**
 * The scenario as a file: export it as JSON, import one (pick a file). Copy link and the image and trace
 * exports stand in the figure's toolbar (ShareButtons).
 */
import { useRef } from 'react';
import { useTimelineApi } from '../../store/context';
import { exportScenario, importScenario, run } from './actions';

export function ShareTools() {
  const store = useTimelineApi();
  const fileRef = useRef<HTMLInputElement>(null);
  return (
    <div className="ed-share">
      <div className="ed-share-row" role="group" aria-label="Scenario file">
        <button type="button" className="ed-btn" onClick={() => run(store, () => exportScenario(store))}>
          Scenario JSON
        </button>
        <button type="button" className="ed-btn" onClick={() => fileRef.current?.click()}>
          Import scenario…
        </button>
        <input
          ref={fileRef}
          type="file"
          accept=".json,application/json"
          className="tl-visually-hidden"
          tabIndex={-1}
          aria-label="Scenario file to import"
          onChange={(e) => {
            const file = e.target.files?.[0];
            e.target.value = '';
            if (file) run(store, () => importScenario(store, file));
          }}
        />
      </div>
      <p className="ed-hint">Or drop a scenario JSON file on the editor.</p>
    </div>
  );
}
