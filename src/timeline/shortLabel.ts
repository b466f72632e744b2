/**
 * Short lane labels for narrow figures (phones): "thread 2" → "T2", "GIL (main process)" → "GIL". The full
 * name stays in the label's title, in the details panel and in the spans' accessible names.
 */

/** Labels up to this many characters fit the narrow label column as they are. */
export const SHORT_LABEL_MAX = 7;

const RULES: readonly [RegExp, (m: RegExpMatchArray) => string][] = [
  [/^GIL \(main (?:process|interpreter|thread)\)$/, () => 'GIL'],
  [/^GIL \(interpreter (\d+)\)$/, (m) => `GIL I${m[1]}`],
  [/^event loop(?: \(.*\))?$/, () => 'loop'],
  [/^main (?:thread|process|interpreter)$/, () => 'main'],
  [/^(?:executor |worker )?thread (\d+)$/, (m) => `T${m[1]}`],
  [/^(?:worker )?process (\d+)$/, (m) => `P${m[1]}`],
  [/^interpreter (\d+)$/, (m) => `I${m[1]}`],
  [/^Pool task handler$/, () => 'tasks in'],
  [/^Pool result handler$/, () => 'results'],
];

/**
 * The short form of a lane label, or undefined when the label is short already or has no meaningful short
 * form (a task's own name: the narrow column shows as much of it as fits, with an ellipsis).
 */
export function shortLaneLabel(label: string): string | undefined {
  if (label.length <= SHORT_LABEL_MAX) return undefined;
  for (const [re, short] of RULES) {
    const m = label.match(re);
    if (m) return short(m);
  }
  return undefined;
}

const MODEL_SHORT: Readonly<Record<string, string>> = {
  Sequential: 'Seq.',
  'Threads (GIL)': 'Threads',
  'Free-threading': 'Free-thr.',
  'Free-threaded': 'Free-thr.',
  Processes: 'Procs',
  Subinterpreters: 'Subint.',
};

/** The short form of a model's label ("Threads (GIL)" → "Threads"), or undefined when it has none. */
export function shortModelLabel(label: string | undefined): string | undefined {
  return label === undefined ? undefined : MODEL_SHORT[label];
}
