/**
 * The Python code beside a timeline, with the line each task is on highlighted as the playhead moves.
 *
 * For the article's workload the code is the article's own highlighted block (so it reads with
 * JavaScript off). Once the reader changes the workload (an edit or an import), the panel shows a program
 * generated from it for the model in focus (src/sim/python, loaded on demand), with the markers mapped
 * onto its lines. With `generate` (the Playground, which has no article code) the panel always shows the
 * generated program, for the workload as it stands. A store subscription marks lines directly in the DOM,
 * without re-rendering per frame.
 */
import { useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { useTimelineApi, useTimelineStore } from '../../store/context';
import { activeLines, indexTaskSteps, type CodeLineMap, type TaskSteps } from '../../timeline/codeLines';
import type { TimelineState } from '../../store/timelineStore';
import type { ModelId, ModelSettings, Scenario } from '../../sim/types';
import type { generatePython, PythonProgram } from '../../sim/python';
import { GeneratedCode } from './GeneratedCode';
import { useWorkloadChanged } from './WorkloadNote';

/**
 * When the code scrolls in its own box (beside the chart, capped in height), keeps the first marked line in
 * view by scrolling that box only (never the page).
 */
function revealLine(line: HTMLElement) {
  const box = line.closest('pre');
  if (!box || box.scrollHeight <= box.clientHeight + 1) return;
  const top = line.offsetTop - box.offsetTop;
  const bottom = top + line.offsetHeight;
  if (top < box.scrollTop || bottom > box.scrollTop + box.clientHeight)
    box.scrollTop = Math.max(0, top - box.clientHeight / 3);
}

function applyLines(root: HTMLElement, active: Map<number, string[]>) {
  const lines = root.querySelectorAll<HTMLElement>('pre .line');
  let first: HTMLElement | null = null;
  lines.forEach((el, i) => {
    const tasks = active.get(i + 1);
    if (tasks) {
      first ??= el;
      el.classList.add('tl-line-active');
      el.dataset.tasks = tasks.length > 3 ? `${tasks.slice(0, 3).join(' ')} +${tasks.length - 3}` : tasks.join(' ');
    } else if (el.classList.contains('tl-line-active')) {
      el.classList.remove('tl-line-active');
      delete el.dataset.tasks;
    }
  });
  if (first) revealLine(first);
}

type Generated = { ok: true; program: PythonProgram } | { ok: false; error: string } | null;
type Generate = typeof generatePython;

function run(
  generate: Generate,
  scenario: Scenario,
  model: ModelId,
  overrides: ModelSettings | undefined,
  changed: boolean,
) {
  try {
    return { ok: true as const, program: generate(scenario, model, { overrides, changed }) };
  } catch (error) {
    return { ok: false as const, error: error instanceof Error ? error.message : String(error) };
  }
}

/** The program for a changed workload, generated once the generator's code has loaded; null before. */
function useGenerated(scenario: Scenario | null, model: ModelId, overrides: ModelSettings | undefined): Generated {
  const [state, setState] = useState<{ key: unknown[]; value: Generated }>({ key: [], value: null });
  useEffect(() => {
    if (!scenario) return;
    let live = true;
    const done = (value: Generated) => live && setState({ key: [scenario, model, overrides], value });
    import('../../sim/python').then(
      ({ generatePython }) => done(run(generatePython, scenario, model, overrides, true)),
      () => done({ ok: false, error: 'The program could not be loaded.' }),
    );
    return () => {
      live = false;
    };
  }, [scenario, model, overrides]);
  const [s, m, o] = state.key;
  return scenario && s === scenario && m === model && o === overrides ? state.value : null;
}

export interface CodePanelProps {
  /** Markers for the article's code (the children); none without it. */
  map?: CodeLineMap;
  model: ModelId;
  /**
   * The generator, for a panel that always shows the program for its workload, even while it is the
   * article's (the Playground, which has no article code): generated as it renders, on the server too.
   */
  generate?: Generate;
  children?: ReactNode;
}

export function CodePanel({ map, model, generate, children }: CodePanelProps) {
  const api = useTimelineApi();
  const ref = useRef<HTMLDivElement>(null);
  const edited = useWorkloadChanged();
  const changed = edited || !!generate;
  const scenario = useTimelineStore((s) => s.scenario);
  const overrides = useTimelineStore((s) => s.overrides);
  // The code's model; if the reader has hidden it, the first model shown.
  const focus = useTimelineStore((s) => (s.models.includes(model) ? model : (s.models[0] ?? model)));
  const loaded = useGenerated(changed && !generate ? scenario : null, focus, overrides);
  const rendered = useMemo(
    () => (generate && scenario ? run(generate, scenario, focus, overrides, edited) : null),
    [generate, scenario, focus, overrides, edited],
  );
  const generated = rendered ?? loaded;
  const program = changed && generated?.ok ? generated.program : null;
  // Markers for the code on screen: the article's map, the generated program's, or none while it loads.
  const lineMap = useMemo<CodeLineMap | null>(
    () => (!changed ? (map ?? null) : program ? { byTask: program.stepLines, fallback: null } : null),
    [changed, map, program],
  );

  useEffect(() => {
    const root = ref.current;
    if (!root) return;
    if (!lineMap) {
      applyLines(root, new Map());
      return;
    }
    let index: TaskSteps | null = null;
    let traces: TimelineState['traces'] | null = null;
    let key = '';
    const update = (s: TimelineState) => {
      const trace = s.traces.find((t) => t.model === focus) ?? s.traces[0];
      if (!trace) return;
      if (s.traces !== traces) {
        traces = s.traces;
        index = indexTaskSteps(trace);
        key = '';
      }
      const active = activeLines(index!, lineMap, s.timeMs);
      const next = [...active].map(([line, tasks]) => `${line}:${tasks.join(',')}`).join('|');
      if (next === key) return;
      key = next;
      applyLines(root, active);
    };
    update(api.getState());
    return api.subscribe(update);
  }, [api, lineMap, focus]);

  const subject = generate ? 'this workload' : 'the changed workload';
  let body: ReactNode = children;
  if (changed && generated?.ok) body = <GeneratedCode program={generated.program} subject={subject} />;
  else if (changed && generated && !generated.ok)
    body = (
      <p className="tl-code-error" role="alert">
        No Python program for {subject}: {generated.error}
      </p>
    );
  return (
    <div className="tl-code" ref={ref} data-code={program ? 'generated' : 'article'}>
      {body}
    </div>
  );
}
