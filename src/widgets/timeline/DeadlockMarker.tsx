/** The deadlock's instant drawn across its band's lanes and onto the time axis (the sentence is under the tracks). */
import type { Scene } from '../../timeline/scene';
import { deadlockMark } from '../../timeline/deadlockMark';

export function DeadlockMarker({ scene }: { scene: Scene }) {
  return (
    <>
      {scene.layout.bands.map((band) => {
        const m = deadlockMark(band.trace, scene.window);
        if (!m || !m.inView) return null;
        const top = band.y + band.headerH;
        return (
          <div key={band.index} aria-hidden="true">
            <div className="tl-deadlock-mark" style={{ left: `${m.xPct}%`, top, height: band.y + band.h - top }} />
            <div className="tl-deadlock-axis" style={{ left: `${m.xPct}%`, top: scene.layout.height }} />
          </div>
        );
      })}
    </>
  );
}
