/**
 * Loads the workload features' on-demand chunk (see workbench.ts) once, and lets every widget on the page
 * know when it has arrived (whoever asked for it: an editor being opened, a number dragged, a saved view).
 */
import { useStore } from 'zustand';
import { createStore } from 'zustand/vanilla';

export type Workbench = typeof import('./workbench');

const arrived = createStore<{ wb: Workbench | null }>(() => ({ wb: null }));
let loading: Promise<Workbench> | null = null;

export function loadWorkbench(): Promise<Workbench> {
  return (loading ??= import('./workbench').then((wb) => (arrived.setState({ wb }), wb)));
}

/** The chunk once it has arrived (null until then, and on the server). */
export const useWorkbench = (): Workbench | null => useStore(arrived, (s) => s.wb);

/** The chunk if it has arrived (for event handlers), else null. */
export const loadedWorkbench = (): Workbench | null => arrived.getState().wb;
