/** Share (copy the link to this view), export (PNG, SVG, trace, scenario) and import (pick a file). */
import { useRef, useState } from 'react';
import { useTimelineApi } from '../../store/context';
import { copyLink, exportImage, exportScenario, exportTrace, importScenario, run } from './actions';

export function ShareTools() {
  const store = useTimelineApi();
  const [link, setLink] = useState<string | null>(null);
  const fileRef = useRef<HTMLInputElement>(null);
  return (
    <div className="ed-share">
      <div className="ed-share-row" role="group" aria-label="Share and export">
        <button
          type="button"
          className="ed-btn"
          onClick={() => run(store, async () => setLink((await copyLink(store)) || null))}
        >
          Copy link
        </button>
        <button type="button" className="ed-btn" onClick={() => run(store, () => exportImage(store, 'png'))}>
          PNG
        </button>
        <button type="button" className="ed-btn" onClick={() => run(store, () => exportImage(store, 'svg'))}>
          SVG
        </button>
        <button type="button" className="ed-btn" onClick={() => run(store, () => exportTrace(store))}>
          Trace <span className="ed-hint">(Perfetto)</span>
        </button>
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
      {link !== null ? (
        <label className="ed-link">
          <span>Link to this view</span>
          <input type="text" readOnly value={link} onFocus={(e) => e.target.select()} />
        </label>
      ) : null}
      <p className="ed-hint">Or drop a scenario JSON file on the editor.</p>
    </div>
  );
}
