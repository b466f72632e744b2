/**
 * <DecisionGuide> as registered for articles: imported up front on the server (the page is prerendered
 * with it), a chunk of its own in the browser that hydrates the prerendered guide when it arrives, so pages
 * without a guide never download it.
 */
import { lazy, Suspense, type ComponentType } from 'react';
import type { DecisionGuideProps } from './DecisionGuide';
import { guideKit, type GuideKit } from './kit';

const Impl: ComponentType<DecisionGuideProps & { kit: GuideKit }> = import.meta.env.SSR
  ? (await import('./DecisionGuide')).DecisionGuide
  : lazy(() => import('./DecisionGuide').then((m) => ({ default: m.DecisionGuide })));

export function DecisionGuide(props: DecisionGuideProps) {
  return (
    <Suspense fallback={null}>
      <Impl {...props} kit={guideKit} />
    </Suspense>
  );
}
