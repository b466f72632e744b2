import { OUTCOMES } from './guideData';

/**
 * Every recommendation in one table: what the guide reads as without JavaScript, and a summary with it. On
 * narrow screens the rows stack into cards; the explicit roles keep it a table for assistive technology
 * when CSS changes how its cells are laid out, and the small cell labels are for sighted readers only.
 */
export function GuideTable({ caption }: { caption: string }) {
  return (
    <div className="table-scroll guide-table" tabIndex={0} role="region" aria-label={caption}>
      <table role="table">
        <caption>{caption}</caption>
        <thead role="rowgroup">
          <tr role="row">
            <th scope="col" role="columnheader">
              If your tasks are…
            </th>
            <th scope="col" role="columnheader">
              Use
            </th>
            <th scope="col" role="columnheader">
              Why
            </th>
          </tr>
        </thead>
        <tbody role="rowgroup">
          {OUTCOMES.map((o) => (
            <tr key={o.id} role="row">
              <th scope="row" role="rowheader">
                {o.when}
              </th>
              <td role="cell">
                <span className="guide-cell-label" aria-hidden="true">
                  Use:{' '}
                </span>
                <strong>{o.use}</strong>
              </td>
              <td role="cell">{o.why}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
