/**
 * The workload editor of one timeline (loaded when the reader opens it): machine and Python settings, the
 * models shown, every task and step, and share/export/import. Every change goes through the widget's edit
 * session, which re-simulates at once and records an undo step. A scenario file dropped on it is imported.
 */
import { useId, useMemo, useState, type DragEvent } from 'react';
import { useTimelineApi, useTimelineStore } from '../../store/context';
import { apply, notify } from '../../store/history';
import { formatCount } from '../../timeline/scale';
import { totalTasks } from '../../share/limits';
import type { ModelId } from '../../sim/types';
import { addTask } from './edits';
import { refsOf } from './coordEdits';
import { SyncEditor } from './SyncEditor';
import type { DurationUnit } from './fields';
import { MachineFields, ModelPicker } from './MachineFields';
import { ShareTools } from './ShareTools';
import { TaskEditor } from './TaskEditor';
import { importScenario, run } from './actions';
import { useEdit } from './useEdit';

const PAGE = 40;

export function Editor() {
  const store = useTimelineApi();
  const scenario = useTimelineStore((s) => s.scenario);
  const models = useTimelineStore((s) => s.models);
  const edit = useEdit();
  const uid = useId();
  const [unit, setUnit] = useState<DurationUnit>('s');
  const [shown, setShown] = useState(PAGE);
  const [dropping, setDropping] = useState(false);
  // One object while the primitives, variables and task names stay: a task card repaints only for its own task.
  const names = scenario?.tasks.map((t) => t.name).join('\n');
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const refs = useMemo(() => (scenario ? refsOf(scenario) : null), [scenario?.sync, scenario?.shared, names]);
  if (!scenario || !refs) return null;

  const setModels = (next: ModelId[]) => {
    if (next.length === 0) notify(store, { text: 'Show at least one model.', tone: 'info' });
    else apply(store, { models: next });
  };
  const onDrop = (e: DragEvent) => {
    e.preventDefault();
    setDropping(false);
    const file = e.dataTransfer.files[0];
    if (file) run(store, () => importScenario(store, file));
  };
  const total = totalTasks(scenario);
  const tasks = scenario.tasks.slice(0, shown);

  return (
    <section
      className={`ed${dropping ? ' ed--drop' : ''}`}
      aria-label={`Workload editor: ${scenario.title}`}
      onDragOver={(e) => {
        if (!e.dataTransfer.types.includes('Files')) return;
        e.preventDefault();
        setDropping(true);
      }}
      onDragLeave={() => setDropping(false)}
      onDrop={onDrop}
    >
      <div className="ed-top">
        <MachineFields scenario={scenario} edit={edit} />
        <ModelPicker models={models} onChange={setModels} />
        <fieldset className="ed-unit-pick">
          <legend>Durations in</legend>
          {(['s', 'ms'] as const).map((u) => (
            <label key={u}>
              <input type="radio" name={`${uid}-unit`} checked={unit === u} onChange={() => setUnit(u)} />
              <span>{u === 's' ? 'seconds' : 'milliseconds'}</span>
            </label>
          ))}
        </fieldset>
      </div>
      <SyncEditor scenario={scenario} edit={edit} />
      <p className="ed-tasks-title" id={`${uid}-tasks`}>
        Tasks{' '}
        <span className="ed-hint">
          ({formatCount(total)} {total === 1 ? 'task' : 'tasks'} in all; launched in this order)
        </span>
      </p>
      <ol className="ed-tasks" aria-labelledby={`${uid}-tasks`}>
        {tasks.map((task, i) => (
          <TaskEditor
            key={`${i}:${task.name}`}
            task={task}
            index={i}
            unit={unit}
            edit={edit}
            only={scenario.tasks.length === 1}
            refs={refs}
          />
        ))}
      </ol>
      <div className="ed-tasks-more">
        {scenario.tasks.length > shown ? (
          <button type="button" className="ed-btn" onClick={() => setShown((n) => n + PAGE)}>
            Show {Math.min(PAGE, scenario.tasks.length - shown)} more of {scenario.tasks.length} tasks
          </button>
        ) : null}
        <button type="button" className="ed-btn" onClick={() => edit(addTask)}>
          Add a task
        </button>
      </div>
      <ShareTools />
    </section>
  );
}
