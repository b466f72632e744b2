/**
 * <ModelTable scenario="fib35-x4" models="sequential asyncio threads processes" reference="…" measured="…" />
 *
 * Total time and speed-up per model, simulated at render (so the prerendered page has the full table), with
 * a row of inputs that change the workload: every cell is re-simulated when one changes. Published figures
 * (`reference`) and CPython measurements (`measured`) sit in their own columns beside the simulated ones.
 */
import { useDeferredValue, useId, useMemo, useState } from 'react';
import type { Scenario } from '../../sim';
import type { TableKit } from './kit';
import { applyWorkload, describeWorkload, type Values } from './workload';
import { formatSpeedup, formatTotal, parseFigures } from './results';
import { hasArrivals } from '../../timeline/trackNeeds';
import { useRows } from './useRows';
import { WorkloadControls } from './WorkloadControls';
import { useTableSeal } from './useSeal';

export interface ModelTableProps {
  /** Scenario id (a file in content/scenarios). */
  scenario: string;
  /** Space-separated model ids, one row each; default "sequential asyncio threads processes". */
  models?: string;
  /** The table's caption. */
  caption?: string;
  /** Published figures per model ("sequential=10 s, processes=2.5 s"), shown in their own column. */
  reference?: string;
  /** That column's heading (default "Tutorial"). */
  referenceLabel?: string;
  /** Where the reference figures come from, shown under the table. */
  referenceNote?: string;
  /** CPython 3.11 / Linux / 2-core measurements per model, in the same form as `reference`. */
  measured?: string;
}

/** Which free-threaded build the simulator runs (3.13t unless the scenario asks for 3.14t), and its cost. */
function freeThreadedNote(scenario: Scenario): string {
  const build = scenario.modelSettings?.['free-threading']?.python ?? scenario.settings?.python;
  return build === '3.14t'
    ? 'the 3.14t build, where Python code runs roughly 5–10% slower on one thread.'
    : 'the 3.13t build, where Python code runs about 40% slower on one thread.';
}

export function ModelTable(props: ModelTableProps & { kit: TableKit }) {
  const entry = props.kit.loadScenario(props.scenario);
  const models = props.kit.parseModels(props.models);
  if (!entry.ok || !models.ok) {
    return (
      <div className="mt-error" role="alert">
        <p>
          The table for “{props.scenario}” could not be computed: {!entry.ok ? entry.error : !models.ok && models.error}
        </p>
      </div>
    );
  }
  return <LoadedTable {...props} />;
}

function LoadedTable({
  scenario: id,
  models,
  caption,
  reference,
  referenceLabel,
  referenceNote,
  measured,
  kit,
}: ModelTableProps & { kit: TableKit }) {
  const uid = useId();
  const seal = useTableSeal(kit, uid, id);
  const entry = kit.loadScenario(id);
  if (!entry.ok) throw new Error(entry.error);
  const scenario = entry.scenario;
  const modelIds = useMemo(() => {
    const parsed = kit.parseModels(models);
    return parsed.ok ? parsed.models : [];
  }, [kit, models]);
  const { fields, initial } = useMemo(() => describeWorkload(scenario), [scenario]);
  const [values, setValues] = useState<Values>(initial);
  const shown = useDeferredValue(values);
  const workload = useMemo(() => applyWorkload(scenario, fields, shown), [scenario, fields, shown]);
  const edited = fields.some((f) => shown[f.id] !== initial[f.id]);
  const { rows, busy } = useRows(kit, workload, modelIds, edited);
  const refs = parseFigures(reference);
  const real = parseFigures(measured);
  const hasRef = Object.keys(refs).length > 0;
  const hasReal = Object.keys(real).length > 0;
  const changed = fields.some((f) => values[f.id] !== initial[f.id]);
  const refHeading = referenceLabel ?? 'Tutorial';
  // Tasks that arrive over time (a server's requests): each model's latency percentiles too.
  const arrivals = hasArrivals(workload);

  return (
    <div className="mt" {...seal.attrs}>
      <WorkloadControls
        fields={fields}
        values={values}
        initial={initial}
        onChange={setValues}
        label={`Workload for “${caption ?? scenario.title}”`}
      />
      <div className="table-scroll" tabIndex={0} role="region" aria-labelledby={`${uid}-cap`}>
        <table aria-busy={shown !== values || busy}>
          <caption id={`${uid}-cap`}>
            {caption ?? scenario.title}
            {changed ? <span className="mt-caption-changed"> · Workload changed from the article’s</span> : null}
          </caption>
          <thead>
            <tr>
              <th scope="col">Model</th>
              <th scope="col">Simulated total</th>
              <th scope="col">Speed‑up</th>
              {arrivals ? (
                <>
                  <th scope="col">Latency p50</th>
                  <th scope="col">Latency p95</th>
                </>
              ) : null}
              {hasRef ? <th scope="col">{refHeading}</th> : null}
              {hasReal ? <th scope="col">Measured</th> : null}
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.model} data-answer={seal.answer?.model === row.model ? '' : undefined}>
                <th scope="row">{kit.labels[row.model]}</th>
                {row.ok ? (
                  <>
                    <td className="mt-num">{formatTotal(row.makespanMs)}</td>
                    <td className="mt-num">{formatSpeedup(row.speedup)}</td>
                    {arrivals ? (
                      <>
                        <td className="mt-num mt-latency">{row.latency ? formatTotal(row.latency.p50Ms) : '—'}</td>
                        <td className="mt-num mt-latency">{row.latency ? formatTotal(row.latency.p95Ms) : '—'}</td>
                      </>
                    ) : null}
                  </>
                ) : (
                  <td colSpan={arrivals ? 4 : 2} className="mt-too-big">
                    {row.reason}
                  </td>
                )}
                {hasRef ? <td className={changed ? 'mt-num mt-stale' : 'mt-num'}>{refs[row.model] ?? '—'}</td> : null}
                {hasReal ? <td className={changed ? 'mt-num mt-stale' : 'mt-num'}>{real[row.model] ?? '—'}</td> : null}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {seal.sealed ? (
        <p className="tl-sealed-note">Totals are hidden until you answer the question above.</p>
      ) : seal.answer ? (
        <p className="tl-answer" data-reached="">
          <span className="tl-answer-tag">Answer</span> {seal.answer.text}
        </p>
      ) : null}
      <p className="mt-note">
        Speed-up is against running every task one after another.
        {arrivals ? ' Latency is from a task’s arrival to its end: the median (p50) and the 95th percentile.' : null}
        {hasRef && referenceNote ? ` ${refHeading}: ${referenceNote}` : null}
        {hasReal ? ' Measured: CPython 3.11 on Linux with 2 cores, median of 3 runs.' : null}
        {modelIds.includes('free-threading') ? ` Free-threaded: ${freeThreadedNote(scenario)}` : null}
        {modelIds.includes('subinterpreters')
          ? ' Subinterpreters: Python 3.14 and later; their start and copy costs come from published figures, not measured here.'
          : null}
        {changed && (hasRef || hasReal) ? (
          <strong className="mt-stale-note">
            {' '}
            The {hasRef ? refHeading.toLowerCase() : 'measured'}
            {hasRef && hasReal ? ' and measured' : ''} figures are for the original workload.
          </strong>
        ) : null}
      </p>
    </div>
  );
}
