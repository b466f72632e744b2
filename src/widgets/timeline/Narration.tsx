/**
 * One sentence for the moment under the playhead, in a polite live region. Silent while playing; it
 * speaks once on pause, at the end, and after a step, a seek or a scrub settles, so screen readers
 * are not flooded.
 */
import { useEffect, useState } from 'react';
import { useTimelineApi } from '../../store/context';
import type { TimelineState } from '../../store/timelineStore';
import type { TimelineLayout } from '../../timeline/layout';
import { narrateAll } from '../../timeline/narration';
import type { ModelId } from '../../sim/types';

const SETTLE_MS = 250;

export function Narration({ layout, labels }: { layout: TimelineLayout; labels: Partial<Record<ModelId, string>> }) {
  const api = useTimelineApi();
  const ixs = layout.bands.map((b) => b.ix);
  const [text, setText] = useState(() => narrateAll(ixs, api.getState().timeMs, labels));

  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const indexes = layout.bands.map((b) => b.ix);
    const sayNow = (s: TimelineState) => setText(narrateAll(indexes, s.timeMs, labels));
    sayNow(api.getState());
    const unsubscribe = api.subscribe((s, prev) => {
      if (s.timeMs === prev.timeMs && s.playing === prev.playing) return;
      // Silent while playing; one sentence when playback stops or pauses.
      if (s.playing) {
        clearTimeout(timer);
        return;
      }
      if (prev.playing) {
        clearTimeout(timer);
        sayNow(s);
        return;
      }
      // A step or seek, or the end of a scrub: speak once the playhead settles.
      clearTimeout(timer);
      timer = setTimeout(() => sayNow(api.getState()), SETTLE_MS);
    });
    return () => {
      unsubscribe();
      clearTimeout(timer);
    };
  }, [api, layout, labels]);

  return (
    // Room for a line per model (two at least; a line less in a wide figure, timeline.css), so the text below
    // does not jump while the sentence changes.
    <p
      className="tl-narration"
      aria-live="polite"
      aria-atomic="true"
      style={{ ['--tl-narration-lines' as string]: Math.min(4, Math.max(2, layout.bands.length)) }}
    >
      {text}
    </p>
  );
}
