/**
 * One store per timeline widget (React-free core, zustand/vanilla).
 *
 * Traces are derived from scenario + models (+ setting overrides) in exactly one place,
 * `deriveTraces`; everything else (time, playback, view, hover) is plain state.
 */
import { baselineOf } from '../sim/baseline';
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { ModelId, ModelSettings, Scenario, Trace } from '../sim/types';
import { eventTimes, firstEventAtOrAfter, nextEventTime, prevEventTime } from '../timeline/events';
import type { ViewMode } from '../timeline/layout';
import { clampTime } from '../timeline/scale';
import {
  clampWindow,
  followWindow,
  fullWindow,
  isFullWindow,
  panWindow,
  zoomWindow,
  type ViewWindow,
} from '../timeline/viewWindow';
import type { BaselineFn } from './baseline';
import { assertPageLimits, fitsOnPage, pendingRuns, type SimProgress } from './pendingRun';
import { asyncSimulation, deriveTraces, type SimulateFn } from './deriveTraces';

export { deriveTraces, setAsyncSimulation, type BaselineFn, type SimulateFn } from './deriveTraces';

export type { AsyncRun, AsyncSimulateFn, SimProgress } from './pendingRun';

export const SPEEDS = [0.25, 0.5, 1, 2, 4] as const;

/** A span under the pointer or the keyboard cursor. */
export interface HoverTarget {
  band: number;
  /** Index into the band's indexed spans. */
  span: number;
  /** Where the pointer is (percent of plot width, px from the chart top); keyboard: the span's middle. */
  xPct: number;
  y: number;
}

/** A span chosen by click, tap or Enter: the details panel shows it. */
export interface SelectedSpan {
  band: number;
  span: number;
}

/** A time range chosen with Shift+drag. */
export interface TimeRange {
  startMs: number;
  endMs: number;
}

export interface TimelineState {
  scenario: Scenario | null;
  models: ModelId[];
  /** What the widget was created with (the article's workload and view), for reset and "edited?". */
  original: { scenario: Scenario | null; models: ModelId[]; view: ViewMode };
  overrides: ModelSettings | undefined;
  traces: Trace[];
  /** Makespan of the sequential run (for "2.0× faster than sequential"), or null. */
  baselineMs: number | null;
  /** The longest makespan: the shared time axis. */
  domainMs: number;
  view: ViewMode;
  timeMs: number;
  playing: boolean;
  speed: number;
  loop: boolean;
  reducedMotion: boolean;
  hover: HoverTarget | null;
  /** The visible part of the run, [viewStartMs, viewEndMs). */
  viewStartMs: number;
  viewEndMs: number;
  /** A range picked with Shift+drag, or null. */
  selection: TimeRange | null;
  /** The span shown in the details panel, or null. */
  selected: SelectedSpan | null;
  /** Width of the plot in CSS px (for steps of at least a pixel at the current zoom). */
  plotWidthPx: number;
  /** Bumped whenever traces are re-derived (for timing re-simulation to paint). */
  revision: number;
  /** A re-simulation in progress (the traces are the previous workload's until it ends), or null. */
  pending: SimProgress | null;
  /** Why the last re-simulation failed (the workload shown was put back), or null. */
  simError: string | null;
  /** Stops the pending re-simulation and puts back the workload the figure shows. */
  cancelPending(): void;

  seek(timeMs: number): void;
  /** Move by a fraction of the domain (ArrowRight = +0.01). */
  nudge(fraction: number): void;
  play(): void;
  pause(): void;
  togglePlay(): void;
  setSpeed(speed: number): void;
  setLoop(loop: boolean): void;
  setView(view: ViewMode): void;
  stepBack(): void;
  stepForward(): void;
  jumpToStart(): void;
  jumpToEnd(): void;
  setReducedMotion(reduced: boolean): void;
  setModels(models: ModelId[]): void;
  setOverrides(overrides: ModelSettings | undefined): void;
  /**
   * Replaces the workload (and optionally the models) and re-simulates at once. Throws what simulate
   * throws, leaving the state as it was.
   */
  setScenario(scenario: Scenario, models?: ModelId[]): void;
  setHover(target: HoverTarget | null): void;
  /** Shows [startMs, endMs) (clamped into the run). */
  setWindow(startMs: number, endMs: number): void;
  /** Zooms by factor (> 1 narrows) about anchorMs (default: the window's middle). */
  zoomBy(factor: number, anchorMs?: number): void;
  /** Pans by a fraction of the window's width (negative: earlier). */
  panBy(fraction: number): void;
  /** Shows the whole run. */
  fit(): void;
  setSelection(range: TimeRange | null): void;
  select(span: SelectedSpan | null): void;
  setPlotWidth(px: number): void;
}

