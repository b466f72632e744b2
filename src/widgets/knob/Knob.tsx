/**
 * <Knob for="dl" task="d" step="1" field="durationMs" unit="s" />: a number in a sentence, bound to one
 * parameter of the timeline with id "dl" on the same page. Drag it sideways, or focus it and use the arrow
 * keys (Page Up/Down: ten steps; Home/End: the bounds); the timeline and every <Result> bound to it follow.
 * Ctrl/Cmd+Z undoes. The number is in the static HTML; what keys and drags do is loaded on first use.
 */
import { useRef } from 'react';
import { useStore } from 'zustand';
import type { ModelId } from '../../sim/types';
import type { TimelineStore } from '../../store/timelineStore';
import { useBoundTimeline } from './useBoundTimeline';
import { undoKey } from '../editor/undoKey';
import { resolveBinding, type Binding, type KnobField } from './binding';
import type { KnobContext } from './knobInput';
import { loadedWorkbench, loadWorkbench } from '../editor/loadWorkbench';

export interface KnobProps {
  /** The id of a <Timeline> on this page. */
  for: string;
  field: KnobField;
  /** Task name, for durationMs and count. */
  task?: string;
  /** Step number from 1 (durationMs; default 1). */
  step?: string;
  /** For poolSize: whose pool, "threads" or "processes". */
  model?: ModelId;
  /** How durations are shown: "s" (default) or "ms"; argsBytes are shown in MB. */
  unit?: 's' | 'ms';
  /** Change per arrow key or drag step, in the shown unit (default 0.1 s, 10 ms, 1, 0.5 ms, 1 MB). */
  by?: string;
  /** Accessible name, when the default ("Task d, step 1 duration") does not suit the sentence. */
  label?: string;
}

export function Problem({ text }: { text: string }) {
  return <span className="knob-problem">[{text}]</span>;
}

export function Knob(props: KnobProps) {
  const prepared = useBoundTimeline(props.for);
  if (!prepared) return <Problem text={`no timeline with id “${props.for}” on this page`} />;
  if (!prepared.ok) return <Problem text={prepared.message} />;
  return <BoundKnob store={prepared.store} {...props} />;
}

const load = () => void loadWorkbench();
const KEYS = new Set(['ArrowUp', 'ArrowRight', 'ArrowDown', 'ArrowLeft', 'PageUp', 'PageDown', 'Home', 'End']);

function BoundKnob({ store, ...props }: KnobProps & { store: TimelineStore }) {
  const scenario = useStore(store, (s) => s.scenario);
  const drag = useRef<{ x: number; from: number; id: number } | null>(null);
  const binding: Binding = {
    field: props.field,
    task: props.task,
    step: props.step ? Number(props.step) : undefined,
    model: props.model,
  };
  const r = scenario ? resolveBinding(scenario, binding) : null;
  if (!r) return null;
  if (!r.ok) return <Problem text={r.error} />;
  const ms = props.field === 'durationMs' || props.field === 'switchIntervalMs';
  const bytes = props.field === 'argsBytes';
  const factor = bytes ? 1e6 : props.field === 'durationMs' && props.unit !== 'ms' ? 1000 : 1;
  const defaultBy = factor === 1000 ? 0.1 : props.field === 'durationMs' ? 10 : ms ? 0.5 : 1;
  const { value, min, max, name } = r.bound;
  const toShown = (v: number) => Number((v / factor).toPrecision(10));
  const shown = toShown(value);
  const text = `${shown}${bytes ? ' MB' : ms ? (factor === 1000 ? ' s' : ' ms') : ''}`;
  const ctx: KnobContext = {
    store,
    binding,
    shown,
    factor,
    by: Number(props.by) > 0 ? Number(props.by) : defaultBy,
    min,
    max,
    group: `knob:${name}`,
  };
  // Keys pressed in quick succession (or before the workbench chunk arrives) each start from the value in
  // the store at that moment, not from the one this render showed.
  const now = (): KnobContext => {
    const latest = store.getState().scenario;
    const fresh = latest ? resolveBinding(latest, binding) : null;
    return fresh?.ok ? { ...ctx, shown: toShown(fresh.bound.value) } : ctx;
  };

  return (
    <span
      className="knob"
      role="slider"
      tabIndex={0}
      aria-label={props.label ?? name}
      aria-valuemin={min / factor}
      aria-valuemax={max / factor}
      aria-valuenow={shown}
      aria-valuetext={text}
      aria-orientation="horizontal"
      title="Drag sideways, or use the arrow keys"
      onFocus={load}
      onPointerEnter={load}
      onKeyDown={(e) => {
        const action = undoKey(e);
        if (action) void loadWorkbench().then((m) => m[action](store));
        else if (!KEYS.has(e.key)) return;
        e.preventDefault();
        if (!action) void loadWorkbench().then((m) => m.onKey(e.key, now()));
      }}
      onPointerDown={(e) => {
        if (e.button !== 0) return;
        e.currentTarget.setPointerCapture?.(e.pointerId);
        drag.current = { x: e.clientX, from: shown, id: e.pointerId };
        load();
      }}
      onPointerMove={(e) => {
        const d = drag.current;
        if (d && d.id === e.pointerId) loadedWorkbench()?.onDrag(d.from, e.clientX - d.x, ctx);
      }}
      onPointerUp={() => (drag.current = null)}
      onPointerCancel={() => (drag.current = null)}
    >
      {text}
    </span>
  );
}
