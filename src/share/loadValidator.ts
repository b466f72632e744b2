/**
 * Loads the schema validator (its own chunk: it brings @cfworker/json-schema) the first time a link, saved
 * edits or a file needs checking.
 */
export const loadValidator = () => import('./validate');