export interface TimelineInit {
  scenario?: Scenario | null;
  models: ModelId[];
  simulate?: SimulateFn;
  baseline?: BaselineFn;
  overrides?: ModelSettings;
  /** Precomputed traces (tests, stories); skips simulation. */
  traces?: Trace[];
  baselineMs?: number | null;
  view?: ViewMode;
  speed?: number;
  loop?: boolean;
  /** The window shown first (an article's `zoom` preset); default the whole run. */
  window?: ViewWindow;
}

export type TimelineStore = StoreApi<TimelineState>;

function derived(traces: Trace[]) {
  let domainMs = 0;
  for (const t of traces) domainMs = Math.max(domainMs, t.makespanMs);
  return { domainMs };
}

/**
 * Sorted event times of all traces, for stepping: built on the first step after the traces change, not
 * when they arrive (a 10 000-task run has tens of thousands of events, and most edits are never stepped).
 */
const stepTimesCache = new WeakMap<readonly Trace[], Float64Array>();
function stepTimes(traces: readonly Trace[]): Float64Array {
  let times = stepTimesCache.get(traces);
  if (!times) stepTimesCache.set(traces, (times = eventTimes(traces)));
  return times;
}

export function createTimelineStore(init: TimelineInit): TimelineStore {
  const simulate = init.simulate;
  let traces: Trace[];
  let baselineMs: number | null;
  if (init.traces) {
    traces = init.traces;
    baselineMs = init.baselineMs ?? baselineOf(traces.find((t) => t.model === 'sequential'));
  } else if (init.scenario && simulate) {
    ({ traces, baselineMs } = deriveTraces(init.scenario, init.models, simulate, init.overrides, init.baseline));
  } else {
    traces = [];
    baselineMs = null;
  }
  const first = derived(traces);

  return createStore<TimelineState>()((set, get) => {
    const commit = (
      scenario: Scenario,
      models: ModelId[],
      overrides: ModelSettings | undefined,
      next: ReturnType<typeof deriveTraces>,
      extra: Partial<TimelineState> = {},
    ) => {
      const d = derived(next.traces);
      set((s) => {
        // A figure showing the whole run keeps showing the whole run; a zoomed one keeps its window.
        const win = isFullWindow({ startMs: s.viewStartMs, endMs: s.viewEndMs }, s.domainMs)
          ? fullWindow(d.domainMs)
          : clampWindow({ startMs: s.viewStartMs, endMs: s.viewEndMs }, d.domainMs);
        return {
          scenario,
          models,
          overrides,
          ...next,
          ...d,
          timeMs: clampTime(s.timeMs >= s.domainMs ? d.domainMs : s.timeMs, d.domainMs),
          hover: null,
          selected: null,
          selection: null,
          viewStartMs: win.startMs,
          viewEndMs: win.endMs,
          revision: s.revision + 1,
          ...extra,
        };
      });
    };
    const runs = pendingRuns(get, set, commit);
    const rederive = (models: ModelId[], overrides: ModelSettings | undefined, scenario = get().scenario) => {
      if (!scenario || !simulate) return;
      const worker = asyncSimulation();
      if (worker && !fitsOnPage(scenario, models, overrides, worker.onPageWork))
        return runs.start(worker.run, scenario, models, overrides);
      assertPageLimits(scenario, overrides);
      const next = deriveTraces(scenario, models, simulate, overrides, init.baseline);
      // A run still pending in the worker is older than this workload: its result is dropped.
      runs.supersede();
      commit(scenario, models, overrides, next, { pending: null, simError: null });
    };
    const win = () => ({ startMs: get().viewStartMs, endMs: get().viewEndMs });
    const show = (w: ViewWindow) => {
      const c = clampWindow(w, get().domainMs);
      if (c.startMs === get().viewStartMs && c.endMs === get().viewEndMs) return;
      set({ viewStartMs: c.startMs, viewEndMs: c.endMs });
    };
    const pixelMs = () => (get().viewEndMs - get().viewStartMs) / Math.max(1, get().plotWidthPx);
    /** Moves the playhead; a window that no longer shows it follows it. */
    const moveTo = (t: number, extra: Partial<TimelineState> = {}) => {
      const { domainMs } = get();
      const timeMs = clampTime(t, domainMs);
      const w = followWindow(win(), timeMs, domainMs);
      set({ ...extra, timeMs, viewStartMs: w.startMs, viewEndMs: w.endMs });
    };
    const firstWindow = init.window ? clampWindow(init.window, first.domainMs) : fullWindow(first.domainMs);
    return {
      scenario: init.scenario ?? null,
      models: init.models,
      original: { scenario: init.scenario ?? null, models: init.models, view: init.view ?? 'task' },
      overrides: init.overrides,
      traces,
      baselineMs,
      ...first,
      view: init.view ?? 'task',
      // The static figure shows the finished trace; nothing moves until asked.
      timeMs: first.domainMs,
      playing: false,
      speed: init.speed ?? 1,
      loop: init.loop ?? false,
      reducedMotion: false,
      hover: null,
      viewStartMs: firstWindow.startMs,
      viewEndMs: firstWindow.endMs,
      selection: null,
      selected: null,
      plotWidthPx: 1200,
      revision: 0,
      pending: null,
      simError: null,
      cancelPending: () => runs.cancel(),

      seek: (t) => moveTo(t),
      nudge: (fraction) => {
        const { timeMs, domainMs } = get();
        moveTo(timeMs + fraction * domainMs);
      },
      play: () => {
        const { timeMs, domainMs } = get();
        if (domainMs <= 0) return;
        set({ playing: true, timeMs: timeMs >= domainMs ? 0 : timeMs });
      },
      pause: () => set({ playing: false }),
      togglePlay: () => (get().playing ? get().pause() : get().play()),
      setSpeed: (speed) => set({ speed: Math.min(4, Math.max(0.25, speed)) }),
      setLoop: (loop) => set({ loop }),
      setView: (view) => set({ view, hover: null }),
      // Steps go to the next change that is visible at the current zoom: at least a pixel away.
      // Step back is the inverse of Step forward: the earliest event from which a step forward lands here.
      stepBack: () => {
        const { timeMs, traces: shown } = get();
        const times = stepTimes(shown);
        const latest = prevEventTime(times, timeMs);
        const earliest = firstEventAtOrAfter(times, latest - 0.999 * pixelMs());
        moveTo(earliest < timeMs ? earliest : latest, { playing: false });
      },
      stepForward: () => {
        const { timeMs, traces: shown, domainMs } = get();
        moveTo(nextEventTime(stepTimes(shown), timeMs + 0.999 * pixelMs(), domainMs), { playing: false });
      },
      jumpToStart: () => moveTo(0),
      jumpToEnd: () => moveTo(get().domainMs, { playing: false }),
      setReducedMotion: (reducedMotion) => set({ reducedMotion }),
      setModels: (models) => rederive(models, get().overrides),
      setOverrides: (overrides) => rederive(get().models, overrides),
      setScenario: (scenario, models) => rederive(models ?? get().models, get().overrides, scenario),
      setHover: (hover) => {
        const cur = get().hover;
        if (cur === hover) return;
        if (
          cur &&
          hover &&
          cur.band === hover.band &&
          cur.span === hover.span &&
          cur.xPct === hover.xPct &&
          cur.y === hover.y
        )
          return;
        set({ hover });
      },
      setWindow: (startMs, endMs) => show({ startMs, endMs }),
      zoomBy: (factor, anchorMs) => {
        const w = win();
        show(zoomWindow(w, factor, anchorMs ?? (w.startMs + w.endMs) / 2, get().domainMs));
      },
      panBy: (fraction) => {
        const w = win();
        show(panWindow(w, fraction * (w.endMs - w.startMs), get().domainMs));
      },
      fit: () => show(fullWindow(get().domainMs)),
      setSelection: (range) => {
        if (!range) return set({ selection: null });
        const a = clampTime(Math.min(range.startMs, range.endMs), get().domainMs);
        const b = clampTime(Math.max(range.startMs, range.endMs), get().domainMs);
        set({ selection: b > a ? { startMs: a, endMs: b } : null });
      },
      setPlotWidth: (px) => {
        if (px > 0 && px !== get().plotWidthPx) set({ plotWidthPx: px });
      },
      select: (selected) => {
        const cur = get().selected;
        if (cur === selected || (cur && selected && cur.band === selected.band && cur.span === selected.span)) return;
        set({ selected });
      },
    };
  });
}
