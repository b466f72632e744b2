declare module '*.mdx' {
  import type { ComponentType } from 'react';
  import type { MDXComponents } from 'mdx/types';
  export const frontmatter: Record<string, unknown>;
  const MDXContent: ComponentType<{ components?: MDXComponents }>;
  export default MDXContent;
}

declare module 'virtual:articles' {
  export interface Heading {
    depth: 2 | 3;
    text: string;
    id: string;
  }
  export interface ArticleMeta {
    slug: string;
    title: string;
    summary: string;
    /** Absent on standalone pages. */
    order: number;
    readingTime: number;
    /** Filled in by loadContent when the page's own content loads (empty in the list). */
    headings: Heading[];
    /** Ids of the scenarios the page's widgets name (filled in by loadContent). */
    scenarios: string[];
    /** The props of its Timeline tags that have an id (string values; `true` for expressions). */
    timelines: Record<string, string | true>[];
    /** The MDX tags it uses (filled in by loadContent). */
    widgets: string[];
  }
  export const articles: ArticleMeta[];
  export const pages: ArticleMeta[];
  /** Per article or page: the module with its headings, its scenarios (ids and validated contents) and tags. */
  export const details: Record<
    string,
    () => Promise<{
      default: Pick<ArticleMeta, 'summary' | 'headings' | 'scenarios' | 'timelines' | 'widgets'> & {
        scenarioEntries: Record<string, import('../content/scenarios').ScenarioEntry>;
      };
    }>
  >;
  /** Every article's and page's summary by slug, for the home page (the lists above leave them empty). */
  export const summaries: () => Promise<{ default: Record<string, string> }>;
}

declare module 'virtual:scenarios' {
  import type { ScenarioEntry } from '../content/scenarios';
  export const scenarioLoaders: Record<string, () => Promise<{ default: ScenarioEntry }>>;
}
