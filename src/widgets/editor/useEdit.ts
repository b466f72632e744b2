/** Applies one of the editor's pure edits to the widget's workload, through its edit session. */
import { useCallback } from 'react';
import { useTimelineApi } from '../../store/context';
import { apply, notify } from '../../store/history';
import type { Scenario } from '../../sim/types';
import type { Edit } from './edits';

export type ApplyEdit = (make: (scenario: Scenario) => Edit, group?: string) => void;

export function useEdit(): ApplyEdit {
  const store = useTimelineApi();
  return useCallback(
    (make, group) => {
      const scenario = store.getState().scenario;
      if (!scenario) return;
      const edit = make(scenario);
      if (edit.scenario !== scenario) apply(store, { scenario: edit.scenario }, { group, notice: edit.notice });
      else if (edit.notice) notify(store, { text: edit.notice, tone: 'info' });
    },
    [store],
  );
}
