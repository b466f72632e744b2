/**
 * <Timeline> as articles use it. Hydrating a timeline means simulating and laying out its whole trace
 * again to match the prerendered figure, so a page with several (or one of ten thousand tasks) would spend
 * its first seconds on figures far below. A timeline that no number in the prose is bound to (no `id`)
 * therefore stays as its prerendered figure, readable, until the reader scrolls within a screen of it,
 * then hydrates. Bound timelines hydrate with the page, since the numbers in the prose drive them.
 */
import { hydrateWhenNear } from '../near/hydrateWhenNear';
import { EditingTimeline } from './EditingTimeline';
import type { TimelineProps } from './Timeline';

const Deferred = hydrateWhenNear<TimelineProps>(
  import.meta.env.SSR ? EditingTimeline : null,
  async () => EditingTimeline,
  'tl-island widget-wide',
);

export function ArticleTimeline(props: TimelineProps) {
  return props.id === undefined ? <Deferred {...props} /> : <EditingTimeline {...props} />;
}
