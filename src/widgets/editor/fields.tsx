/**
 * Inputs of the editor: a number field that commits every valid value as the reader types (and shows what
 * they typed until they leave it), the same with its caption and unit, a name committed when the reader
 * leaves it, and a duration made of a slider and a number field in s or ms.
 */
import { useId, useRef, useState } from 'react';
import { formatTime } from '../../timeline/scale';
import { LIMITS } from '../../share/limits';

export type DurationUnit = 's' | 'ms';

/**
 * A name for the reader's current gesture on one input (renewed when it gains focus or is pressed again):
 * the edits of one gesture, such as dragging a slider or typing a number, are one undo step.
 */
function useGesture(): { group(): string; renew(): void } {
  const id = useId();
  const n = useRef(0);
  return { group: () => `${id}:${n.current}`, renew: () => void n.current++ };
}

/** Up to 6 significant decimals, no float noise ("0.30000000000000004" → "0.3"). */
export const tidy = (n: number) => String(Number(n.toPrecision(12)));

export interface NumberFieldProps {
  label: string;
  value: number | null;
  /** `group`: the gesture this value belongs to (one undo step per gesture). */
  onCommit(value: number | null, group: string): void;
  min?: number;
  max?: number;
  step?: number | 'any';
  /** Empty commits null (e.g. "no pool"). */
  optional?: boolean;
  placeholder?: string;
  className?: string;
}

export function NumberField({
  label,
  value,
  onCommit,
  min,
  max,
  step = 'any',
  optional,
  placeholder,
  className,
}: NumberFieldProps) {
  const [draft, setDraft] = useState<string | null>(null);
  const gesture = useGesture();
  return (
    <input
      type="number"
      inputMode="decimal"
      className={`ed-number ${className ?? ''}`}
      aria-label={label}
      value={draft ?? (value === null ? '' : tidy(value))}
      min={min}
      max={max}
      step={step}
      placeholder={placeholder}
      onChange={(e) => {
        setDraft(e.target.value);
        if (e.target.value.trim() === '') {
          if (optional) onCommit(null, gesture.group());
          return;
        }
        const n = Number(e.target.value);
        if (Number.isFinite(n)) onCommit(n, gesture.group());
      }}
      onFocus={gesture.renew}
      onBlur={() => setDraft(null)}
    />
  );
}

export interface LabelledNumberProps extends NumberFieldProps {
  /** The words shown before the field ("arrives at", "Cores"). */
  caption: string;
  /** Shown after the field ("ms"); the field's label already says it. */
  unit?: string;
  labelClassName?: string;
}

export function LabelledNumber({ caption, unit, labelClassName, ...field }: LabelledNumberProps) {
  return (
    <label className={labelClassName}>
      <span>{caption}</span>
      <NumberField {...field} />
      {unit ? (
        <span className="ed-unit" aria-hidden="true">
          {unit}
        </span>
      ) : null}
    </label>
  );
}

export interface TextFieldProps {
  label: string;
  value: string;
  onCommit(next: string): void;
  maxLength: number;
  className: string;
}

/** A name typed freely and committed when the reader leaves the field or presses Enter (Escape: back). */
export function TextField({ label, value, onCommit, maxLength, className }: TextFieldProps) {
  const [draft, setDraft] = useState<string | null>(null);
  const commit = () => {
    if (draft !== null) onCommit(draft);
    setDraft(null);
  };
  return (
    <input
      type="text"
      className={className}
      aria-label={label}
      value={draft ?? value}
      maxLength={maxLength}
      spellCheck={false}
      onChange={(e) => setDraft(e.target.value)}
      onBlur={commit}
      onKeyDown={(e) => {
        if (e.key === 'Enter') commit();
        if (e.key === 'Escape') setDraft(null);
      }}
    />
  );
}

export interface RemoveButtonProps {
  /** "Remove task A, step 2": what it removes. */
  label: string;
  title?: string;
  disabled?: boolean;
  onClick(): void;
}

/** The × beside a step, a group or a primitive. */
export function RemoveButton({ label, title, disabled, onClick }: RemoveButtonProps) {
  return (
    <button
      type="button"
      className="ed-btn ed-btn--icon"
      aria-label={label}
      title={title}
      disabled={disabled}
      onClick={onClick}
    >
      <span aria-hidden="true">×</span>
    </button>
  );
}

const SLIDER_STEPS = 1000;

/** Slider position ⇄ ms on a cube scale, so that short durations get as much of the track as long ones. */
export function positionOf(ms: number): number {
  return Math.round(SLIDER_STEPS * Math.cbrt(Math.min(1, Math.max(0, ms / LIMITS.durationMs.max))));
}

export function msAt(position: number): number {
  const ms = LIMITS.durationMs.max * (position / SLIDER_STEPS) ** 3;
  if (ms < 10) return Math.round(ms * 10) / 10;
  if (ms < 1000) return Math.round(ms);
  return Math.round(ms / 10) * 10;
}

export interface DurationFieldProps {
  /** "Task A, step 1": the inputs are named "… duration". */
  name: string;
  ms: number;
  unit: DurationUnit;
  onCommit(ms: number, group: string): void;
}

export function DurationField({ name, ms, unit, onCommit }: DurationFieldProps) {
  const factor = unit === 's' ? 1000 : 1;
  const gesture = useGesture();
  return (
    <span className="ed-duration">
      <input
        type="range"
        className="ed-slider"
        aria-label={`${name} duration`}
        aria-valuetext={formatTime(ms)}
        min={0}
        max={SLIDER_STEPS}
        step={1}
        value={positionOf(ms)}
        onChange={(e) => onCommit(msAt(Number(e.target.value)), gesture.group())}
        onFocus={gesture.renew}
        onPointerDown={gesture.renew}
      />
      <NumberField
        label={`${name} duration, in ${unit === 's' ? 'seconds' : 'milliseconds'}`}
        value={ms / factor}
        min={0}
        max={LIMITS.durationMs.max / factor}
        step={unit === 's' ? 0.1 : 10}
        onCommit={(v, group) => v !== null && onCommit(v * factor, group)}
      />
      <span className="ed-unit" aria-hidden="true">
        {unit}
      </span>
    </span>
  );
}
