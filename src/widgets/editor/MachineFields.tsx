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
  type PoolModel,
} from './edits';
import { LabelledNumber } from './fields';
import type { ApplyEdit } from './useEdit';

/** The pools the reader can size: empty means the model's own default. */
const POOLS: { model: PoolModel; caption: string; label: string; none: string }[] = [
  {
    model: 'processes',
    caption: 'Process pool',
    label: 'Process pool size (empty: one process per task)',
    none: 'none',
  },
  { model: 'threads', caption: 'Thread pool', label: 'Thread pool size (empty: one thread per task)', none: 'none' },
  {
    model: 'subinterpreters',
    caption: 'Interpreter pool',
    label: 'Interpreter pool size (empty: min(32, cores + 4), the InterpreterPoolExecutor default)',
    none: 'default',
  },
];

const START_METHODS: { value: StartMethod; text: string }[] = [
  { value: 'fork', text: 'fork' },
  { value: 'forkserver', text: 'forkserver' },
  { value: 'spawn', text: 'spawn' },
];

const PYTHON_BUILDS: { value: PythonBuild; text: string }[] = [
  { value: '3.11', text: '3.11 (no free-threaded build: runs as 3.13t)' },
  { value: '3.13t', text: '3.13t' },
  { value: '3.14t', text: '3.14t' },
];

interface ChoiceProps<T extends string> {
  caption: string;
  label: string;
  value: T;
  options: { value: T; text: string }[];
  onChange(value: T): void;
}

function Choice<T extends string>({ caption, label, value, options, onChange }: ChoiceProps<T>) {
  return (
    <label>
      <span>{caption}</span>
      <select aria-label={label} value={value} onChange={(e) => onChange(e.target.value as T)}>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.text}
          </option>
        ))}
      </select>
    </label>
  );
}

export function MachineFields({ scenario, edit }: { scenario: Scenario; edit: ApplyEdit }) {
  return (
    <fieldset className="ed-machine">
      <legend>Machine and Python</legend>
      <LabelledNumber
        caption="Cores"
        label="Cores"
        value={scenario.machine.cores}
        min={LIMITS.cores.min}
        max={LIMITS.cores.max}
        step={1}
        onCommit={(n, g) => n !== null && edit((sc) => setCores(sc, n), g)}
      />
      <LabelledNumber
        caption="Switch interval (ms)"
        label="Switch interval, in milliseconds"
        value={scenario.settings?.switchIntervalMs ?? DEFAULT_SWITCH_INTERVAL_MS}
        min={LIMITS.switchIntervalMs.min}
        max={LIMITS.switchIntervalMs.max}
        onCommit={(n, g) => n !== null && edit((sc) => setSwitchInterval(sc, n), g)}
      />
      <Choice
        caption="Start method"
        label="Process start method"
        value={startMethodOf(scenario)}
        options={START_METHODS}
        onChange={(m) => edit((sc) => setStartMethod(sc, m))}
      />
      {POOLS.map((pool) => (
        <LabelledNumber
          key={pool.model}
          caption={pool.caption}
          label={pool.label}
          value={poolOf(scenario, pool.model)}
          optional
          placeholder={pool.none}
          min={LIMITS.poolSize.min}
          max={LIMITS.poolSize.max}
          step={1}
          onCommit={(n, g) => edit((sc) => setPool(sc, pool.model, n), g)}
        />
      ))}
      <Choice
        caption="Python build"
        label="Python build of the free-threaded model"
        value={pythonOf(scenario)}
        options={PYTHON_BUILDS}
        onChange={(b) => edit((sc) => setPython(sc, b))}
      />
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
