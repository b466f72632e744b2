/**
 * One task of the workload: its name, copies, arrival and steps as written (kind, what a coordination step
 * names, duration, an acquire's timeout; repeat groups with their steps), with add/remove/duplicate.
 */
import { memo } from 'react';
import type { Scenario, Task } from '../../sim/types';
import { duplicateTask, removeTask, renameTask, setCount, type Edit } from './edits';
import { addGroup, addStepIn, isGroup, itemsOf, setEvery, setStartAt, type Refs } from './coordEdits';
import { LabelledNumber, TextField, type DurationUnit } from './fields';
import { GroupBlock, StepRow, type TaskContext } from './StepRows';
import type { ApplyEdit } from './useEdit';

interface TimeFieldProps extends Pick<TaskContext, 'index' | 'edit'> {
  caption: string;
  /** "Task A arrival": the field is named "…, in milliseconds". */
  label: string;
  ms: number | undefined;
  set(sc: Scenario, index: number, ms: number | null): Edit;
}

/** A moment of a task in whole milliseconds, empty for none: when it arrives, how far apart its copies start. */
function TimeField({ caption, label, ms, set, index, edit }: TimeFieldProps) {
  return (
    <LabelledNumber
      caption={caption}
      unit="ms"
      label={`${label}, in milliseconds`}
      value={ms ?? 0}
      min={0}
      step={1}
      optional
      onCommit={(n, g) => edit((sc) => set(sc, index, n), g)}
    />
  );
}

function NameField({ task, index, edit }: { task: Task; index: number; edit: ApplyEdit }) {
  return (
    <TextField
      className="ed-name"
      label={`Task ${task.name} name`}
      value={task.name}
      maxLength={60}
      onCommit={(name) => edit((sc) => renameTask(sc, index, name))}
    />
  );
}

export interface TaskEditorProps {
  task: Task;
  index: number;
  unit: DurationUnit;
  edit: ApplyEdit;
  only: boolean;
  /** What steps can name (kept the same object while the primitives, variables and task names stay). */
  refs: Refs;
}

/** Drawn again only when its own task (or the unit) changes: a change to one task repaints one card. */
export const TaskEditor = memo(function TaskEditor({ task, index, unit, edit, only, refs }: TaskEditorProps) {
  const who = `Task ${task.name}`;
  const items = itemsOf(task);
  const context: TaskContext = { task, index, unit, edit, refs };
  return (
    <li className="ed-task">
      <div className="ed-task-head">
        <NameField task={task} index={index} edit={edit} />
        <LabelledNumber
          labelClassName="ed-count"
          caption="×"
          label={`${who} copies`}
          value={task.count ?? 1}
          min={1}
          step={1}
          onCommit={(n, g) => n !== null && edit((sc) => setCount(sc, index, n), g)}
        />
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
      <div className="ed-arrival">
        <TimeField
          caption="arrives at"
          label={`${who} arrival`}
          ms={task.startAtMs}
          set={setStartAt}
          index={index}
          edit={edit}
        />
        {(task.count ?? 1) > 1 ? (
          <TimeField
            caption="copies every"
            label={`${who} spacing`}
            ms={task.everyMs}
            set={setEvery}
            index={index}
            edit={edit}
          />
        ) : null}
      </div>
      <ol className="ed-steps">
        {items.map((item, k) => {
          const name = `${who}, step ${k + 1}`;
          return isGroup(item) ? (
            <GroupBlock key={k} {...context} group={item} name={name} k={k} removable={items.length > 1} />
          ) : (
            <StepRow key={k} {...context} step={item} name={name} path={[k]} removable={items.length > 1} />
          );
        })}
      </ol>
      <span className="ed-task-adds">
        <button type="button" className="ed-btn ed-add-step" onClick={() => edit((sc) => addStepIn(sc, index))}>
          Add a step<span className="tl-visually-hidden"> to task {task.name}</span>
        </button>
        <button type="button" className="ed-btn ed-add-step" onClick={() => edit((sc) => addGroup(sc, index))}>
          Add a repeat group<span className="tl-visually-hidden"> to task {task.name}</span>
        </button>
      </span>
    </li>
  );
});
