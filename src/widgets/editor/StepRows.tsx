/**
 * The rows of one task's steps as written: a step (its kind, what a coordination step names, duration, an
 * acquire's timeout) and a repeat group with its own steps.
 */
import type { Step, StepGroup, StepItem, StepKind, Task } from '../../sim/types';
import {
  addStepIn,
  choicesFor,
  isGroup,
  refField,
  removeItem,
  setRepeat,
  setStepDuration,
  setStepKind,
  setStepRef,
  setTimeoutMs,
  type Refs,
  type StepPath,
} from './coordEdits';
import { DurationField, LabelledNumber, RemoveButton, type DurationUnit } from './fields';
import type { ApplyEdit } from './useEdit';

const KINDS: { kind: StepKind; label: string }[] = [
  { kind: 'cpu', label: 'CPU (Python)' },
  { kind: 'io', label: 'I/O wait' },
  { kind: 'native', label: 'Native (no GIL)' },
  { kind: 'acquire', label: 'Acquire' },
  { kind: 'release', label: 'Release' },
  { kind: 'put', label: 'Put (queue)' },
  { kind: 'get', label: 'Get (queue)' },
  { kind: 'set', label: 'Set (event)' },
  { kind: 'clear', label: 'Clear (event)' },
  { kind: 'wait', label: 'Wait' },
  { kind: 'join', label: 'Join a task' },
  { kind: 'read', label: 'Read shared' },
  { kind: 'write', label: 'Write shared' },
];

const REF_WORD = { sync: 'primitive', task: 'task', var: 'variable' } as const;

/** What every row of one task's steps is drawn with. */
export interface TaskContext {
  task: Task;
  index: number;
  unit: DurationUnit;
  edit: ApplyEdit;
  refs: Refs;
}

interface StepRowProps extends TaskContext {
  step: Step;
  /** "Task A, step 2" or "Task A, step 1.3" (inside a group). */
  name: string;
  path: StepPath;
  removable: boolean;
}

export function StepRow({ step, name, task, index, path, unit, edit, refs, removable }: StepRowProps) {
  const field = refField(step.kind);
  const current = field ? step[field] : undefined;
  const choices = field ? choicesFor(refs, step.kind, task.name) : [];
  // A name the scenario no longer offers for this kind still shows as it is, so the select tells the truth.
  if (current !== undefined && !choices.includes(current)) choices.unshift(current);
  return (
    <li className="ed-step" data-kind={step.kind}>
      <select
        className="ed-kind"
        aria-label={`${name} kind`}
        value={step.kind}
        onChange={(e) => edit((sc) => setStepKind(sc, index, path, e.target.value as StepKind))}
      >
        {KINDS.map((k) => (
          <option key={k.kind} value={k.kind}>
            {k.label}
          </option>
        ))}
      </select>
      {field ? (
        <select
          className="ed-ref"
          aria-label={`${name} ${REF_WORD[field]}`}
          value={current ?? ''}
          onChange={(e) => edit((sc) => setStepRef(sc, index, path, e.target.value))}
        >
          {choices.map((c) => (
            <option key={c} value={c}>
              {c}
            </option>
          ))}
        </select>
      ) : null}
      {step.kind === 'acquire' ? (
        <LabelledNumber
          labelClassName="ed-timeout"
          caption="timeout"
          unit="ms"
          label={`${name} timeout, in milliseconds`}
          value={step.timeoutMs ?? null}
          min={0}
          step={1}
          optional
          placeholder="none"
          onCommit={(ms, g) => edit((sc) => setTimeoutMs(sc, index, path, ms), g)}
        />
      ) : null}
      <DurationField
        name={name}
        ms={step.durationMs ?? 0}
        unit={unit}
        onCommit={(ms, g) => edit((sc) => setStepDuration(sc, index, path, ms), g)}
      />
      <RemoveButton
        label={`Remove ${name}`}
        title="Remove this step"
        disabled={!removable}
        onClick={() => edit((sc) => removeItem(sc, index, path))}
      />
    </li>
  );
}

/** The steps a list holds once its groups are counted once each. */
function countSteps(items: readonly StepItem[]): number {
  return items.reduce((n, it) => n + (isGroup(it) ? countSteps(it.steps) : 1), 0);
}

interface GroupProps extends TaskContext {
  group: StepGroup;
  name: string;
  k: number;
  removable: boolean;
}

export function GroupBlock({ group, name, k, removable, ...context }: GroupProps) {
  const { index, edit } = context;
  return (
    <li className="ed-group" data-repeat={group.repeat}>
      <div className="ed-group-head">
        <LabelledNumber
          labelClassName="ed-repeat"
          caption="Repeat ×"
          label={`${name} repeat count`}
          value={group.repeat}
          min={1}
          step={1}
          onCommit={(n, g) => n !== null && edit((sc) => setRepeat(sc, index, k, n), g)}
        />
        <button
          type="button"
          className="ed-btn"
          aria-label={`Remove ${name} (a group)`}
          disabled={!removable}
          onClick={() => edit((sc) => removeItem(sc, index, [k]))}
        >
          Remove group
        </button>
      </div>
      <ol className="ed-steps">
        {group.steps.map((item, j) => {
          const inner = `${name}.${j + 1}`;
          if (isGroup(item)) {
            const n = countSteps(item.steps);
            return (
              <li key={j} className="ed-group ed-group--nested">
                <span className="ed-note">
                  {inner}: a group inside this group (repeat ×{item.repeat}, {n} {n === 1 ? 'step' : 'steps'}), shown
                  but not edited here: download the scenario, change it in the file and import it.
                </span>
                <RemoveButton
                  label={`Remove ${inner} (a group)`}
                  disabled={group.steps.length <= 1}
                  onClick={() => edit((sc) => removeItem(sc, index, [k, j]))}
                />
              </li>
            );
          }
          return (
            <StepRow key={j} {...context} step={item} name={inner} path={[k, j]} removable={group.steps.length > 1} />
          );
        })}
      </ol>
      <button type="button" className="ed-btn ed-add-step" onClick={() => edit((sc) => addStepIn(sc, index, k))}>
        Add a step<span className="tl-visually-hidden"> to {name} (a group)</span>
      </button>
    </li>
  );
}
