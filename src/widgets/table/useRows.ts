/**
 * The table's rows. The workload the article gives is simulated at once (the same on the server and in
 * the hydrating render: small, the article's own); an edited one, where the page has its simulation
 * worker, is simulated there, one run per model, while the table keeps its previous rows (busy).
 */
import { useEffect, useMemo, useState } from 'react';
import type { ModelId, Scenario } from '../../sim/types';
import type { TableKit } from './kit';
import { pageSimClient } from '../../store/simClient';
import { EVENT_CAP, outcomeOf, reasonOf, rowsFrom, simulateRows, type Outcome, type Row } from './results';

export function useRows(
  kit: TableKit,
  scenario: Scenario,
  models: readonly ModelId[],
  edited: boolean,
): { rows: Row[]; busy: boolean } {
  const client = edited ? pageSimClient() : null;
  const sync = useMemo(
    () => (client ? null : simulateRows(kit.simulate, scenario, models)),
    [client, kit, scenario, models],
  );
  // Before the worker's first answer: the rows first drawn (the article's workload).
  const [done, setDone] = useState<{ scenario: Scenario | null; rows: Row[] }>(() => ({
    scenario: null,
    rows: sync ?? [],
  }));
  useEffect(() => {
    if (!client) return;
    const wanted = [...new Set<ModelId>(['sequential', ...models])];
    const runs = wanted.map((m) => client.run({ scenario, models: [m], trace: 'summary', maxEvents: EVENT_CAP }));
    let live = true;
    void Promise.allSettled(runs.map((r) => r.result)).then((settled) => {
      if (!live) return;
      const out = new Map<ModelId, Outcome>();
      settled.forEach((s, i) =>
        out.set(
          wanted[i],
          s.status === 'fulfilled'
            ? outcomeOf(s.value.traces[0])
            : reasonOf(s.reason instanceof Error ? s.reason.message : String(s.reason)),
        ),
      );
      setDone({ scenario, rows: rowsFrom((m) => out.get(m) ?? '—', models) });
    });
    return () => {
      live = false;
      for (const r of runs) r.cancel();
    };
  }, [client, scenario, models]);
  return { rows: sync ?? done.rows, busy: !sync && done.scenario !== scenario };
}
