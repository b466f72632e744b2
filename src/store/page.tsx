/**
 * The page's registry of timelines, provided around an article's content (see pageTimelines.ts for what
 * the widgets do with it). Kept apart so that pages without widgets load only this.
 */
import { createContext, useState, type ReactNode } from 'react';
import type { TimelineStore } from './timelineStore';

/** The props of a Timeline tag that say which timeline it is (as written in the article). */
export interface TimelineTag {
  id?: string;
  scenario?: string;
}

export interface TimelinePage {
  /** Tags with an id, from the build. */
  tags: readonly TimelineTag[];
  /** Prepared timelines by id. */
  prepared: Map<string, unknown>;
  /** Widget keys in use on the page. */
  keys: Map<string, TimelineStore>;
}

export const PageContext = createContext<TimelinePage | null>(null);

/** Keeps the string props of each tag (the build gives `true` for props written as expressions). */
function tagsOf(raw: readonly Readonly<Record<string, unknown>>[]): TimelineTag[] {
  return raw.map((props) => {
    const tag: Record<string, string> = {};
    for (const [k, v] of Object.entries(props)) if (typeof v === 'string') tag[k] = v;
    return tag;
  });
}

export function TimelinePageProvider({
  tags = [],
  children,
}: {
  tags?: readonly Readonly<Record<string, unknown>>[];
  children: ReactNode;
}) {
  const [page] = useState<TimelinePage>(() => ({ tags: tagsOf(tags), prepared: new Map(), keys: new Map() }));
  return <PageContext.Provider value={page}>{children}</PageContext.Provider>;
}
