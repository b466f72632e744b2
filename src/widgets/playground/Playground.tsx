/**
 * <Playground scenario="mixed-cpu-io" />: a timeline of every model with its editor open, and a picker to
 * start again from any scenario of the site or from an empty workload. The editor's code (the workbench
 * chunk) is fetched as soon as the reader points at, touches or tabs into the playground, or presses its
 * button; a saved or shared playground fetches it at once. Its link and saved edits always carry the whole
 * workload, so a shared playground opens as it was built. Beside the chart, the Python program for the
 * workload under the model the reader picks (kept across restarts).
 */
import { useEffect, useRef, useState } from 'react';
import { MODEL_LABELS } from '../../sim/labels';
import { loadScenario } from '../../content/scenarios';
import { TimelineView } from '../timeline/TimelineView';
import { EditBar } from '../editor/EditBar';
import { loadWorkbench, useWorkbench } from '../editor/loadWorkbench';
import { Problem } from '../knob/Knob';
import { playgroundStore, type PlaygroundStart } from './store';
import { ImportControl } from './recording/ImportControl';
import { useRecording } from './recording/useRecording';
import { PlaygroundCode } from './PlaygroundCode';
import type { ModelId } from '../../sim/types';

export interface PlaygroundProps {
  /** The scenario it starts from (default mixed-cpu-io). */
  scenario?: string;
}

export function Playground({ scenario = 'mixed-cpu-io' }: PlaygroundProps) {
  const [start, setStart] = useState<PlaygroundStart | string>(() => {
    const entry = loadScenario(scenario);
    return entry.ok ? { id: scenario, store: playgroundStore(entry.scenario), n: 0 } : entry.error;
  });
  const wb = useWorkbench();
  const ref = useRef<HTMLDivElement>(null);
  const recording = useRecording(start, setStart);
  const [codeModel, setCodeModel] = useState<ModelId>('asyncio');
  useEffect(() => {
    const el = ref.current;
    if (!el || wb) return;
    const load = () => void loadWorkbench();
    const intents = ['pointerenter', 'pointerdown', 'touchstart', 'focusin'] as const;
    for (const name of intents) el.addEventListener(name, load, { passive: true });
    return () => {
      for (const name of intents) el.removeEventListener(name, load);
    };
  }, [wb]);
  // Tabbing onto the button loads the editor, which replaces the button with the picker: keep the keyboard
  // where it was by moving focus to the picker.
  const focusedButton = useRef(false);
  useEffect(() => {
    if (!wb || !focusedButton.current) return;
    focusedButton.current = false;
    if (document.activeElement === document.body) ref.current?.querySelector<HTMLElement>('.pg-start select')?.focus();
  }, [wb]);
  if (typeof start === 'string') return <Problem text={start} />;
  return (
    <div className="pg widget-wide" ref={ref}>
      <div className="pg-start">
        {wb ? (
          <wb.StartPicker start={start} onStart={setStart} />
        ) : (
          <button
            type="button"
            className="tl-btn needs-js"
            onFocus={() => (focusedButton.current = true)}
            onClick={() => void loadWorkbench()}
          >
            Open the workload editor
          </button>
        )}
        <ImportControl dropTarget={ref} onFile={(file) => void recording.open(file)} />
        <span role="status" className="pg-status">
          {recording.error ?? recording.status}
        </span>
      </div>
      {recording.imported && recording.Panel ? (
        <recording.Panel
          imported={recording.imported}
          workload={recording.imported.kind === 'recording' ? start.store : null}
          onClose={recording.close}
        />
      ) : null}
      <TimelineView
        key={start.n}
        store={start.store}
        caption="Your workload under every model"
        labels={MODEL_LABELS}
        editBar={<EditBar />}
      >
        <PlaygroundCode model={codeModel} onModel={setCodeModel} />
      </TimelineView>
    </div>
  );
}
