/**
 * The recorded run's replays, simulated in the page's worker: a recording with many threads or a long run
 * would hold the page for as long as every model takes. A newer edit or choice of models cancels the run in
 * flight; until the new replays arrive the last ones stay on screen, and `pending` says they are coming.
 * Where there are no workers (tests, the server) the replays are simulated at once.
 */
import { useEffect, useMemo, useState } from 'react';
import { MODEL_IDS, type ModelId, type Scenario, type Trace } from '../../../sim/types';
import { pageSimClient, RunCancelled } from '../../../store/simClient';
import { replay, replayRows, type Replay } from './recordedTraces';

interface Request {
  recorded: Trace;
  scenario: Scenario | null;
  models: ModelId[];
}

export function useReplay(
  recorded: Trace,
  scenario: Scenario | null,
  models: readonly ModelId[],
): Replay & { pending: boolean } {
  const client = useMemo(() => pageSimClient(), []);
  const key = models.join(',');
  const request = useMemo<Request>(
    () => ({ recorded, scenario, models: MODEL_IDS.filter((m) => key.split(',').includes(m)) }),
    [recorded, scenario, key],
  );
  const inWorker = client !== null && request.scenario !== null && request.models.length > 0;
  const [answer, setAnswer] = useState<{ request: Request; result: Replay } | null>(null);

  useEffect(() => {
    if (!client || !inWorker) return;
    const run = client.run({ scenario: request.scenario!, models: request.models });
    let current = true;
    run.result.then(
      ({ traces }) => {
        if (!current) return;
        const result = {
          traces: [request.recorded, ...traces],
          rows: replayRows(request.recorded, traces),
          error: null,
        };
        setAnswer({ request, result });
      },
      (e: Error) => {
        if (!current || e instanceof RunCancelled) return;
        setAnswer({ request, result: { traces: [request.recorded], rows: [], error: e.message } });
      },
    );
    return () => {
      current = false;
      run.cancel();
    };
  }, [client, inWorker, request]);

  const direct = useMemo(
    () => (inWorker ? null : replay(request.recorded, request.scenario, request.models)),
    [inWorker, request],
  );
  const bandAlone = useMemo(() => replay(recorded, null, []), [recorded]);
  if (direct) return { ...direct, pending: false };
  // The last replays of this recording stay until the new ones come; before the first, the recorded band alone.
  const shown = answer && answer.request.recorded === recorded ? answer.result : bandAlone;
  return { ...shown, pending: answer?.request !== request };
}
