/**
 * A workload the page will not simulate (beyond PAGE_LIMITS in src/sim/limits.ts), kept per widget so the
 * bar can say what is too large and offer it as a file with the command that runs it in a terminal.
 */
import { createStore, type StoreApi } from 'zustand/vanilla';
import { checkLimits, describeProblems, PAGE_LIMITS, type Problem } from '../../sim/limits';
import type { Scenario } from '../../sim/types';
import type { TimelineStore } from '../../store/timelineStore';
import { fileStem } from '../../share/download';

export interface TooLarge {
  scenario: Scenario;
  problems: Problem[];
  /** Why it is offered as a file: the workload is too large, or its link would be too long. */
  reason: 'limits' | 'link';
}

const stores = new WeakMap<TimelineStore, StoreApi<{ tooLarge: TooLarge | null }>>();

export function tooLargeOf(timeline: TimelineStore): StoreApi<{ tooLarge: TooLarge | null }> {
  let s = stores.get(timeline);
  if (!s) stores.set(timeline, (s = createStore(() => ({ tooLarge: null as TooLarge | null }))));
  return s;
}

/** The problems of `scenario` under the page's limits (with the timeline's overrides); [] when it fits. */
export function pageProblems(timeline: TimelineStore, scenario: Scenario): Problem[] {
  return checkLimits(scenario, timeline.getState().overrides ?? {}, PAGE_LIMITS);
}

export const fileName = (scenario: Scenario) => `${fileStem(scenario.id || 'workload')}.json`;

/** The terminal command that simulates the downloaded file. */
export const cliCommand = (scenario: Scenario) => `npm run simulate -- ${fileName(scenario)} --model all`;

/** The reader's notice for a refused workload. */
export const refusal = (problems: Problem[]) =>
  `Not changed: the workload would be ${describeProblems(problems)}. Download it to run it from the command line.`;
