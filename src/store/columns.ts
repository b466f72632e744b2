/**
 * The columns a packed list of records is made of (traceTransfer.ts): one typed array per field, whole
 * numbers in Int32Array, others in Float64Array, strings as indexes into a table of the distinct strings
 * (or, where nearly all differ, as they are), booleans as bytes; a field some records lack marks them absent. And the builders the packers fill them
 * with, one record at a time.
 */

export type IntCol = { t: 'int'; v: Int32Array; absent?: Uint8Array };
export type NumCol = { t: 'num'; v: Float64Array; absent?: Uint8Array };
export type StrCol = { t: 'str'; dict: string[]; v: Int32Array };
export type BoolCol = { t: 'bool'; v: Uint8Array };
/**
 * Strings mostly distinct (lane ids, task names), where a table of them would be as long: all of them
 * end to end in one string, and where each ends (value i is chars.slice(ends[i - 1] ?? 0, ends[i])). One
 * string and one typed array cross to the page at the cost of a copy, where 10 000 strings each take
 * their own step of the message's serialising and deserialising.
 */
export type TextCol = { t: 'text'; chars: string; ends: Int32Array };
/** Anything else (rare nested values): kept as it is. */
export type AnyCol = { t: 'any'; v: unknown[] };
export type Column = IntCol | NumCol | StrCol | BoolCol | TextCol | AnyCol;

export interface PackedRecords {
  n: number;
  keys: string[];
  cols: Column[];
}

/** A string column's value for a record without the field. */
export const NO_STRING = -1;
/** A boolean column's value for a record without the field (1 is true, 0 false). */
export const ABSENT = 2;

/** A text column of these strings. */
export function textColumn(values: readonly string[]): TextCol {
  const n = values.length;
  const ends = new Int32Array(n);
  let at = 0;
  for (let i = 0; i < n; i++) ends[i] = at += values[i].length;
  return { t: 'text', chars: values.join(''), ends };
}

/** Value i of a text column. */
export const textAt = (c: TextCol, i: number): string => c.chars.slice(i > 0 ? c.ends[i - 1] : 0, c.ends[i]);

/** Every value of a text column. */
export function textValues(c: TextCol): string[] {
  const { chars, ends } = c;
  const n = ends.length;
  const out = new Array<string>(n);
  let from = 0;
  for (let i = 0; i < n; i++) {
    const to = ends[i];
    out[i] = chars.slice(from, to);
    from = to;
  }
  return out;
}

export const isInt32 = (x: number) => (x | 0) === x && (x !== 0 || 1 / x > 0);

/**
 * The distinct strings of a column, in order of first use. A handful (span states, event kinds) are found
 * by a scan, which beats a hash lookup for so few; past that, by a Map.
 */
export class Dict {
  readonly dict: string[] = [];
  private index: Map<string, number> | null = null;
  at(s: string): number {
    const { dict } = this;
    if (this.index === null) {
      for (let k = 0; k < dict.length; k++) if (dict[k] === s) return k;
      if (dict.length < 8) return dict.push(s) - 1;
      this.index = new Map(dict.map((d, k) => [d, k]));
    }
    let at = this.index.get(s);
    if (at === undefined) this.index.set(s, (at = dict.push(s) - 1));
    return at;
  }
}

/** A number field that some records have (created at the first that does). */
export class OptionalNumbers {
  readonly v: Float64Array;
  /** 1 for a record without the field. */
  readonly absent: Uint8Array;
  constructor(n: number) {
    this.v = new Float64Array(n);
    this.absent = new Uint8Array(n).fill(1);
  }
  put(i: number, x: number) {
    this.v[i] = x;
    this.absent[i] = 0;
  }
  column(): NumCol {
    return { t: 'num', v: this.v, absent: this.absent };
  }
}

/** A string field that some records have. */
export class OptionalStrings {
  readonly v: Int32Array;
  private readonly strings = new Dict();
  constructor(n: number) {
    this.v = new Int32Array(n).fill(NO_STRING);
  }
  put(i: number, s: string) {
    this.v[i] = this.strings.at(s);
  }
  column(): StrCol {
    return { t: 'str', dict: this.strings.dict, v: this.v };
  }
}

/** A boolean field that some records have. */
export class OptionalFlags {
  readonly v: Uint8Array;
  constructor(n: number) {
    this.v = new Uint8Array(n).fill(ABSENT);
  }
  put(i: number, b: boolean) {
    this.v[i] = b ? 1 : 0;
  }
  column(): BoolCol {
    return { t: 'bool', v: this.v };
  }
}

export type Optional = OptionalNumbers | OptionalStrings | OptionalFlags;

/** Columns of fields every record has, then those of the optional fields some record had. */
export function withOptional(
  n: number,
  keys: string[],
  cols: Column[],
  optional: Record<string, Optional | null>,
): PackedRecords {
  for (const key in optional) {
    const o = optional[key];
    if (o === null) continue;
    keys.push(key);
    cols.push(o.column());
  }
  return { n, keys, cols };
}
