/**
 * The tags few pages use (<Knob>, <Result>, <Playground>) and <Predict> as islands: rendered whole on the server (their
 * code is loaded there with the page: knob/lazy.tsx), prerendered HTML in the browser until the reader
 * acts, like the timelines (timeline/ArticleTimeline.tsx). A number in the prose is an island of the group
 * of the timeline it is bound to (`for`), so it wakes with that figure and fetches the same code.
 */
import type { ComponentType } from 'react';
import type { KnobProps } from './knob/Knob';
import type { ResultProps } from './knob/Result';
import type { PlaygroundProps } from './playground/Playground';
import type { PredictProps } from './predict/Predict';
import {
  Knob as ServerKnob,
  Playground as ServerPlayground,
  Result as ServerResult,
  preparePage as prepareTags,
} from './knob/lazy';
import { island } from './near/hydrateWhenNear';
import { resetGroups } from './near/groups';
import { loadBound, prepareServerTimeline } from './timeline/ArticleTimeline';
import { beginPage } from '../store/pageTimelines';

const onServer = <P,>(impl: ComponentType<P>) => (import.meta.env.SSR ? impl : null);

export const Knob = island<KnobProps>({
  server: () => onServer(ServerKnob),
  load: async () => (await loadBound()).Knob,
  className: 'knob-island',
  as: 'span',
  wake: 'scrolled',
  group: (props) => props.for,
});

export const Result = island<ResultProps>({
  server: () => onServer(ServerResult),
  load: async () => (await loadBound()).Result,
  className: 'knob-island',
  as: 'span',
  wake: 'scrolled',
  group: (props) => props.for,
});

export const Playground = island<PlaygroundProps>({
  server: () => onServer(ServerPlayground),
  load: () => import('./playground/Playground').then((m) => m.Playground),
  className: 'pg-island widget-wide',
  wake: 'scrolled',
});

const loadPredict = () => import('./predict/Predict').then((m) => m.Predict);
const serverPredict = import.meta.env.SSR ? await loadPredict() : null;

/**
 * A prediction asks its question in HTML; its code (which simulates the answer) arrives when the reader
 * reaches for it, and the choice or the click that woke it is replayed (intent.ts).
 */
export const Predict = island<PredictProps>({
  server: () => serverPredict,
  load: loadPredict,
  className: 'predict-island',
  wake: 'scrolled',
});

/**
 * Before a page renders: the page's timelines with an id (pageTimelines.ts); on the server, also the code of
 * its widgets, so that they render whole into the HTML. The browser fetches that code only when the reader acts.
 */
export async function preparePage(page: { widgets?: string[]; timelines?: object[] }): Promise<void> {
  if (import.meta.env.SSR) {
    await Promise.all([prepareTags(page), prepareServerTimeline()]);
    return;
  }
  resetGroups();
  beginPage(page.timelines);
}
