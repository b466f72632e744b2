/**
 * Copy link and the exports (PNG, SVG, the trace for Perfetto) in the figure's toolbar. They are small
 * until pressed: the actions live in the workload features' chunk, loaded on the first press (which is not
 * lost: it runs once the chunk is here). The copied link is also shown in a field, for browsers that do
 * not let the page write to the clipboard. Their text names them; their tooltips come once the figure is
 * live (useLive), as the rest of the toolbar's.
 */
import { useState } from 'react';
import { useTimelineApi } from '../../store/context';
import { useLive } from '../../timeline/useLive';
import type { TimelineStore } from '../../store/timelineStore';
import { loadWorkbench, type Workbench } from './loadWorkbench';

type Action = (wb: Workbench, store: TimelineStore) => Promise<unknown>;

export function ShareButtons() {
  const store = useTimelineApi();
  const [link, setLink] = useState<string | null>(null);
  const live = useLive();
  const tip = (title: string) => (live ? title : undefined);
  const act = (action: Action) => () => void loadWorkbench().then((wb) => wb.runAction(store, () => action(wb, store)));
  return (
    <>
      <div className="tl-buttons tl-share tl-secondary" role="group" aria-label="Share and export">
        <button
          type="button"
          className="tl-btn tl-btn--text"
          title={tip('Copy a link that opens this timeline as it is now')}
          onClick={act(async (wb, s) => setLink((await wb.copyLink(s)) || null))}
        >
          Copy link
        </button>
        <button
          type="button"
          className="tl-btn tl-btn--text"
          title={tip('Download the timeline as a PNG image')}
          onClick={act((wb, s) => wb.exportImage(s, 'png'))}
        >
          PNG
        </button>
        <button
          type="button"
          className="tl-btn tl-btn--text"
          title={tip('Download the timeline as an SVG image')}
          onClick={act((wb, s) => wb.exportImage(s, 'svg'))}
        >
          SVG
        </button>
        <button
          type="button"
          className="tl-btn tl-btn--text"
          title={tip('Download the trace as Chrome Trace Event JSON, for ui.perfetto.dev or chrome://tracing')}
          onClick={act((wb, s) => wb.exportTrace(s))}
        >
          Trace <span className="tl-share-hint">(Perfetto)</span>
        </button>
      </div>
      {link !== null ? (
        <label className="tl-link">
          <span>Link to this view</span>
          <input type="text" readOnly value={link} onFocus={(e) => e.target.select()} />
        </label>
      ) : null}
    </>
  );
}
