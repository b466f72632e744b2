/** Readouts that follow the playhead, one row per model: tasks done, who runs, busy cores. */
import { useTimelineStore } from '../../store/context';
import type { TimelineLayout } from '../../timeline/layout';
import { readoutsAt } from '../../timeline/readouts';
import { formatCount } from '../../timeline/scale';
import type { BandHeaderInfo } from '../../timeline/SvgTimeline';

export function Readouts({ layout, headers }: { layout: TimelineLayout; headers: readonly BandHeaderInfo[] }) {
  const timeMs = useTimelineStore((s) => s.timeMs);
  const compare = layout.bands.length > 1;
  return (
    <table className="tl-readouts">
      <caption className="tl-visually-hidden">At the playhead</caption>
      <thead>
        <tr>
          {compare ? <th scope="col">Model</th> : null}
          <th scope="col">Tasks done</th>
          <th scope="col">Running now</th>
          <th scope="col">Busy cores</th>
        </tr>
      </thead>
      <tbody>
        {layout.bands.map((band) => {
          const r = readoutsAt(band.ix, timeMs);
          return (
            <tr key={band.index}>
              {compare ? <th scope="row">{headers[band.index]?.label}</th> : null}
              <td className="tl-num">
                {formatCount(r.done)} / {formatCount(r.total)}
              </td>
              <td className="tl-running">{r.runningText}</td>
              <td className="tl-num">
                {r.busyCores} / {r.cores}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
