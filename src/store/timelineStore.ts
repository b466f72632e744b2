/**
 * One store per timeline widget (React-free core, zustand/vanilla).
 *
 * Traces are derived from scenario + models (+ setting overrides) in exactly one place,
 * `deriveTraces`; everything else (time, playback, view, hover) is plain state.
 */
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { ModelId, ModelSettings, Scenario, Trace } from '../sim/types';
import { eventTimes, nextEventTime, prevEventTime } from '../timeline/events';
import type { ViewMode } from '../timeline/layout';
import { clampTime } from '../timeline/scale';

export type SimulateFn = (scenario: Scenario, model: ModelId, overrides?: ModelSettings) => Trace;
/** The sequential makespan without simulating it (optional shortcut for big scenarios). */
export type BaselineFn = (scenario: Scenario, overrides?: ModelSettings) => number | null;

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
  /** Sorted event times of all traces (for stepping). */
  eventTimes: Float64Array;
  view: ViewMode;
  timeMs: number;
  playing: boolean;
  speed: number;
  loop: boolean;
  reducedMotion: boolean;
  hover: HoverTarget | null;
  /** Bumped whenever traces are re-derived (for timing re-simulation to paint). */
  revision: number;

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
}

export type TimelineStore = StoreApi<TimelineState>;

/** Traces for the models, plus the sequential makespan to compare against. Throws what simulate throws. */
export function deriveTraces(
  scenario: Scenario,
  models: readonly ModelId[],
  simulate: SimulateFn,
  overrides?: ModelSettings,
  baseline?: BaselineFn,
): { traces: Trace[]; baselineMs: number | null } {
  const traces = models.map((m) => simulate(scenario, m, overrides));
  const seq = traces.find((t) => t.model === 'sequential');
  let baselineMs: number | null = seq ? seq.makespanMs : (baseline?.(scenario, overrides) ?? null);
  if (baselineMs === null) {
    try {
      baselineMs = simulate(scenario, 'sequential', overrides).makespanMs;
    } catch {
      baselineMs = null;
    }
  }
  return { traces, baselineMs };
}

function derived(traces: Trace[]) {
  const domainMs = Math.max(0, ...traces.map((t) => t.makespanMs));
  return { domainMs, eventTimes: eventTimes(traces) };
}

export function createTimelineStore(init: TimelineInit): TimelineStore {
  const simulate = init.simulate;
  let traces: Trace[];
  let baselineMs: number | null;
  if (init.traces) {
    traces = init.traces;
    baselineMs = init.baselineMs ?? traces.find((t) => t.model === 'sequential')?.makespanMs ?? null;
  } else if (init.scenario && simulate) {
    ({ traces, baselineMs } = deriveTraces(init.scenario, init.models, simulate, init.overrides, init.baseline));
  } else {
    traces = [];
    baselineMs = null;
  }
  const first = derived(traces);

  return createStore<TimelineState>()((set, get) => {
    const rederive = (models: ModelId[], overrides: ModelSettings | undefined, scenario = get().scenario) => {
      if (!scenario || !simulate) return;
      const next = deriveTraces(scenario, models, simulate, overrides, init.baseline);
      const d = derived(next.traces);
      set((s) => ({
        scenario,
        models,
        overrides,
        ...next,
        ...d,
        timeMs: clampTime(s.timeMs >= s.domainMs ? d.domainMs : s.timeMs, d.domainMs),
        hover: null,
        revision: s.revision + 1,
      }));
    };
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
      revision: 0,

      seek: (t) => set({ timeMs: clampTime(t, get().domainMs) }),
      nudge: (fraction) => {
        const { timeMs, domainMs } = get();
        set({ timeMs: clampTime(timeMs + fraction * domainMs, domainMs) });
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
      stepBack: () => {
        const { timeMs, eventTimes: times } = get();
        set({ playing: false, timeMs: prevEventTime(times, timeMs) });
      },
      stepForward: () => {
        const { timeMs, eventTimes: times, domainMs } = get();
        set({ playing: false, timeMs: clampTime(nextEventTime(times, timeMs, domainMs), domainMs) });
      },
      jumpToStart: () => set({ timeMs: 0 }),
      jumpToEnd: () => set({ timeMs: get().domainMs, playing: false }),
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
    };
  });
}
