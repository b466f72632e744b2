/**
 * <Timeline> as articles use it. The prerendered figure is complete and readable, so no timeline code runs
 * before the reader acts: each figure stays as its HTML until the page has scrolled and it comes within a
 * screen of the viewport, or until the reader reaches for it (focus, pointer, touch, a key: intent.ts holds
 * that input and replays it), or a link, a prediction or a zoom phrase names it. Only then are the timeline's
 * code and the simulator fetched, and the figure hydrates.
 *
 * A timeline with an id forms a group with the numbers in the prose bound to it (<Knob for>, <Result for>):
 * they share one store, so they wake and become ready together (near/groups.ts), and each loads the code of
 * all of them (loadBound).
 */
import { island } from '../near/hydrateWhenNear';
import type { TimelineProps } from './Timeline';
import type { ComponentType } from 'react';

const loadTimeline = () => import('./EditingTimeline').then((m) => m.EditingTimeline);

/** The code of a timeline and of the numbers bound to it, fetched together by every island of the group. */
export async function loadBound() {
  const [Timeline, { Knob }, { Result }] = await Promise.all([
    loadTimeline(),
    import('../knob/Knob'),
    import('../knob/Result'),
  ]);
  return { Timeline, Knob, Result };
}

export const ArticleTimeline = island<TimelineProps>({
  server: () => serverTimeline,
  load: async (props) => (props.id === undefined ? loadTimeline() : (await loadBound()).Timeline),
  className: 'tl-island widget-wide',
  wake: 'scrolled',
  group: (props) => props.id,
});

let serverTimeline: ComponentType<TimelineProps> | null = null;

/** On the server, before a page renders: the timeline itself, to render whole into the page's HTML. */
export async function prepareServerTimeline(): Promise<void> {
  if (import.meta.env.SSR) serverTimeline ??= await loadTimeline();
}
