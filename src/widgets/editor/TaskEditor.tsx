/** One task of the workload: its name, copies and steps (kind and duration), with add/remove/duplicate. */
import { memo, useState } from 'react';
import type { StepKind, Task } from '../../sim/types';
import { addStep, duplicateTask, removeStep, removeTask, renameTask, setCount, setDuration, setKind } from './edits';
import { DurationField, NumberField, type DurationUnit } from './fields';
import type { ApplyEdit } from './useEdit';

const KINDS: { kind: StepKind; label: string }[] = [
  { kind: 'cpu', label: 'CPU (Python)' },
  { kind: 'io', label: 'I/O wait' },
  { kind: 'native', label: 'Native (no GIL)' },
];

function NameField({ task, index, edit }: { task: Task; index: number; edit: ApplyEdit }) {
  const [draft, setDraft] = useState<string | null>(null);
  const commit = () => {
    if (draft !== null) edit((sc) => renameTask(sc, index, draft));
    setDraft(null);
  };
  return (
    <input
      type="text"
      className="ed-name"
      aria-label={`Task ${task.name} name`}
      value={draft ?? task.name}
      maxLength={60}
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

export interface TaskEditorProps {
  task: Task;
  index: number;
  unit: DurationUnit;
  edit: ApplyEdit;
  only: boolean;
}

/** Drawn again only when its own task (or the unit) changes: a change to one task repaints one card. */
export const TaskEditor = memo(function TaskEditor({ task, index, unit, edit, only }: TaskEditorProps) {
  const who = `Task ${task.name}`;
  return (
    <li className="ed-task">
      <div className="ed-task-head">
        <NameField task={task} index={index} edit={edit} />
        <label className="ed-count">
          <span>×</span>
          <NumberField
            label={`${who} copies`}
            value={task.count ?? 1}
            min={1}
            step={1}
            onCommit={(n, g) => n !== null && edit((sc) => setCount(sc, index, n), g)}
          />
        </label>
        <span className="ed-task-actions">
          <button
            type="button"
            className="ed-btn"
            aria-label={`Duplicate task ${task.name}`}
            onClick={() => edit((sc) => duplicateTask(sc, index))}
          >
            Duplicate
          </button>
          <button
            type="button"
            className="ed-btn"
            aria-label={`Remove task ${task.name}`}
            disabled={only}
            onClick={() => edit((sc) => removeTask(sc, index))}
          >
            Remove
          </button>
        </span>
      </div>
      <ol className="ed-steps">
        {task.steps.map((step, s) => {
          const name = `${who}, step ${s + 1}`;
          return (
            <li key={s} className="ed-step">
              <select
                className="ed-kind"
                aria-label={`${name} kind`}
                value={step.kind}
                onChange={(e) => edit((sc) => setKind(sc, index, s, e.target.value as StepKind))}
              >
                {KINDS.map((k) => (
                  <option key={k.kind} value={k.kind}>
                    {k.label}
                  </option>
                ))}
              </select>
              <DurationField
                name={name}
                ms={step.durationMs}
                unit={unit}
                onCommit={(ms, g) => edit((sc) => setDuration(sc, index, s, ms), g)}
              />
              <button
                type="button"
                className="ed-btn ed-btn--icon"
                aria-label={`Remove ${name}`}
                title="Remove this step"
                disabled={task.steps.length <= 1}
                onClick={() => edit((sc) => removeStep(sc, index, s))}
              >
                <span aria-hidden="true">×</span>
              </button>
            </li>
          );
        })}
      </ol>
      <button type="button" className="ed-btn ed-add-step" onClick={() => edit((sc) => addStep(sc, index))}>
        Add a step<span className="tl-visually-hidden"> to task {task.name}</span>
      </button>
    </li>
  );
});
