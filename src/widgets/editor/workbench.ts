/**
 * Everything the workload features do on demand, as one chunk: the editor and its undo/redo bar, the
 * knobs' key and drag handling, the playground's picker, and keeping or restoring a widget's view. The
 * always-loaded widgets import it dynamically (loadWorkbench) when the reader opens the editor or first
 * changes something, or when the page's address or storage holds a view. The schema validator is a
 * further chunk of its own, loaded by what reads a file or a link.
 */
export { Editor } from './Editor';
export { HistoryButtons, Notice } from './EditTools';
export { onDrag, onKey } from '../knob/knobInput';
export { StartPicker } from '../playground/StartPicker';
export { startSync } from '../../share/sync';
export { restoreWidget } from '../../share/restore';
export { undo, redo } from '../../store/history';
