/**
 * Applies one of the editor's pure edits to the widget's workload, through its edit session. An edit that
 * would take the workload beyond the page's limits is not applied: the bar says what is too large.
 */
import { useCallback } from 'react';
import { useTimelineApi } from '../../store/context';
import { apply, notify } from '../../store/history';
import type { Scenario } from '../../sim/types';
import type { Edit } from './edits';
import { pageProblems, refusal, tooLargeOf } from './tooLarge';

export type ApplyEdit = (make: (scenario: Scenario) => Edit, group?: string) => void;

export function useEdit(): ApplyEdit {
  const store = useTimelineApi();
  return useCallback(
    (make, group) => {
      const scenario = store.getState().scenario;
      if (!scenario) return;
      const edit = make(scenario);
      const problems = edit.scenario !== scenario ? pageProblems(store, edit.scenario) : [];
      if (problems.length) {
        tooLargeOf(store).setState({ tooLarge: { scenario: edit.scenario, problems, reason: 'limits' } });
        notify(store, { text: refusal(problems), tone: 'error' });
      } else if (edit.scenario !== scenario) {
        tooLargeOf(store).setState({ tooLarge: null });
        apply(store, { scenario: edit.scenario }, { group, notice: edit.notice });
      } else if (edit.notice) notify(store, { text: edit.notice, tone: 'info' });
    },
    [store],
  );
}
