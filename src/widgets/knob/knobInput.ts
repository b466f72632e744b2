/**
 * What a <Knob> does with keys and drags (loaded when the reader first points at or focuses a knob):
 * arrows change the number by one step, Page Up/Down by ten, Home/End go to the bounds, a drag sideways
 * moves one step every few pixels. Every change is an edit of the timeline's session (a drag or a run of
 * key presses is one undo step).
 */
import { apply } from '../../store/history';
import type { TimelineStore } from '../../store/timelineStore';
import type { Binding } from './binding';
import { withValue } from './setBound';

export interface KnobContext {
  store: TimelineStore;
  binding: Binding;
  /** The number as shown, and shown = value / factor. */
  shown: number;
  factor: number;
  /** Change per step, in the shown unit. */
  by: number;
  /** Bounds, in the scenario's unit. */
  min: number;
  max: number;
  group: string;
}

export const PX_PER_STEP = 6;

const tidy = (n: number) => Number(n.toPrecision(10));

function set(ctx: KnobContext, shown: number, group?: string): void {
  const sc = ctx.store.getState().scenario;
  if (!sc) return;
  const out = withValue(sc, ctx.binding, tidy(shown) * ctx.factor);
  if (out.scenario !== sc) apply(ctx.store, { scenario: out.scenario }, { group });
}

/** Handles a key; false when the key is not one of the knob's. */
export function onKey(key: string, ctx: KnobContext): boolean {
  const steps: Record<string, number> = {
    ArrowUp: 1,
    ArrowRight: 1,
    ArrowDown: -1,
    ArrowLeft: -1,
    PageUp: 10,
    PageDown: -10,
  };
  if (key in steps) set(ctx, ctx.shown + steps[key] * ctx.by, ctx.group);
  else if (key === 'Home') set(ctx, ctx.min / ctx.factor);
  else if (key === 'End') set(ctx, ctx.max / ctx.factor);
  else return false;
  return true;
}

/** A drag `dx` pixels from where it started at the number `from` (shown unit). */
export function onDrag(from: number, dx: number, ctx: KnobContext): void {
  set(ctx, from + Math.round(dx / PX_PER_STEP) * ctx.by, ctx.group);
}
