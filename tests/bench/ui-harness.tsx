/**
 * The page `npm run bench:ui` drives: one real timeline widget (production build), and two measurements
 * exposed on `window.bench`:
 * - resimulate(n): n re-simulation requests through the widget's store (a settings change that makes every
 *   model simulate again), each timed from the request to the first task that runs after it is painted;
 *   mounted with `worker`, the store re-simulates as a page does once the workload editor has loaded
 *   (simClient.ts): a workload small enough (pendingRun.ts ON_PAGE_WORK, e.g. the 100 tasks) on the page in
 *   the edit's own frame, a larger one in the page's worker, timed then to the paint of the frame after the
 *   traces came back; stages() says where each request's time went (the edit's own call, the worker's
 *   simulating, building and packing, the result's arrival and unpacking, the commit, the paint);
 * - recordFrames(): per-frame main-thread time (from the frame's first input event or animation-frame
 *   callback to just after its paint) and the interval between frames, while the caller scrubs;
 * - recordBlocking(): the longest stretch the main thread stayed busy, whatever kept it busy.
 */
import { createRoot } from 'react-dom/client';
import { flushSync } from 'react-dom';
import { parseScenario, simulate, type ModelId, type Scenario } from '../../src/sim';
import { createTimelineStore, setAsyncSimulation, type TimelineStore } from '../../src/store/timelineStore';
import { installWorkerSimulation, pageSimClient } from '../../src/store/simClient';
import { TimelineView } from '../../src/widgets/timeline/TimelineView';
import { sequentialMakespan } from '../../src/widgets/timeline/Timeline';
import '../../src/site/styles/index.css';
import gilTwoCounters from '../../content/scenarios/gil-two-counters.json';

function downloads(count: number): Scenario {
  return parseScenario(
    {
      id: `bench-${count}`,
      title: `${count} downloads`,
      machine: { cores: 2 },
      tasks: [
        {
          name: 'd',
          count,
          // A download then its parsing, as on the ten-thousand-tasks page: two steps a task keeps 10 000
          // tasks inside what the page simulates (src/sim/limits.ts).
          steps: [
            { kind: 'io', durationMs: 400 },
            { kind: 'cpu', durationMs: 0.2 },
          ],
        },
      ],
    },
    'bench',
  );
}

const afterPaint = () =>
  new Promise<number>((resolve) =>
    requestAnimationFrame(() => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => resolve(performance.now());
      channel.port2.postMessage(null);
    }),
  );

let store: TimelineStore | null = null;
const root = createRoot(document.getElementById('root')!);

function mount(tasks: number, models: ModelId[], worker = false) {
  if (worker) installWorkerSimulation();
  else setAsyncSimulation(null);
  store = createTimelineStore({ scenario: downloads(tasks), models, simulate, baseline: sequentialMakespan });
  const s = store;
  flushSync(() => root.render(<TimelineView key={`${tasks}-${models.join()}`} store={s} caption={`${tasks} tasks`} />));
}

/**
 * Where one request's time went (ms from the request): `editMs`, the request's own call (on the page: the
 * simulation and the store's update); in the worker, the worker's stages (simClient.ts RunStages), when the
 * result reached the page, its unpacking; `commitAt`, when the store took the new traces; `paintedAt`, the
 * first task after the frame that painted them.
 */
interface Stages {
  editMs: number;
  simulateMs?: number;
  materializeMs?: number;
  packMs?: number;
  startWaitMs?: number;
  otherMs?: number;
  transitMs?: number;
  receivedAt?: number;
  unpackMs?: number;
  commitAt: number;
  paintedAt: number;
}

let stages: Stages[] = [];

/**
 * Each request is made at the start of a frame (in an animation-frame callback, as an input handler
 * would run), and timed until the first task after that frame's paint: the request's own frame shows the
 * new trace when the work fits in it.
 */
