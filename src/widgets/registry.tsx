import type { MDXComponents } from 'mdx/types';
import { CodeBlock, Table } from './prose/CodeBlock';
import { ArticleTimeline } from './timeline/ArticleTimeline';
import { Knob, Playground, Predict, Result } from './tagIslands';
import { ModelTable } from './table';
import { DecisionGuide } from './guide';
import { ZoomTo } from './prose/ZoomTo';

export { primeScenarios } from '../content/scenarios';
export { preparePage } from './tagIslands';

/**
 * The one place where MDX tags meet components. Articles import nothing: every tag they use is listed here.
 */
export const mdxComponents: MDXComponents = {
  pre: CodeBlock,
  table: Table,
  Timeline: ArticleTimeline,
  Predict,
  Knob,
  Result,
  Playground,
  ModelTable,
  DecisionGuide,
  ZoomTo,
};
