/** Loads the workload features' on-demand chunk once (see workbench.ts); later calls get the same module. */
export type Workbench = typeof import('./workbench');

let loaded: Workbench | null = null;
let loading: Promise<Workbench> | null = null;

export function loadWorkbench(): Promise<Workbench> {
  loading ??= import('./workbench').then((m) => (loaded = m));
  return loading;
}

/** The module if it has arrived, else null. */
export const workbench = (): Workbench | null => loaded;
