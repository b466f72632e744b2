/**
 * The editor's share, export and import actions (part of the editor's chunk, loaded when the reader opens
 * it). Each reports through the widget's edit session.
 */
import { apply, notify } from '../../store/history';
import { widgetName } from '../../share/names';
import type { TimelineStore } from '../../store/timelineStore';
import { MODEL_LABELS } from '../../sim/labels';
import { layoutTimeline } from '../../timeline/layout';
import { bandSummary } from '../../timeline/labels';
import { download, fileStem } from '../../share/download';
import { pageColours, svgText, svgToPng, timelineSvg } from '../../share/exportImage';
import { trackInput } from '../../timeline/trackNeeds';
import { chromeTrace } from '../../share/exportTrace';
import { readScenarioFile, scenarioJson } from '../../share/scenarioFile';
import { startSync } from '../../share/sync';
import { MAX_LINK_LENGTH } from '../../share/codec';
import { formatCount } from '../../sim/limits';
import { tooLargeOf } from './tooLarge';

const say = (store: TimelineStore, text: string, tone: 'info' | 'error' = 'info') => notify(store, { text, tone });

const stem = (store: TimelineStore) => fileStem(store.getState().scenario?.id ?? 'workload');

/** Brings the page's address up to date and returns it (copied to the clipboard when allowed). */
export async function copyLink(store: TimelineStore): Promise<string> {
  const { key, whole } = widgetName(store);
  const url = startSync(store, key, { whole }).flush();
  const scenario = store.getState().scenario;
  if (url.length > MAX_LINK_LENGTH && scenario) {
    tooLargeOf(store).setState({ tooLarge: { scenario, problems: [], reason: 'link' } });
    say(
      store,
      `Not copied: a link to this view would be ${formatCount(url.length)} characters long, and links hold at most ${formatCount(MAX_LINK_LENGTH)}. Download the scenario file instead.`,
      'error',
    );
    return '';
  }
  try {
    await navigator.clipboard.writeText(url);
    say(store, 'Link copied: it opens this timeline as it is now.');
  } catch {
    say(store, 'Copy the link below: it opens this timeline as it is now.');
  }
  return url;
}

export type ImageFormat = 'svg' | 'png';

export async function exportImage(store: TimelineStore, format: ImageFormat): Promise<void> {
  const s = store.getState();
  const svg = timelineSvg({
    layout: layoutTimeline(s.traces, s.view),
    headers: s.traces.map((t) => bandSummary(t, s.baselineMs, MODEL_LABELS).text),
    title: s.scenario?.title ?? 'Timeline',
    colours: pageColours(),
    tracks: trackInput(s.scenario),
  });
  if (format === 'svg') download(svgText(svg), `${stem(store)}-timeline.svg`, 'image/svg+xml');
  else download(await svgToPng(svg), `${stem(store)}-timeline.png`);
}

export async function exportTrace(store: TimelineStore): Promise<void> {
  const json = JSON.stringify(chromeTrace(store.getState().traces, MODEL_LABELS));
  download(json, `${stem(store)}-trace.json`);
  say(store, 'Trace saved: open it in ui.perfetto.dev or chrome://tracing.');
}

export async function exportScenario(store: TimelineStore): Promise<void> {
  const scenario = store.getState().scenario;
  if (!scenario) return;
  download(scenarioJson(scenario), `${stem(store)}.json`);
}

export async function importScenario(store: TimelineStore, file: File): Promise<void> {
  const r = await readScenarioFile(file);
  if (!r.ok) {
    if (r.tooLarge) tooLargeOf(store).setState({ tooLarge: { ...r.tooLarge, reason: 'limits' } });
    return say(store, `Not imported: ${r.error}`, 'error');
  }
  tooLargeOf(store).setState({ tooLarge: null });
  const notes = r.notes.length ? ` (${r.notes.join('; ')})` : '';
  apply(store, { scenario: r.scenario }, { notice: `Imported “${r.scenario.title}” from ${file.name}${notes}.` });
}

/** Runs an action, turning a failure into a notice. */
export function run(store: TimelineStore, action: () => Promise<unknown>): void {
  action().catch((error: unknown) =>
    say(store, `That did not work: ${error instanceof Error ? error.message : String(error)}`, 'error'),
  );
}
