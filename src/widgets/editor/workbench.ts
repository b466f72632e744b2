/**
 * Everything the workload features do on demand, as one chunk: the editor and the rest of the workload bar
 * (undo, redo, reset, notices), keeping and restoring a widget's view, the numbers' key and drag handling,
 * and the playground's picker. Loaded by loadWorkbench when the reader opens an editor or drags a number,
 * or when the page's address or storage holds a saved view. The schema validator is a chunk of its own,
 * loaded by what reads a file or a link. From when it arrives, timelines re-simulate in a worker.
 */
import { installWorkerSimulation } from '../../store/simClient';

installWorkerSimulation();

export { WorkloadBar, setEditorOpen } from './WorkloadBar';
export { onDrag, onKey } from '../knob/knobInput';
export { StartPicker } from '../playground/StartPicker';
export { undo, redo } from '../../store/history';
export { copyLink, exportImage, exportTrace, run as runAction } from './actions';
export { whenRestored } from './Keeper';
