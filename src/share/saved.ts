/**
 * Where widgets keep their views: a query parameter per widget (`?tl.<key>=…`) and a local-storage entry
 * per page and widget. `hasSavedViews` is the one check every page makes after hydration: it decides
 * whether the code that restores views is loaded at all. The schema validator that checks a saved
 * workload is a chunk of its own (loadValidator).
 */
export const paramName = (key: string) => `tl.${key}`;

export const storagePrefix = () => `interleave:edits:${location.pathname}:`;

export function hasSavedViews(): boolean {
  try {
    return /[?&]tl\./.test(location.search) || Object.keys(localStorage).some((k) => k.startsWith(storagePrefix()));
  } catch {
    return false; // no storage (private mode, a sandbox): nothing saved there
  }
}
