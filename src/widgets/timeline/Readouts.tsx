/**
 * Readouts that follow the playhead, one row per model: tasks done, who runs, busy cores. On narrow screens
 * the heads show their short words (data-short, timeline.css); assistive technology keeps the long ones.
 */
import { useTimelineStore } from '../../store/context';
import type { TimelineLayout } from '../../timeline/layout';
import { readoutsAt } from '../../timeline/readouts';
import { formatCount } from '../../timeline/scale';
import type { BandHeaderInfo } from '../../timeline/SvgTimeline';
import { shortModelLabel } from '../../timeline/shortLabel';

export function Readouts({ layout, headers }: { layout: TimelineLayout; headers: readonly BandHeaderInfo[] }) {
  const timeMs = useTimelineStore((s) => s.timeMs);
  const compare = layout.bands.length > 1;
  return (
    <table className="tl-readouts">
      <caption className="tl-visually-hidden">At the playhead</caption>
      <thead>
        <tr>
          {compare ? (
            <th scope="col" className="tl-col-model">
              Model
            </th>
          ) : null}
          <th scope="col" className="tl-col-done" data-short="Done">
            Tasks done
          </th>
          <th scope="col" className="tl-col-running" data-short="Running">
            Running now
          </th>
          <th scope="col" className="tl-col-cores" data-short="Cores">
            Busy cores
          </th>
        </tr>
      </thead>
      <tbody>
        {layout.bands.map((band) => {
          const r = readoutsAt(band.ix, timeMs);
          return (
            <tr key={band.index}>
              {compare ? (
                <th scope="row" data-short={shortModelLabel(headers[band.index]?.label)}>
                  {headers[band.index]?.label}
                </th>
              ) : null}
              <td className="tl-num">{`${formatCount(r.done)} / ${formatCount(r.total)}`}</td>
              <td className="tl-running">{r.runningText}</td>
              <td className="tl-num">{`${r.busyCores} / ${r.cores}`}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
