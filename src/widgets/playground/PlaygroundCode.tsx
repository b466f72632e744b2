/**
 * The playground's code panel: the Python program generated from its workload under one of the models it
 * shows, picked from a row of tabs (arrow keys, Home and End move between them). The panel is the figure's
 * own CodePanel, so its markers follow the playhead and its Copy button works as in the articles; it is
 * written afresh on every edit, scenario picked or recording opened, since each of those changes the store's
 * workload. The program is written as the panel renders (on the server too, so it reads before the
 * playground wakes and with JavaScript off).
 */
import { useId, useRef, type KeyboardEvent } from 'react';
import type { ModelId } from '../../sim/types';
import { MODEL_LABELS } from '../../sim/labels';
import { useTimelineStore } from '../../store/context';
import { generatePython } from '../../sim/python';
import { CodePanel } from '../timeline/CodePanel';

export interface PlaygroundCodeProps {
  /** The model the reader picked; if it is not shown, the first model shown. */
  model: ModelId;
  onModel(model: ModelId): void;
}

const STEP: Record<string, (i: number, n: number) => number> = {
  ArrowRight: (i, n) => (i + 1) % n,
  ArrowDown: (i, n) => (i + 1) % n,
  ArrowLeft: (i, n) => (i - 1 + n) % n,
  ArrowUp: (i, n) => (i - 1 + n) % n,
  Home: () => 0,
  End: (_, n) => n - 1,
};

export function PlaygroundCode({ model, onModel }: PlaygroundCodeProps) {
  const uid = useId().replace(/[^a-zA-Z0-9_-]/g, '');
  const models = useTimelineStore((s) => s.models);
  const list = useRef<HTMLDivElement>(null);
  const shown = models.includes(model) ? model : (models[0] ?? model);
  const tabId = (m: ModelId) => `pg-code-${uid}-${m}`;
  const panelId = `pg-code-${uid}-panel`;

  const onKeyDown = (e: KeyboardEvent<HTMLButtonElement>) => {
    const step = STEP[e.key];
    if (!step || models.length === 0) return;
    e.preventDefault();
    const i = step(models.indexOf(shown), models.length);
    onModel(models[i]);
    list.current?.querySelectorAll<HTMLElement>('[role="tab"]')[i]?.focus();
  };

  return (
    <div className="pg-code">
      <div className="pg-code-tabs needs-js" role="tablist" aria-label="Python program for" ref={list}>
        {models.map((m) => (
          <button
            key={m}
            type="button"
            role="tab"
            className="tl-btn tl-btn--text"
            id={tabId(m)}
            aria-selected={m === shown}
            aria-controls={panelId}
            tabIndex={m === shown ? 0 : -1}
            onClick={() => onModel(m)}
            onKeyDown={onKeyDown}
          >
            {MODEL_LABELS[m]}
          </button>
        ))}
      </div>
      <div role="tabpanel" id={panelId} aria-labelledby={tabId(shown)}>
        <CodePanel model={shown} generate={generatePython} />
      </div>
    </div>
  );
}
