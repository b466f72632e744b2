/**
 * <DecisionGuide> as registered for articles: imported up front on the server (the page is prerendered
 * with it); in the browser, the prerendered guide stays as its HTML until the reader acts (scrolls near it,
 * or reaches for it: src/widgets/near), then its chunk is fetched with what it uses (kit.ts: the scenarios
 * and the timeline) and hydrates it, so pages without a guide never download it.
 */
import type { ComponentType } from 'react';
import type { DecisionGuideProps } from './DecisionGuide';
import { island } from '../near/hydrateWhenNear';

async function loadGuide(): Promise<ComponentType<DecisionGuideProps>> {
  const [{ DecisionGuide: Impl }, { guideKit }] = await Promise.all([import('./DecisionGuide'), import('./kit')]);
  return function GuideWithKit(props: DecisionGuideProps) {
    return <Impl {...props} kit={guideKit} />;
  };
}

const serverGuide = import.meta.env.SSR ? await loadGuide() : null;

export const DecisionGuide = island<DecisionGuideProps>({
  server: () => serverGuide,
  load: loadGuide,
  className: 'guide-island',
  wake: 'scrolled',
});
