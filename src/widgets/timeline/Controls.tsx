/** Playback controls: jump, step, play/pause, speed, loop, and the lanes toggle. */
import { useTimelineApi, useTimelineStore } from '../../store/context';
import { SPEEDS } from '../../store/timelineStore';
import { formatTime } from '../../timeline/scale';
import { IconEnd, IconLoop, IconPause, IconPlay, IconStart, IconStepBack, IconStepForward } from './icons';

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

export function Controls({ uid }: { uid: string }) {
  const playing = useTimelineStore((s) => s.playing);
  const speed = useTimelineStore((s) => s.speed);
  const loop = useTimelineStore((s) => s.loop);
  const view = useTimelineStore((s) => s.view);
  // Actions never change; read them without subscribing (no re-render per frame).
  const a = useTimelineApi().getState();
  return (
    <div className="tl-controls">
      <div className="tl-buttons" role="group" aria-label="Playback">
        <button
          type="button"
          className="tl-btn"
          aria-label="Jump to start"
          title="Jump to start"
          onClick={a.jumpToStart}
        >
          <IconStart />
        </button>
        <button
          type="button"
          className="tl-btn"
          aria-label="Step back"
          title="Step back to the previous event"
          onClick={a.stepBack}
        >
          <IconStepBack />
        </button>
        <button
          type="button"
          className="tl-btn tl-btn--play"
          aria-label={playing ? 'Pause' : 'Play'}
          title={playing ? 'Pause' : 'Play'}
          onClick={a.togglePlay}
        >
          {playing ? <IconPause /> : <IconPlay />}
        </button>
        <button
          type="button"
          className="tl-btn"
          aria-label="Step forward"
          title="Step forward to the next event"
          onClick={a.stepForward}
        >
          <IconStepForward />
        </button>
        <button type="button" className="tl-btn" aria-label="Jump to end" title="Jump to end" onClick={a.jumpToEnd}>
          <IconEnd />
        </button>
      </div>
      <Clock />
      <div className="tl-options">
        <label className="tl-speed">
          <span>Speed</span>
          <select value={String(speed)} onChange={(e) => a.setSpeed(Number(e.target.value))}>
            {SPEEDS.map((s) => (
              <option key={s} value={String(s)}>
                {s}×
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
          <label>
            <input
              type="radio"
              name={`${uid}-view`}
              value="task"
              checked={view === 'task'}
              onChange={() => a.setView('task')}
            />
            <span>By task</span>
          </label>
          <label>
            <input
              type="radio"
              name={`${uid}-view`}
              value="worker"
              checked={view === 'worker'}
              onChange={() => a.setView('worker')}
            />
            <span>By worker</span>
          </label>
        </fieldset>
      </div>
    </div>
  );
}
