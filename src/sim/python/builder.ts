/** A Python source builder that knows the 1-based number of every line it writes. */

export class PyLines {
  private readonly out: string[] = [];
  private depth = 0;

  /** Writes one line at the current indentation and returns its number. */
  line(text = ''): number {
    this.out.push(text === '' ? '' : '    '.repeat(this.depth) + text);
    return this.out.length;
  }

  /** Writes `header` (ending in ':'), then `body` one level deeper. */
  block(header: string, body: () => void): number {
    const at = this.line(header);
    this.depth++;
    body();
    this.depth--;
    return at;
  }

  blank(count = 1): void {
    for (let i = 0; i < count; i++) this.line('');
  }

  /** Number of the next line to be written. */
  get next(): number {
    return this.out.length + 1;
  }

  toString(): string {
    return `${this.out.join('\n')}\n`;
  }
}

/** A float literal with no binary noise: 0.5, 0.0002, 1e-7. */
export function pyFloat(value: number): string {
  const text = String(Number(value.toPrecision(12)));
  return /[.e]/.test(text) ? text : `${text}.0`;
}

/** An integer literal with digit grouping: 33_900_000. */
export function pyInt(value: number): string {
  const text = String(Math.round(value));
  return text.length > 4 ? text.replace(/\B(?=(\d{3})+(?!\d))/g, '_') : text;
}

/** A double-quoted Python string literal. */
export function pyString(text: string): string {
  return `"${text.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n')}"`;
}

/** Text safe inside a triple-quoted docstring or a comment (one line). */
export function pyText(text: string): string {
  return text.replace(/\s+/g, ' ').replace(/\\/g, '/').replace(/"""/g, '"').trim();
}

/** Milliseconds as a reader says them: "1.1 s", "20 ms", "0.2 ms". */
export function humanMs(ms: number): string {
  if (ms >= 1000) return `${Number((ms / 1000).toPrecision(4))} s`;
  return `${Number(ms.toPrecision(4))} ms`;
}

/** Bytes as a reader says them: "10 MB", "64 KiB" is not used; decimal units. */
export function humanBytes(bytes: number): string {
  if (bytes >= 1e9) return `${Number((bytes / 1e9).toPrecision(3))} GB`;
  if (bytes >= 1e6) return `${Number((bytes / 1e6).toPrecision(3))} MB`;
  if (bytes >= 1e3) return `${Number((bytes / 1e3).toPrecision(3))} kB`;
  return `${Math.round(bytes)} B`;
}
