/**
 * For a number or a figure in the prose: the timeline with that id on the page, prepared from its tag (as
 * the build recorded it) if the timeline itself has not rendered yet, so the sentence may come first.
 */
import { pageTag, preparePageTimeline } from '../../store/pageTimelines';
import { prepareTimeline, type TimelineProps } from '../timeline/Timeline';

export function useBoundTimeline(id: string): ReturnType<typeof prepareTimeline> | undefined {
  const tag = pageTag(id);
  // The widget's own prepare checks the props the build recorded.
  return tag ? preparePageTimeline(tag as TimelineProps, prepareTimeline) : undefined;
}
