/**
 * The recorded run on the Playground: what was recorded (program, Python, cores), its total against the
 * derived workload replayed under the models the reader picks, and one figure with the "Recorded" band on
 * top, on the same time axis and playhead as the replays. The workload itself is edited in the playground
 * below, like any other; the replays follow each edit.
 */
import { useDeferredValue, useId, useMemo, useState } from 'react';
import { useStore } from 'zustand';
import { MODEL_LABELS } from '../../../sim/labels';
import { MODEL_IDS, type ModelId, type Scenario } from '../../../sim/types';
import { createTimelineStore, type TimelineStore } from '../../../store/timelineStore';
import { formatTime } from '../../../timeline/scale';
import { download, fileStem } from '../../../share/download';
import { scenarioJson } from '../../../share/scenarioFile';
import { TimelineView } from '../../timeline/TimelineView';
import { EditBar } from '../../editor/EditBar';
import type { Imported } from './readImport';
import { formatDifference } from './recordedTraces';
import { useReplay } from './useReplay';

export interface RecordedPanelProps {
  imported: Imported;
  /** The playground's store, holding the derived workload (recordings only). */
  workload: TimelineStore | null;
  onClose(): void;
}

const NO_SCENARIO = () => null;

function useWorkloadScenario(store: TimelineStore | null): Scenario | null {
  const fallback = useMemo(() => createTimelineStore({ models: [] }), []);
  return useStore(store ?? fallback, store ? (s) => s.scenario : NO_SCENARIO);
}

/**
 * The models to replay under. Each box says at once what the reader chose, and a change builds on the
 * latest choice (not on the one the last render saw), so no click is lost while the replays are simulated.
 */
function ModelPicker({
  models,
  onChange,
}: {
  models: ModelId[];
  onChange(update: (models: ModelId[]) => ModelId[]): void;
}) {
  return (
    <fieldset className="pg-rec-models">
      <legend>Replay under</legend>
      {MODEL_IDS.map((m) => (
        <label key={m}>
          <input
            type="checkbox"
            checked={models.includes(m)}
            onChange={(e) => {
              const on = e.target.checked;
              onChange((now) => (on ? [...now.filter((x) => x !== m), m] : now.filter((x) => x !== m)));
            }}
          />
          {MODEL_LABELS[m]}
        </label>
      ))}
    </fieldset>
  );
}

export default function RecordedPanel({ imported, workload, onClose }: RecordedPanelProps) {
  const titleId = useId();
  const [models, setModels] = useState<ModelId[]>(() => (imported.kind === 'recording' ? [...MODEL_IDS] : []));
  const scenario = useWorkloadScenario(imported.kind === 'recording' ? workload : null);
  // The boxes update at once; the replays follow from the worker.
  const replayed = useDeferredValue(models);
  const result = useReplay(imported.trace, scenario, replayed);
  const store = useMemo(
    () => createTimelineStore({ traces: result.traces, models: [], baselineMs: null }),
    [result.traces],
  );
  const rec = imported.kind === 'recording' ? imported.recording : null;
  const recordedModel = imported.kind === 'recording' ? imported.derived.model : null;
  return (
    <section className="pg-rec" aria-labelledby={titleId} data-recording={imported.kind}>
      <h3 id={titleId} className="pg-rec-title">
        {rec ? `Recorded: ${rec.program.argv.join(' ')}` : `Trace: ${imported.file}`}
      </h3>
      <p className="pg-rec-facts">
        {rec
          ? `${rec.python.implementation === 'cpython' ? 'CPython' : rec.python.implementation} ${rec.python.version}` +
            ` on ${rec.machine.platform}, ${rec.machine.cores} cores; it took ${formatTime(rec.durationMs)} and used ` +
            `${recordedModel ? MODEL_LABELS[recordedModel] : ''} (${imported.kind === 'recording' ? imported.derived.scenario.tasks.length : 0} tasks). `
          : `${imported.trace.lanes.length} thread lanes, ${formatTime(imported.trace.makespanMs)}; a trace shows what ran, not why the rest waited, so there is no workload to replay. `}
        Read in this browser from {imported.file}; nothing was uploaded.
      </p>
      {rec ? (
        <>
          <ModelPicker models={models} onChange={setModels} />
          <table className="pg-rec-table">
            <caption>Recorded total against the replays</caption>
            <thead>
              <tr>
                <th scope="col">Run</th>
                <th scope="col">Total</th>
                <th scope="col">Against the recorded run</th>
              </tr>
            </thead>
            <tbody>
              <tr>
                <th scope="row">Recorded</th>
                <td>{formatTime(rec.durationMs)}</td>
                <td>—</td>
              </tr>
              {result.rows.map((r) => (
                <tr key={r.model} data-model={r.model}>
                  <th scope="row">
                    {MODEL_LABELS[r.model]}
                    {r.model === recordedModel ? ' (as recorded)' : ''}
                  </th>
                  <td>{formatTime(r.simulatedMs)}</td>
                  <td>{formatDifference(r.difference)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <p className="pg-rec-status" role="status">
            {result.pending ? 'Replaying the workload…' : ''}
          </p>
          {result.error ? <p role="alert">The workload could not be replayed: {result.error}</p> : null}
        </>
      ) : null}
      <div className="pg-rec-actions">
        {scenario ? (
          <button
            type="button"
            className="tl-btn"
            onClick={() => download(scenarioJson(scenario), `${fileStem(scenario.id)}.json`)}
          >
            Save the workload as a scenario file
          </button>
        ) : null}
        <button type="button" className="tl-btn" onClick={onClose}>
          Close the recording
        </button>
      </div>
      <TimelineView
        key={result.traces.length + ':' + replayed.join(',')}
        store={store}
        caption={rec ? 'The recorded run above the same work replayed under each model' : 'The traced threads'}
        labels={MODEL_LABELS}
        editBar={<EditBar />}
      />
    </section>
  );
}
