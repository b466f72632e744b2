/**
 * Tags few pages use (<Knob>, <Result>, <Playground>) are loaded only with the pages that use them:
 * loadContent awaits preparePage with the page's details (the tags it uses, its timelines with an id)
 * before rendering, on the server and before hydration, so these render synchronously like any other tag.
 */
import type { ComponentType } from 'react';
import { beginPage } from '../../store/pageTimelines';

type Tags = typeof import('./tags');
let tags: Tags | null = null;

export async function preparePage(page: { widgets?: string[]; timelines?: object[] }): Promise<void> {
  beginPage(page.timelines);
  if (!tags && page.widgets?.some((w) => w === 'Knob' || w === 'Result' || w === 'Playground')) {
    tags = await import('./tags');
  }
}

function lazyTag<K extends keyof Tags>(name: K): Tags[K] {
  return function LazyTag(props: object) {
    const Tag = tags?.[name] as ComponentType<object> | undefined;
    return Tag ? <Tag {...props} /> : <span className="knob-problem">[{name} was not loaded with this page]</span>;
  } as Tags[K];
}

export const Knob = lazyTag('Knob');
export const Result = lazyTag('Result');
export const Playground = lazyTag('Playground');