function resimulateOnce(i: number): Promise<number> {
  return new Promise((resolve) =>
    requestAnimationFrame(() => {
      const s = store!;
      const t0 = performance.now();
      const revision = s.getState().revision;
      let commitAt = 0;
      const painted = () => {
        const channel = new MessageChannel();
        channel.port1.onmessage = () => {
          const paintedAt = performance.now() - t0;
          const w = pageSimClient()?.lastStages;
          const fromWorker = w && w.receivedAt > t0 ? { ...w, receivedAt: w.receivedAt - t0 } : {};
          stages.push({ editMs, ...fromWorker, commitAt, paintedAt });
          resolve(paintedAt);
        };
        channel.port2.postMessage(null);
      };
      s.getState().setOverrides({ switchIntervalMs: i % 2 ? 5 : 4 });
      const editMs = performance.now() - t0;
      if (s.getState().revision !== revision) {
        commitAt = editMs;
        return painted();
      }
      // Simulated in the worker: the new traces are committed when they arrive, and painted in the next frame.
      const stop = s.subscribe((next) => {
        if (next.revision === revision) return;
        commitAt = performance.now() - t0;
        stop();
        requestAnimationFrame(painted);
      });
    }),
  );
}

async function resimulate(n: number): Promise<number[]> {
  const times: number[] = [];
  stages = [];
  for (let i = 0; i < n; i++) {
    await afterPaint();
    times.push(await resimulateOnce(i));
  }
  return times;
}

function recordFrames() {
  const work: number[] = [];
  const intervals: number[] = [];
  let frameStart: number | null = null;
  let lastFrame: number | null = null;
  let running = true;
  const onInput = () => {
    frameStart ??= performance.now();
  };
  window.addEventListener('pointermove', onInput, { capture: true });
  window.addEventListener('wheel', onInput, { capture: true });
  const loop = (now: number) => {
    if (!running) return;
    frameStart ??= performance.now();
    if (lastFrame !== null) intervals.push(now - lastFrame);
    lastFrame = now;
    const start = frameStart;
    const channel = new MessageChannel();
    channel.port1.onmessage = () => work.push(performance.now() - start);
    channel.port2.postMessage(null);
    frameStart = null;
    requestAnimationFrame(loop);
  };
  requestAnimationFrame(loop);
  return {
    stop() {
      running = false;
      window.removeEventListener('pointermove', onInput, { capture: true });
      window.removeEventListener('wheel', onInput, { capture: true });
      return { work, intervals };
    },
  };
}

/** The threads article's two counting loops (sequential and threads, worker lanes), as the page shows them. */
function mountTwoLoops() {
  const scenario = parseScenario(gilTwoCounters, 'gil-two-counters.json');
  store = createTimelineStore({ scenario, models: ['sequential', 'threads'], simulate, view: 'worker' });
  const s = store;
  flushSync(() => root.render(<TimelineView key="two-loops" store={s} caption="Two counting loops" />));
}

/**
 * The longest the main thread stayed busy (any task, rendering included) while the page was otherwise idle:
 * a chain of zero-delay timeouts, each noting how late it ran. What a render outside any input or animation
 * frame (a timer's) costs, which recordFrames does not see.
 */
function recordBlocking() {
  let running = true;
  let longest = 0;
  let last = performance.now();
  const tick = () => {
    if (!running) return;
    const now = performance.now();
    longest = Math.max(longest, now - last);
    last = now;
    setTimeout(tick, 0);
  };
  setTimeout(tick, 0);
  return {
    stop() {
      running = false;
      return longest;
    },
  };
}

let blocking: ReturnType<typeof recordBlocking> | null = null;

/** Long tasks (> 50 ms) seen since the last call. */
const longTasks: number[] = [];
if (typeof PerformanceObserver !== 'undefined' && PerformanceObserver.supportedEntryTypes?.includes('longtask'))
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) longTasks.push(e.duration);
  }).observe({ type: 'longtask', buffered: false });

let recorder: ReturnType<typeof recordFrames> | null = null;

Object.assign(window, {
  bench: {
    mount,
    mountTwoLoops,
    longTasks: () => longTasks.splice(0),
    resimulate,
    /** The stages of each request of the last resimulate(n). */
    stages: () => stages,
    startFrames: () => {
      recorder = recordFrames();
    },
    stopFrames: () => recorder!.stop(),
    startBlocking: () => {
      blocking = recordBlocking();
    },
    stopBlocking: () => blocking!.stop(),
    ready: true,
  },
});
