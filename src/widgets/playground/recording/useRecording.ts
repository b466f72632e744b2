/** The playground's recording, read on demand: the reading and drawing code is its own chunk. */
import { useCallback, useState, type ComponentType } from 'react';
import type { PlaygroundStart } from '../store';
import type { Imported } from './readImport';
import type { RecordedPanelProps } from './RecordedPanel';

export interface RecordingState {
  imported: Imported | null;
  Panel: ComponentType<RecordedPanelProps> | null;
  status: string;
  error: string | null;
}

/** `onStart` receives the playground start holding the derived workload (recordings, not traces). */
export function useRecording(start: PlaygroundStart | string, onStart: (next: PlaygroundStart) => void) {
  const [state, setState] = useState<RecordingState>({ imported: null, Panel: null, status: '', error: null });
  const open = useCallback(
    async (file: File) => {
      setState((s) => ({ ...s, status: `Reading ${file.name}…`, error: null }));
      const [{ importFile }, panel, { startFromRecording }] = await Promise.all([
        import('./readImport'),
        import('./RecordedPanel'),
        import('./start'),
      ]);
      const r = await importFile(file);
      if (!r.ok && r.scenarioFile && typeof start !== 'string') {
        // A scenario file (a workload saved from an editor) dropped here opens as the playground's workload,
        // as checked by the import worker (or, where none could start, here).
        const [{ readScenarioFile }, { startFromScenario }] = await Promise.all([
          import('../../../share/scenarioFile'),
          import('./start'),
        ]);
        const checked = r.checked ?? (await readScenarioFile(file));
        if (!checked.ok) {
          setState((s) => ({ ...s, status: '', error: `Not opened: ${checked.error}` }));
          return;
        }
        onStart(startFromScenario(checked.scenario, start));
        const notes = checked.notes.length ? ` ${checked.notes.join(' ')}` : '';
        setState({ imported: null, Panel: null, status: `Opened ${file.name} as the workload.${notes}`, error: null });
        return;
      }
      if (!r.ok) {
        setState((s) => ({ ...s, status: '', error: `Not opened: ${r.error}` }));
        return;
      }
      const next = typeof start === 'string' ? null : startFromRecording(r.value, start);
      if (next) onStart(next);
      setState({ imported: r.value, Panel: panel.default, status: `Opened ${file.name}.`, error: null });
    },
    [start, onStart],
  );
  const close = useCallback(
    () => setState({ imported: null, Panel: null, status: 'Recording closed.', error: null }),
    [],
  );
  return { ...state, open, close };
}
