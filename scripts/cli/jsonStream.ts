/**
 * JSON text in pieces: the same text JSON.stringify(value) gives, produced a chunk at a time so that a trace
 * of any size can be written out without ever being one string (V8 caps a string at about 512 MB).
 */

const CHUNK_CHARS = 1 << 20;
/** Array elements with nothing nested are written this many at a time, in one JSON.stringify call. */
const BLOCK = 512;

function isFlat(value: object): boolean {
  for (const k in value) {
    const v = (value as Record<string, unknown>)[k];
    if (typeof v === 'object' && v !== null) return false;
  }
  return true;
}

/** Whether JSON.stringify may write this element as it is (a primitive, or an object with nothing nested). */
function isLeaf(value: unknown): boolean {
  if (value === null || typeof value !== 'object') return true;
  return typeof (value as { toJSON?: unknown }).toJSON !== 'function' && isFlat(value);
}

function* pieces(value: unknown, key: string): Generator<string> {
  if (value !== null && typeof value === 'object' && typeof (value as { toJSON?: unknown }).toJSON === 'function') {
    value = (value as { toJSON: (k: string) => unknown }).toJSON(key);
  }
  if (value === null || typeof value !== 'object' || isFlat(value)) {
    // Primitives, and objects and arrays with no nested object: small enough for one call.
    yield JSON.stringify(value) ?? 'null';
    return;
  }
  if (Array.isArray(value)) {
    yield '[';
    for (let i = 0; i < value.length;) {
      if (i > 0) yield ',';
      let end = i;
      while (end < value.length && end - i < BLOCK && isLeaf(value[end])) end++;
      if (end > i) {
        yield JSON.stringify(value.slice(i, end)).slice(1, -1);
        i = end;
      } else {
        yield* pieces(value[i], String(i));
        i++;
      }
    }
    yield ']';
    return;
  }
  yield '{';
  let first = true;
  for (const [k, v] of Object.entries(value)) {
    if (v === undefined || typeof v === 'function' || typeof v === 'symbol') continue;
    yield `${first ? '' : ','}${JSON.stringify(k)}:`;
    first = false;
    yield* pieces(v, k);
  }
  yield '}';
}

/** The JSON text of `value` in chunks of about a megabyte (fewer for a small value). */
export function* jsonChunks(value: unknown): Generator<string> {
  let buf: string[] = [];
  let size = 0;
  for (const p of pieces(value, '')) {
    buf.push(p);
    size += p.length;
    if (size >= CHUNK_CHARS) {
      yield buf.join('');
      buf = [];
      size = 0;
    }
  }
  if (size > 0) yield buf.join('');
}
