/**
 * <Timeline scenario="gil-two-counters" models="sequential threads" view="task" caption="…" />
 *
 * The MDX component: loads the scenario by id, simulates every model in the browser (and on the
 * server, for the static figure), and draws them on one shared time axis. Anything that goes
 * wrong (unknown scenario, unknown model, a SimulationError, a render error) is shown in place
 * as an alert; the rest of the article keeps working.
 */
import type { ReactNode } from 'react';
import { simulate, MODEL_LABELS } from '../../sim';
import { sequentialMakespan } from '../../store/baseline';
import { loadScenario } from '../../content/scenarios';
import { MODEL_IDS, type ModelId } from '../../sim/types';
import { createTimelineStore, type SimulateFn, type TimelineStore } from '../../store/timelineStore';
import type { ViewMode } from '../../timeline/layout';
import { DEFAULT_MODEL_LABELS } from '../../timeline/labels';
import { parseWindow, type ViewWindow } from '../../timeline/viewWindow';
import { TimelineView } from './TimelineView';
import { errorMessage, TimelineError, TimelineErrorBoundary } from './ErrorBoundary';
import { parseCodeLines, type CodeLineMap } from '../../timeline/codeLines';
import { usePageTimeline } from '../../store/pageTimelines';

export { sequentialMakespan };

export interface TimelineProps {
  /** Scenario id (a file name in content/scenarios without .json). */
  scenario: string;
  /** Names the timeline for <Knob for="…"> and <Result for="…">, and keys its links and saved edits. */
  id?: string;
  /** Space-separated model ids; default "sequential asyncio threads processes". */
  models?: string;
  view?: ViewMode;
  /** The window shown first, for prose about something small: "0-30ms", "1.2s-1.5s". Fit shows the whole run. */
  zoom?: string;
  caption?: string;
  /**
   * Code-line sync: maps steps to lines of the Python code block given as children ("4", "5 6",
   * "calc: 3; *: 8 9"); the line each task is on is highlighted as the playhead moves.
   */
  codeLines?: string;
  /** The model whose playhead drives the code highlight (default: the first of `models`). */
  codeModel?: string;
  /** One fenced code block (the Python for this scenario). */
  children?: ReactNode;
  /** The workload bar, passed in by the widget that places the timeline (see EditingTimeline). */
  editBar?: ReactNode;
}

export const DEFAULT_MODELS = 'sequential asyncio threads processes';

export interface CodeSync {
  map: CodeLineMap;
  /** The model whose trace drives the highlight (found by id, so it survives models shown or hidden). */
  model: ModelId;
}

type Prepared =
  | { ok: true; store: TimelineStore; caption: string; code: CodeSync | null }
  | { ok: false; title: string; message: string };

export function parseModels(
  models: string | undefined,
): { ok: true; models: ModelId[] } | { ok: false; error: string } {
  const ids = (models ?? DEFAULT_MODELS).split(/[\s,]+/).filter(Boolean);
  const bad = ids.filter((m) => !(MODEL_IDS as readonly string[]).includes(m));
  if (bad.length)
    return { ok: false, error: `Unknown model ${bad.map((b) => `"${b}"`).join(', ')}; use ${MODEL_IDS.join(', ')}.` };
  if (ids.length === 0) return { ok: false, error: 'No models to show.' };
  return { ok: true, models: [...new Set(ids)] as ModelId[] };
}

/** Loads the figure's scenario, parses its props and builds its store (simulated on the page's thread). */
export function prepareTimeline(props: TimelineProps, simulateFn: SimulateFn = simulate): Prepared {
  const title = `The timeline for “${props.scenario}” could not be drawn.`;
  const loaded = loadScenario(props.scenario);
  if (!loaded.ok) return { ok: false, title, message: loaded.error };
  const models = parseModels(props.models);
  if (!models.ok) return { ok: false, title, message: models.error };
  let code: CodeSync | null = null;
  if (props.codeLines !== undefined) {
    const parsed = parseCodeLines(props.codeLines);
    if (!parsed.ok) return { ok: false, title, message: parsed.error };
    const model = (props.codeModel ?? models.models[0]) as ModelId;
    if (!models.models.includes(model))
      return { ok: false, title, message: `codeModel "${props.codeModel}" is not one of the models shown.` };
    code = { map: parsed.map, model };
  }
  let zoomWindow: ViewWindow | undefined;
  if (props.zoom !== undefined) {
    const parsed = parseWindow(props.zoom);
    if (!parsed.ok) return { ok: false, title, message: parsed.error };
    zoomWindow = parsed.window;
  }
  try {
    const store = createTimelineStore({
      scenario: loaded.scenario,
      models: models.models,
      simulate: simulateFn,
      baseline: simulateFn === simulate ? sequentialMakespan : undefined,
      view: props.view === 'worker' ? 'worker' : 'task',
      window: zoomWindow,
    });
    return { ok: true, store, caption: props.caption ?? loaded.scenario.title, code };
  } catch (error) {
    return { ok: false, title, message: errorMessage(error) };
  }
}

const LABELS: Record<ModelId, string> = { ...DEFAULT_MODEL_LABELS, ...(MODEL_LABELS ?? {}) };

function TimelineLoader(props: TimelineProps) {
  // Prepared once per mount: the same on the server and in the first client render.
  const prepared = usePageTimeline(props, prepareTimeline);
  if (!prepared.ok) return <TimelineError title={prepared.title} message={prepared.message} />;
  return (
    <TimelineView
      store={prepared.store}
      caption={prepared.caption}
      labels={LABELS}
      code={prepared.code}
      editBar={props.editBar}
    >
      {props.children}
    </TimelineView>
  );
}

export function Timeline(props: TimelineProps) {
  return (
    <TimelineErrorBoundary scenario={props.scenario}>
      <TimelineLoader key={`${props.scenario}|${props.models ?? ''}|${props.view ?? ''}`} {...props} />
    </TimelineErrorBoundary>
  );
}
