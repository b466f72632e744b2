/**
 * One sentence for the moment under the playhead, in a polite live region. During playback the
 * text changes only when what happens changes (not every frame); while scrubbing by hand it
 * settles after a short pause, so screen readers are not flooded.
 */
import { useEffect, useState } from 'react';
import { useTimelineApi } from '../../store/context';
import type { TimelineState } from '../../store/timelineStore';
import type { TimelineLayout } from '../../timeline/layout';
import { describeMoment, narrateAll } from '../../timeline/narration';
import type { ModelId } from '../../sim/types';

const SETTLE_MS = 250;

function describeAll(layout: TimelineLayout, t: number, labels: Partial<Record<ModelId, string>>): string {
  return layout.bands
    .map((b) => `${b.trace.label ?? labels[b.trace.model] ?? b.trace.model}: ${describeMoment(b.ix, t)}`)
    .join('. ');
}

export function Narration({ layout, labels }: { layout: TimelineLayout; labels: Partial<Record<ModelId, string>> }) {
  const api = useTimelineApi();
  const ixs = layout.bands.map((b) => b.ix);
  const [text, setText] = useState(() => narrateAll(ixs, api.getState().timeMs, labels));

  useEffect(() => {
    let key = describeAll(layout, api.getState().timeMs, labels);
    let timer: ReturnType<typeof setTimeout> | undefined;
    const indexes = layout.bands.map((b) => b.ix);
    const sayNow = (s: TimelineState) => setText(narrateAll(indexes, s.timeMs, labels));
    sayNow(api.getState());
    const unsubscribe = api.subscribe((s, prev) => {
      if (s.timeMs === prev.timeMs && s.playing === prev.playing) return;
      if (s.playing) {
        const next = describeAll(layout, s.timeMs, labels);
        if (next !== key) {
          key = next;
          sayNow(s);
        }
        return;
      }
      clearTimeout(timer);
      timer = setTimeout(() => {
        key = describeAll(layout, api.getState().timeMs, labels);
        sayNow(api.getState());
      }, SETTLE_MS);
    });
    return () => {
      unsubscribe();
      clearTimeout(timer);
    };
  }, [api, layout, labels]);

  return (
    // Room for one line per model, so the text below does not jump while the sentence changes.
    <p
      className="tl-narration"
      aria-live="polite"
      aria-atomic="true"
      style={{ minHeight: `${1.45 * Math.min(5, layout.bands.length + 1)}em` }}
    >
      {text}
    </p>
  );
}
