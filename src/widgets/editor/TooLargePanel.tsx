/** Under the bar, for a workload the page will not simulate: what is too large, the file and the command. */
import { useStore } from 'zustand';
import { useTimelineApi } from '../../store/context';
import { download } from '../../share/download';
import { scenarioJson } from '../../share/scenarioFile';
import { cliCommand, fileName, tooLargeOf } from './tooLarge';

export function TooLargePanel() {
  const store = useTimelineApi();
  const state = tooLargeOf(store);
  const tooLarge = useStore(state, (s) => s.tooLarge);
  if (!tooLarge) return null;
  const { scenario, problems, reason } = tooLarge;
  return (
    <div className="ed-toolarge" role="group" aria-label="Too large for the page">
      <p>
        {reason === 'link'
          ? 'This view is too long for a link. Share the scenario file instead.'
          : 'Too large to simulate in the page:'}
      </p>
      {problems.length ? (
        <ul>
          {problems.map((p) => (
            <li key={p.field}>{p.message}</li>
          ))}
        </ul>
      ) : null}
      <p>
        Run it in a terminal, in a copy of this site’s source: <code>{cliCommand(scenario)}</code>
      </p>
      <div className="ed-share-row">
        <button type="button" className="ed-btn" onClick={() => download(scenarioJson(scenario), fileName(scenario))}>
          Download {fileName(scenario)}
        </button>
        <button type="button" className="ed-btn" onClick={() => state.setState({ tooLarge: null })}>
          Close
        </button>
      </div>
    </div>
  );
}
