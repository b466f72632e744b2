/** Loads the schema validator (a chunk of its own: it brings @cfworker/json-schema) when a workload needs checking. */
export const loadValidator = () => import('./validate');
