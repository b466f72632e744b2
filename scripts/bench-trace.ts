/**
 * A Chrome trace (Playwright's browser.startTracing, with the V8 sampling profiler's category) summed up for
 * `npm run bench:ui -- --zoom --profile`: the renderer main thread's time by kind of work (script, style,
 * layout, paint…) and the JavaScript functions with the most self time.
 */

interface TraceEvent {
  name: string;
  ph: string;
  id?: string;
  ts: number;
  dur?: number;
  pid: number;
  tid: number;
  args?: {
    name?: string;
    data?: {
      cpuProfile?: { nodes?: ProfileNode[]; samples?: number[] };
      timeDeltas?: number[];
    };
  };
}

interface ProfileNode {
  id: number;
  parent?: number;
  callFrame: { functionName: string; url?: string; lineNumber?: number };
}

/** Trace event names grouped into the kinds of work the Performance panel shows. */
const KINDS: Record<string, string> = {
  FunctionCall: 'script',
  EventDispatch: 'script',
  FireAnimationFrame: 'script',
  TimerFire: 'script',
  EvaluateScript: 'script',
  'v8.callFunction': 'script',
  RunMicrotasks: 'script',
  UpdateLayoutTree: 'style',
  ParseAuthorStyleSheet: 'style',
  Layout: 'layout',
  PrePaint: 'paint',
  Paint: 'paint',
  Layerize: 'paint',
  Commit: 'paint',
  PaintImage: 'paint',
  MajorGC: 'gc',
  MinorGC: 'gc',
  'V8.GC_SCAVENGER': 'gc',
};

export interface TraceSummary {
  /** Main-thread ms by kind of work (outermost events only, so that nested ones are not counted twice). */
  kinds: Record<string, number>;
  /** Top functions by self time, ms. */
  functions: { name: string; selfMs: number }[];
}

export function summariseTrace(events: TraceEvent[], top = 25, thread = 'CrRendererMain'): TraceSummary {
  const main = events.find((e) => e.name === 'thread_name' && e.args?.name === thread);
  const onMain = (e: TraceEvent) => !!main && e.pid === main.pid && e.tid === main.tid;
  const kinds: Record<string, number> = {};
  // Outermost events per kind: an event inside another of the same kind is already counted.
  const spans = events.filter((e) => e.ph === 'X' && onMain(e) && KINDS[e.name] && e.dur).sort((a, b) => a.ts - b.ts);
  const openUntil: Record<string, number> = {};
  for (const e of spans) {
    const kind = KINDS[e.name];
    if ((openUntil[kind] ?? -1) >= e.ts + e.dur!) continue;
    kinds[kind] = (kinds[kind] ?? 0) + e.dur! / 1000;
    openUntil[kind] = Math.max(openUntil[kind] ?? -1, e.ts + e.dur!);
  }
  // The sampling profiler's chunks: nodes accumulate, each sample is the leaf node for its time delta.
  // The chunks come from the profiler's own thread; a profile's first event ('Profile') is on the thread
  // it samples, and its chunks carry its id (node ids are the profile's own).
  const mine = new Set(events.filter((e) => e.name === 'Profile' && onMain(e)).map((e) => e.id));
  const nodes = new Map<number, ProfileNode>();
  const self = new Map<string, number>();
  for (const e of events) {
    if (e.name !== 'ProfileChunk' || !main || e.pid !== main.pid || !mine.has(e.id)) continue;
    const p = e.args?.data?.cpuProfile;
    for (const n of p?.nodes ?? []) nodes.set(n.id, n);
    const samples = p?.samples ?? [];
    const deltas = e.args?.data?.timeDeltas ?? [];
    for (let i = 0; i < samples.length; i++) {
      const n = nodes.get(samples[i]);
      if (!n) continue;
      const f = n.callFrame;
      const file = (f.url ?? '').split('/').pop() ?? '';
      const name = `${f.functionName || '(anonymous)'} ${file}:${(f.lineNumber ?? -1) + 1}`;
      // A sample's time is the delta to the next one.
      const dt = (deltas[i + 1] ?? 0) / 1000;
      self.set(name, (self.get(name) ?? 0) + dt);
    }
  }
  const functions = [...self]
    .filter(([name]) => !name.startsWith('(idle)') && !name.startsWith('(program)'))
    .sort((a, b) => b[1] - a[1])
    .slice(0, top)
    .map(([name, selfMs]) => ({ name, selfMs }));
  return { kinds, functions };
}
