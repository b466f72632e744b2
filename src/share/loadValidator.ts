/** Loads the schema validator (a chunk of its own: it brings @cfworker/json-schema) when a workload needs checking. */
type Validator = typeof import('./validate');

let loaded: Validator | null = null;

export const loadValidator = (): Promise<Validator> => import('./validate').then((m) => (loaded = m));

/** The validator if it has already arrived (a linked view is then checked at once, without waiting a turn). */
export const loadedValidator = (): Validator | null => loaded;
