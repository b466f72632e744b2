/**
 * The workload's "Synchronisation" section: its primitives (lock, semaphore, queue, event, barrier, each
 * with its number) and its shared variables, added, renamed, changed and removed. A change that would leave
 * a step naming nothing is refused with the scenario format's message (coordEdits.ts).
 */
import { useState } from 'react';
import type { Scenario, SyncType } from '../../sim/types';
import { SYNC_TYPES } from './coordEdits';
import {
  addShared,
  addSync,
  removeShared,
  removeSync,
  renameShared,
  renameSync,
  setSharedInitial,
  setSyncNumber,
  setSyncType,
  syncNumberOf,
} from './syncEdits';
import type { Edit } from './edits';
import { LabelledNumber, RemoveButton, TextField } from './fields';
import type { ApplyEdit } from './useEdit';

const NUMBER_WORD = { value: 'value', maxsize: 'maxsize (0: unbounded)', parties: 'parties' } as const;

/** A primitive's or a variable's name, committed when the reader leaves it. */
function KeyField({ label, value, onCommit }: { label: string; value: string; onCommit(next: string): void }) {
  return <TextField className="ed-name ed-key" label={label} value={value} onCommit={onCommit} maxLength={40} />;
}

export function SyncEditor({ scenario, edit }: { scenario: Scenario; edit: ApplyEdit }) {
  const [type, setType] = useState<SyncType>('lock');
  const sync = Object.entries(scenario.sync ?? {});
  const shared = Object.entries(scenario.shared ?? {});
  const run = (f: (sc: Scenario) => Edit, group?: string) => edit(f, group);
  return (
    <div className="ed-sync" role="group" aria-label="Synchronisation">
      <p className="ed-tasks-title">
        Synchronisation <span className="ed-hint">(primitives and shared variables the steps name)</span>
      </p>
      <ul className="ed-sync-list" aria-label="Primitives">
        {sync.map(([name, spec]) => {
          const num = syncNumberOf(spec);
          return (
            <li key={name} className="ed-sync-item">
              <KeyField
                label={`Primitive ${name} name`}
                value={name}
                onCommit={(v) => run((sc) => renameSync(sc, name, v))}
              />
              <select
                aria-label={`Primitive ${name} type`}
                value={spec.type}
                onChange={(e) => run((sc) => setSyncType(sc, name, e.target.value as SyncType))}
              >
                {SYNC_TYPES.map((t) => (
                  <option key={t} value={t}>
                    {t}
                  </option>
                ))}
              </select>
              {num ? (
                <LabelledNumber
                  labelClassName="ed-sync-number"
                  caption={NUMBER_WORD[num.field]}
                  label={`Primitive ${name} ${num.field}`}
                  value={num.value}
                  min={num.min}
                  step={1}
                  onCommit={(n, g) => n !== null && run((sc) => setSyncNumber(sc, name, n), g)}
                />
              ) : null}
              <RemoveButton
                label={`Remove primitive ${name}`}
                title="Remove this primitive"
                onClick={() => run((sc) => removeSync(sc, name))}
              />
            </li>
          );
        })}
      </ul>
      <div className="ed-sync-add">
        <select aria-label="New primitive type" value={type} onChange={(e) => setType(e.target.value as SyncType)}>
          {SYNC_TYPES.map((t) => (
            <option key={t} value={t}>
              {t}
            </option>
          ))}
        </select>
        <button type="button" className="ed-btn" onClick={() => run((sc) => addSync(sc, type))}>
          Add a primitive
        </button>
      </div>
      <ul className="ed-sync-list" aria-label="Shared variables">
        {shared.map(([name, value]) => (
          <li key={name} className="ed-sync-item">
            <KeyField
              label={`Shared variable ${name} name`}
              value={name}
              onCommit={(v) => run((sc) => renameShared(sc, name, v))}
            />
            <LabelledNumber
              labelClassName="ed-sync-number"
              caption="starts at"
              label={`Shared variable ${name} initial value`}
              value={value}
              step={1}
              onCommit={(n, g) => n !== null && run((sc) => setSharedInitial(sc, name, n), g)}
            />
            <RemoveButton
              label={`Remove shared variable ${name}`}
              title="Remove this variable"
              onClick={() => run((sc) => removeShared(sc, name))}
            />
          </li>
        ))}
      </ul>
      <div className="ed-sync-add">
        <button type="button" className="ed-btn" onClick={() => run(addShared)}>
          Add a shared variable
        </button>
      </div>
    </div>
  );
}
