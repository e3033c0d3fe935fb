import { LocalDateTime } from '@polyplus/web-ui';
import { Link } from '../routing';
import { SeverityBadge } from '../ui/severity';
import { shortId, words } from '../ui/words';
import type { CaseSummary } from './case-documents';
import { ResponseObjective } from './response-objective';

/** Cases with severity, status, the business-hours response due time (site's zone) and whether it is met. */
export function CaseTable({ cases, caption }: { cases: CaseSummary[]; caption: string }) {
  return (
    <div className="table-wrap" tabIndex={0} role="region" aria-label={caption}>
      <table className="data-table cases">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Case</th>
            <th scope="col">Severity</th>
            <th scope="col">Status</th>
            <th scope="col">Product</th>
            <th scope="col">Reported</th>
            <th scope="col">Response due</th>
          </tr>
        </thead>
        <tbody>
          {cases.map((item) => (
            <tr key={item.id} data-case-id={item.id}>
              <th scope="row">
                <Link to={`/cases/${item.id}`}>
                  {shortId(item.id)}: {item.summary}
                </Link>
              </th>
              <td>
                <SeverityBadge severity={item.severity} />
              </td>
              <td>{words(item.status)}</td>
              <td>
                {item.device.serialNumber}
                <span className="sub">
                  {item.device.productModel} · {item.device.site.name}
                </span>
              </td>
              <td>
                <LocalDateTime iso={item.reportedAt} zone={item.device.site.timeZone} />
                <span className="sub">by {words(item.channel).toLowerCase()}</span>
              </td>
              <td className="response-due">
                <ResponseObjective item={item} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
