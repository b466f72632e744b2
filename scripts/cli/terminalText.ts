/**
 * Text from a scenario (titles, task names, step labels) and from the command line (file names) printed to a
 * terminal: control characters are shown as escapes, so a name cannot move the cursor, recolour or retitle
 * the terminal, or hide what follows. Covers C0 (newline and tab included), DEL, C1 (U+0080–
 * U+009F, where U+009B starts a control sequence on some terminals), line and paragraph separators and the
 * bidirectional overrides and isolates that can reorder what a reader sees.
 */

// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

function escapeOne(ch: string): string {
  const code = ch.charCodeAt(0);
  if (ch === '\n') return '\\n';
  if (ch === '\t') return '\\t';
  if (ch === '\r') return '\\r';
  return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
}

/** One name or label, safe to print: every control character becomes a visible escape such as `\x1b`. */
export function printable(text: string): string {
  return text.replace(CONTROL, escapeOne);
}

/** Several lines of output: each line made printable, the newlines between them kept. */
export function printableLines(text: string): string {
  return text.split('\n').map(printable).join('\n');
}

/**
 * JSON text with the characters JSON.stringify leaves raw (DEL, C1, separators, bidirectional controls)
 * written as `\uXXXX` escapes: the same value for every JSON reader, safe on a terminal.
 */
export function terminalSafeJson(json: string): string {
  return json.replace(CONTROL, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
