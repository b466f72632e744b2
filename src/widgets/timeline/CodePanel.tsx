/**
 * The article's Python code beside a timeline, with the line each task is on highlighted as the playhead
 * moves. The code is the article's own highlighted block (so it reads with JavaScript off); after
 * hydration, a store subscription marks its lines directly in the DOM, without re-rendering React per frame.
 */
import { useEffect, useRef, type ReactNode } from 'react';
import { useTimelineApi } from '../../store/context';
import { activeLines, indexTaskSteps, type CodeLineMap, type TaskSteps } from '../../timeline/codeLines';
import type { TimelineState } from '../../store/timelineStore';
import type { ModelId } from '../../sim/types';

function applyLines(root: HTMLElement, active: Map<number, string[]>) {
  const lines = root.querySelectorAll<HTMLElement>('pre .line');
  lines.forEach((el, i) => {
    const tasks = active.get(i + 1);
    if (tasks) {
      el.classList.add('tl-line-active');
      el.dataset.tasks = tasks.length > 3 ? `${tasks.slice(0, 3).join(' ')} +${tasks.length - 3}` : tasks.join(' ');
    } else if (el.classList.contains('tl-line-active')) {
      el.classList.remove('tl-line-active');
      delete el.dataset.tasks;
    }
  });
}

export function CodePanel({ map, model, children }: { map: CodeLineMap; model: ModelId; children: ReactNode }) {
  const api = useTimelineApi();
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const root = ref.current;
    if (!root) return;
    let index: TaskSteps | null = null;
    let traces: TimelineState['traces'] | null = null;
    let key = '';
    const update = (s: TimelineState) => {
      // The code's model; if the reader has hidden it in the editor, the first model shown.
      const trace = s.traces.find((t) => t.model === model) ?? s.traces[0];
      if (!trace) return;
      if (s.traces !== traces) {
        traces = s.traces;
        index = indexTaskSteps(trace);
        key = '';
      }
      const active = activeLines(index!, map, s.timeMs);
      const next = [...active].map(([line, tasks]) => `${line}:${tasks.join(',')}`).join('|');
      if (next === key) return;
      key = next;
      applyLines(root, active);
    };
    update(api.getState());
    return api.subscribe(update);
  }, [api, map, model]);
  return (
    <div className="tl-code" ref={ref}>
      {children}
    </div>
  );
}
