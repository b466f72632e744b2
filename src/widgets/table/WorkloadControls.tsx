/**
 * The inputs above a <ModelTable>: one number per knob of the workload, each with a visible label that is
 * also its accessible name. What the reader types is kept as typed while the field has focus; the value
 * used is clamped to the field's bounds, and a message under the inputs says when that happened.
 */
import { useId, useState } from 'react';
import { checkInput, LIMITS, roomFor, type Field, type Values } from './workload';

export interface WorkloadControlsProps {
  fields: Field[];
  values: Values;
  initial: Values;
  onChange: (values: Values) => void;
  /** The group's accessible name. */
  label: string;
}

const show = (n: number) => String(n);

export function WorkloadControls({ fields, values, initial, onChange, label }: WorkloadControlsProps) {
  const uid = useId();
  const [drafts, setDrafts] = useState<Record<string, string>>({});
  const [notes, setNotes] = useState<Record<string, string>>({});
  const messages = fields.map((f) => notes[f.id]).filter(Boolean);

  const edit = (field: Field, text: string) => {
    setDrafts((d) => ({ ...d, [field.id]: text }));
    const checked = checkInput(field, text, roomFor(field, fields, values));
    setNotes(({ [field.id]: _old, ...rest }) => (checked.note ? { ...rest, [field.id]: checked.note } : rest));
    if (checked.ok && checked.value !== values[field.id]) onChange({ ...values, [field.id]: checked.value });
  };

  // Once the reader leaves a field, it shows the value in use (clamped, or the last good one).
  const settle = (field: Field) => setDrafts(({ [field.id]: _old, ...rest }) => rest);

  const reset = () => {
    setDrafts({});
    setNotes({});
    onChange(initial);
  };

  return (
    <div className="mt-controls needs-js" role="group" aria-label={label}>
      <div className="mt-fields">
        {fields.map((field) => {
          const bounds = LIMITS[field.kind];
          return (
            <label key={field.id} className="mt-field">
              <span className="mt-label">{field.label}</span>
              <input
                type="number"
                inputMode={field.kind === 'duration' ? 'decimal' : 'numeric'}
                min={bounds.min}
                max={field.kind === 'count' ? roomFor(field, fields, values) : bounds.max}
                step={field.kind === 'duration' ? 'any' : 1}
                value={drafts[field.id] ?? show(values[field.id])}
                aria-describedby={notes[field.id] ? `${uid}-msg` : undefined}
                onChange={(event) => edit(field, event.currentTarget.value)}
                onBlur={() => settle(field)}
              />
            </label>
          );
        })}
        <button type="button" className="mt-reset" onClick={reset}>
          Reset
        </button>
      </div>
      <p id={`${uid}-msg`} className="mt-message" role="status">
        {messages.join(' ')}
      </p>
    </div>
  );
}
