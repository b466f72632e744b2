/**
 * The figure's side of a prediction, as small pieces TimelineView renders: the attributes of its <figure>
 * (where it sits on the page, and `data-sealed` while its question waits: the stylesheet then hides its
 * totals, speed-ups and what lies ahead of the playhead), and the note that marks the answer as the reveal
 * plays, with the band or the task that answers picked out in the chart.
 */
import { useEffect, useRef } from 'react';
import { useStore } from 'zustand';
import { useTimelineApi, useTimelineStore } from '../../store/context';
import { placementAttrs, placementOf } from '../../store/placement';
import { revealOf } from '../../store/reveal';
import { nameWidget } from '../../share/names';
import type { TimelineLayout } from '../../timeline/layout';

export function useFigureAttrs(): Record<string, string> {
  const store = useTimelineApi();
  const sealed = useStore(revealOf(store), (s) => s.sealed);
  useEffect(() => {
    const placed = placementOf(store);
    if (placed) nameWidget(store, placed.key);
  }, [store]);
  return { ...placementAttrs(store), ...(sealed ? { 'data-sealed': '' } : {}) };
}

/** Picks out the answering band header (and task label) in the figure's chart; returns the undo. */
function markChart(figure: Element, band: number, task: string | undefined): () => void {
  const marked: Element[] = [];
  const header = figure.querySelectorAll('.tl-band-header')[band];
  if (header) marked.push(header);
  const labels = figure.querySelectorAll('.tl-labels > div')[band];
  const lane = task
    ? [...(labels?.querySelectorAll('.tl-lane-label') ?? [])].find((l) => l.textContent === task)
    : null;
  if (lane) marked.push(lane);
  for (const el of marked) el.setAttribute('data-answer', '');
  return () => marked.forEach((el) => el.removeAttribute('data-answer'));
}

export function RevealNote({ layout }: { layout: TimelineLayout }) {
  const store = useTimelineApi();
  const answer = useStore(revealOf(store), (s) => s.answer);
  const sealed = useStore(revealOf(store), (s) => s.sealed);
  const reached = useTimelineStore((s) => !!answer && s.timeMs >= Math.min(answer.atMs, s.domainMs) - 1e-9);
  const ref = useRef<HTMLParagraphElement>(null);
  const band = answer ? layout.bands.findIndex((b) => b.trace.model === answer.model) : -1;
  useEffect(() => {
    const figure = ref.current?.closest('figure');
    if (!figure || !answer || !reached || band < 0) return;
    return markChart(figure, band, answer.task);
  }, [answer, reached, band, layout]);
  if (sealed) return <p className="tl-sealed-note">Totals are hidden until you answer the question above.</p>;
  if (!answer) return null;
  return (
    <p ref={ref} className="tl-answer" data-reached={reached ? '' : undefined}>
      <span className="tl-answer-tag">Answer</span>{' '}
      {reached ? answer.text : 'playing from the start; the answer is marked when it happens'}
    </p>
  );
}
