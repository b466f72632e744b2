/**
 * <Timeline> with the workload bar (the editor's EditBar) in its slot: what articles, the decision guide and
 * the home page show. The timeline takes the bar as a prop instead of importing the editor, so the editor
 * (and the playground picker it loads) can use the timeline without an import cycle.
 */
import { EditBar } from '../editor/EditBar';
import { Timeline, type TimelineProps } from './Timeline';

export function EditingTimeline(props: TimelineProps) {
  return <Timeline {...props} editBar={<EditBar />} />;
}
