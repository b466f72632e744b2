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
    headings: Heading[];
  }
  export const articles: ArticleMeta[];
  export const pages: ArticleMeta[];
}
