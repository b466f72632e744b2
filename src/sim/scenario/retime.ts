/**
 * Step labels that quote their own duration ("sleep(3)", "await asyncio.sleep(0.15)", "job(\"B\", 3)") follow
 * an edit of that duration, so the lanes, the details panel and the generated code never name the old time.
 * A label whose numbers say something else ("fib(35) before the first await", "sha256 of 64 MiB") is kept as
 * written.
 */
import type { Step } from '../types';

/** A number standing on its own: not part of a name such as `d1` or `sha256`. */
const NUMBER = /(?<![\w.])\d+(?:\.\d+)?(?![\w.])/g;

interface Token {
  index: number;
  length: number;
  unit: 's' | 'ms';
}

function same(a: number, b: number): boolean {
  return Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));
}

/** The one number in `label` that states `durationMs` (in seconds or in milliseconds), if exactly one does. */
export function durationToken(label: string, durationMs: number): Token | null {
  if (!(durationMs > 0)) return null;
  const hits: Token[] = [];
  for (const m of label.matchAll(NUMBER)) {
    const value = Number(m[0]);
    const unit = same(value, durationMs / 1000) ? 's' : same(value, durationMs) ? 'ms' : null;
    if (unit) hits.push({ index: m.index, length: m[0].length, unit });
  }
  return hits.length === 1 ? hits[0] : null;
}

/** A duration written the way a person would type it in Python: 6, 0.3, 1.25. */
function written(value: number): string {
  return String(Number(value.toPrecision(6)));
}

/** The label after the step's duration changed from `oldMs` to `newMs`. */
export function retimedLabel(label: string | undefined, oldMs: number, newMs: number): string | undefined {
  if (label === undefined || same(oldMs, newMs)) return label;
  const hit = durationToken(label, oldMs);
  if (!hit) return label;
  const value = hit.unit === 's' ? newMs / 1000 : newMs;
  return label.slice(0, hit.index) + written(value) + label.slice(hit.index + hit.length);
}

/** The label a step keeps when its kind changes: one that quotes its duration described the old kind of work. */
export function labelAfterKindChange(label: string | undefined, durationMs: number): string | undefined {
  return label !== undefined && durationToken(label, durationMs) ? undefined : label;
}

/** The step with a new duration; a label that quotes the old one ("sleep(3)") quotes the new one. */
export function withDuration(step: Step, durationMs: number): Step {
  const out: Step = { ...step, durationMs };
  const label = retimedLabel(step.label, step.durationMs, durationMs);
  if (label !== undefined) out.label = label;
  return out;
}
