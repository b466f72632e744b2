/** Said in a figure's caption once the reader has changed (edited or imported) the article's workload. */
import { useTimelineStore } from '../../store/context';

export function useWorkloadChanged(): boolean {
  return useTimelineStore((s) => s.scenario !== null && s.scenario !== s.original.scenario);
}

export function WorkloadNote({ hasCode }: { hasCode: boolean }) {
  const changed = useWorkloadChanged();
  if (!changed) return null;
  return (
    <span className="tl-caption-changed">
      {' '}
      · Workload changed from the article’s{hasCode ? '; the code is a program written for it' : ''}.
    </span>
  );
}
