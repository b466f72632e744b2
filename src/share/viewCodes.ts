/** What a widget's view puts in the page's address and in storage (see sync.ts), as view codes. */
import type { TimelineState } from '../store/timelineStore';
import { encodeView, type SharedView } from './codec';

const workloadCode = (s: TimelineState['scenario']) =>
  s ? encodeView({ scenario: s, models: [], timeMs: null, view: 'task' }) : '';

/** What the address and the storage should hold for this state (null: nothing). */
export function viewCodes(
  s: TimelineState,
  whole = false,
  openingMs = s.domainMs,
): { link: string | null; stored: string | null } {
  const o = s.original;
  const edited = whole || (s.scenario !== o.scenario && workloadCode(s.scenario) !== workloadCode(o.scenario));
  const modelsChanged = s.models.join() !== o.models.join();
  const view: SharedView = { scenario: edited ? s.scenario : null, models: s.models, timeMs: null, view: s.view };
  const keep = edited || modelsChanged || s.view !== o.view;
  const moved = Math.abs(s.timeMs - Math.min(openingMs, s.domainMs)) > 1e-6;
  return {
    link: keep || moved ? encodeView({ ...view, timeMs: s.timeMs }) : null,
    stored: keep ? encodeView(view) : null,
  };
}
