/**
 * The details of the selected span (click, tap or Enter on it): task, step, state, start, end, duration and
 * why. A region named "Span details"; Escape or the close button closes it.
 */
import { useEffect, useMemo, useRef } from 'react';
import { useTimelineApi, useTimelineStore } from '../../store/context';
import type { TimelineLayout } from '../../timeline/layout';
import { spanDetails, type StepNamer } from '../../timeline/details';
import { expandTasks } from '../../sim';

export function DetailsPanel({ layout, uid }: { layout: TimelineLayout; uid: string }) {
  const api = useTimelineApi();
  const selected = useTimelineStore((s) => s.selected);
  const scenario = useTimelineStore((s) => s.scenario);
  const name: StepNamer | undefined = useMemo(() => {
    if (!scenario) return undefined;
    const tasks = expandTasks(scenario);
    return (task, step) => tasks[task]?.steps[step]?.label;
  }, [scenario]);
  const band = selected ? layout.bands[selected.band] : undefined;
  const span = band && selected ? band.ix.spans[selected.span] : undefined;
  const d = band && span ? spanDetails(band.ix, span, name) : null;
  // The lane's whole name (its label may be cut short beside a narrow chart), when it is not the task's.
  const lane = band && span ? band.trace.lanes[span.lane]?.label : undefined;
  const closeRef = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (!d) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Escape') return;
      const fig = closeRef.current?.closest('figure');
      if (fig && !fig.contains(document.activeElement) && document.activeElement !== document.body) return;
      api.getState().select(null);
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [api, d]);
  if (!d) return null;
  const id = `${uid}-details`;
  return (
    <section className="tl-details" role="region" aria-labelledby={id}>
      <h3 id={id} className="tl-details-title">
        Span details: {d.task}
      </h3>
      <button
        ref={closeRef}
        type="button"
        className="tl-btn tl-details-close"
        aria-label="Close details"
        onClick={() => api.getState().select(null)}
      >
        ×
      </button>
      <dl className="tl-details-list">
        <dt>Task</dt>
        <dd>{d.task}</dd>
        {lane && lane !== d.task ? (
          <>
            <dt>Lane</dt>
            <dd>{lane}</dd>
          </>
        ) : null}
        <dt>Step</dt>
        <dd>{d.step}</dd>
        <dt>State</dt>
        <dd>{d.state}</dd>
        <dt>Start</dt>
        <dd className="tl-num">{d.start}</dd>
        <dt>End</dt>
        <dd className="tl-num">{d.end}</dd>
        <dt>Duration</dt>
        <dd className="tl-num">{d.duration}</dd>
        <dt>Why</dt>
        <dd className="tl-details-why">{d.why}</dd>
      </dl>
    </section>
  );
}
