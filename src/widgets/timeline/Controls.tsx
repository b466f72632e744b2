/**
 * The figure's toolbar: playback (jump, step, play/pause), the clock, zoom, the workload bar with share and
 * export, which the widget placing the timeline passes in (`editBar`: the timeline does not import the
 * editor), then the window line and overview strip (`zoomBar`), speed, loop and the lanes toggle.
 *
 * A small figure (its main column narrower than about 46rem, e.g. beside its code) shows a compact toolbar:
 * the secondary items (`.tl-secondary`: speed, loop, lanes, share and export) fold behind a "More" disclosure
 * button. Which is shown is decided in CSS (a container query), so the server's HTML is already right.
 *
 * Every button is named by its label or its text, in the server's HTML too; the tooltips (titles) are added
 * once the figure is live (useLive): the buttons do nothing before that, and a dozen figures' tooltips would
 * weigh on the page.
 */
import { useState, type ReactNode } from 'react';
import { useTimelineApi, useTimelineStore } from '../../store/context';
import { SPEEDS } from '../../store/timelineStore';
import { formatTime } from '../../timeline/scale';
import { useLive } from '../../timeline/useLive';
import { IconEnd, IconLoop, IconPause, IconPlay, IconStart, IconStepBack, IconStepForward } from './icons';
import { ZoomButtons } from './ZoomBar';

function Clock() {
  const timeMs = useTimelineStore((s) => s.timeMs);
  const domainMs = useTimelineStore((s) => s.domainMs);
  return (
    <span className="tl-clock" aria-hidden="true">
      <span className="tl-clock-now">{formatTime(timeMs)}</span>
      <span className="tl-clock-sep"> / </span>
      <span className="tl-clock-total">{formatTime(domainMs)}</span>
    </span>
  );
}

/** An icon button: the label names it (an icon has no text of its own); its tooltip (the label unless told) once live. */
function Btn({
  label,
  title = label,
  live,
  onClick,
  children,
}: {
  label: string;
  title?: string;
  live: boolean;
  onClick(): void;
  children: ReactNode;
}) {
  return (
    <button type="button" className="tl-btn" aria-label={label} title={live ? title : undefined} onClick={onClick}>
      {children}
    </button>
  );
}

const VIEWS = [
  ['task', 'By task'],
  ['worker', 'By worker'],
] as const;

export function Controls({ uid, editBar, zoomBar }: { uid: string; editBar?: ReactNode; zoomBar?: ReactNode }) {
  const playing = useTimelineStore((s) => s.playing);
  const speed = useTimelineStore((s) => s.speed);
  const loop = useTimelineStore((s) => s.loop);
  const view = useTimelineStore((s) => s.view);
  const [more, setMore] = useState(false);
  const live = useLive();
  const optionsId = `${uid}-options`;
  // Actions never change; read them without subscribing (no re-render per frame).
  const a = useTimelineApi().getState();
  return (
    <div className="tl-controls" data-expanded={more ? '' : undefined}>
      <div className="tl-buttons" role="group" aria-label="Playback">
        <Btn live={live} label="Jump to start" onClick={a.jumpToStart}>
          <IconStart />
        </Btn>
        <Btn live={live} label="Step back" title="Step back to the previous event" onClick={a.stepBack}>
          <IconStepBack />
        </Btn>
        <button
          type="button"
          className="tl-btn tl-btn--play"
          aria-label={playing ? 'Pause' : 'Play'}
          title={live ? (playing ? 'Pause' : 'Play') : undefined}
          onClick={a.togglePlay}
        >
          {playing ? <IconPause /> : <IconPlay />}
        </button>
        <Btn live={live} label="Step forward" title="Step forward to the next event" onClick={a.stepForward}>
          <IconStepForward />
        </Btn>
        <Btn live={live} label="Jump to end" onClick={a.jumpToEnd}>
          <IconEnd />
        </Btn>
      </div>
      <Clock />
      <ZoomButtons />
      {editBar}
      <button
        type="button"
        className="tl-btn tl-btn--text tl-more"
        aria-expanded={more}
        aria-controls={optionsId}
        title={live ? (more ? 'Fewer controls' : 'Speed, loop, lanes, link and export') : undefined}
        onClick={() => setMore(!more)}
      >
        <span aria-hidden="true" className="tl-more-caret" />
        More
      </button>
      {zoomBar}
      <div className="tl-options tl-secondary" id={optionsId}>
        <label className="tl-speed">
          <span>Speed</span>
          <select value={String(speed)} onChange={(e) => a.setSpeed(Number(e.target.value))}>
            {SPEEDS.map((s) => (
              <option key={s} value={String(s)}>
                {`${s}×`}
              </option>
            ))}
          </select>
        </label>
        <button type="button" className="tl-btn tl-btn--toggle" aria-pressed={loop} onClick={() => a.setLoop(!loop)}>
          <IconLoop />
          <span>Loop</span>
        </button>
        <fieldset className="tl-view">
          <legend>Lanes</legend>
          {VIEWS.map(([v, text]) => (
            <label key={v}>
              <input type="radio" name={`${uid}-view`} value={v} checked={view === v} onChange={() => a.setView(v)} />
              <span>{text}</span>
            </label>
          ))}
        </fieldset>
      </div>
    </div>
  );
}
