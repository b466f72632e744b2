/** The machine and the runtime: cores, switch interval, start method, pool sizes, Python build; and the models shown. */
import { MODEL_IDS, type ModelId, type PythonBuild, type Scenario, type StartMethod } from '../../sim/types';
import { MODEL_LABELS } from '../../sim/labels';
import { DEFAULT_SWITCH_INTERVAL_MS } from '../../sim/defaults';
import { LIMITS } from '../../share/limits';
import {
  poolOf,
  pythonOf,
  setCores,
  setPool,
  setPython,
  setStartMethod,
  setSwitchInterval,
  startMethodOf,
} from './edits';
import { NumberField } from './fields';
import type { ApplyEdit } from './useEdit';

export function MachineFields({ scenario, edit }: { scenario: Scenario; edit: ApplyEdit }) {
  return (
    <fieldset className="ed-machine">
      <legend>Machine and Python</legend>
      <label>
        <span>Cores</span>
        <NumberField
          label="Cores"
          value={scenario.machine.cores}
          min={LIMITS.cores.min}
          max={LIMITS.cores.max}
          step={1}
          onCommit={(n, g) => n !== null && edit((sc) => setCores(sc, n), g)}
        />
      </label>
      <label>
        <span>Switch interval (ms)</span>
        <NumberField
          label="Switch interval, in milliseconds"
          value={scenario.settings?.switchIntervalMs ?? DEFAULT_SWITCH_INTERVAL_MS}
          min={LIMITS.switchIntervalMs.min}
          max={LIMITS.switchIntervalMs.max}
          onCommit={(n, g) => n !== null && edit((sc) => setSwitchInterval(sc, n), g)}
        />
      </label>
      <label>
        <span>Start method</span>
        <select
          aria-label="Process start method"
          value={startMethodOf(scenario)}
          onChange={(e) => edit((sc) => setStartMethod(sc, e.target.value as StartMethod))}
        >
          <option value="fork">fork</option>
          <option value="forkserver">forkserver</option>
          <option value="spawn">spawn</option>
        </select>
      </label>
      <label>
        <span>Process pool</span>
        <NumberField
          label="Process pool size (empty: one process per task)"
          value={poolOf(scenario, 'processes')}
          optional
          placeholder="none"
          min={LIMITS.poolSize.min}
          max={LIMITS.poolSize.max}
          step={1}
          onCommit={(n, g) => edit((sc) => setPool(sc, 'processes', n), g)}
        />
      </label>
      <label>
        <span>Thread pool</span>
        <NumberField
          label="Thread pool size (empty: one thread per task)"
          value={poolOf(scenario, 'threads')}
          optional
          placeholder="none"
          min={LIMITS.poolSize.min}
          max={LIMITS.poolSize.max}
          step={1}
          onCommit={(n, g) => edit((sc) => setPool(sc, 'threads', n), g)}
        />
      </label>
      <label>
        <span>Interpreter pool</span>
        <NumberField
          label="Interpreter pool size (empty: min(32, cores + 4), the InterpreterPoolExecutor default)"
          value={poolOf(scenario, 'subinterpreters')}
          optional
          placeholder="default"
          min={LIMITS.poolSize.min}
          max={LIMITS.poolSize.max}
          step={1}
          onCommit={(n, g) => edit((sc) => setPool(sc, 'subinterpreters', n), g)}
        />
      </label>
      <label>
        <span>Python build</span>
        <select
          aria-label="Python build of the free-threaded model"
          value={pythonOf(scenario)}
          onChange={(e) => edit((sc) => setPython(sc, e.target.value as PythonBuild))}
        >
          <option value="3.11">3.11 (no free-threaded build: runs as 3.13t)</option>
          <option value="3.13t">3.13t</option>
          <option value="3.14t">3.14t</option>
        </select>
      </label>
    </fieldset>
  );
}

export function ModelPicker({ models, onChange }: { models: readonly ModelId[]; onChange(models: ModelId[]): void }) {
  return (
    <fieldset className="ed-models">
      <legend>Models shown</legend>
      {MODEL_IDS.map((m) => (
        <label key={m}>
          <input
            type="checkbox"
            checked={models.includes(m)}
            onChange={(e) => onChange(MODEL_IDS.filter((x) => (x === m ? e.target.checked : models.includes(x))))}
          />
          <span>{MODEL_LABELS[m]}</span>
        </label>
      ))}
    </fieldset>
  );
}
