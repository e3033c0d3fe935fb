import { useQuery } from 'urql';
import { LocalDateTime } from '@polyplus/web-ui';
import { ApiErrorMessage } from '../ui/api-error-message';
import { PageHeading } from '../ui/page-heading';
import { Empty, Loading } from '../ui/states';

const TERMS = `
  query PublishedReplacementTerms {
    publishedReplacementTerms {
      countryCode countryName deliveryBusinessDays customsDelayBusinessDays customerIsImporterOfRecord notes
      upcomingDestinationClosures { date name }
      depots { priority cutoffDescription depot { code countryCode } upcomingClosures { date name } }
      example { orderedAt shipsSameDay shipDate deliveryDate timeZone }
    }
  }`;

type Closure = { date: string; name: string };
type Terms = {
  countryCode: string;
  countryName: string;
  deliveryBusinessDays: number;
  customsDelayBusinessDays: number;
  customerIsImporterOfRecord: boolean;
  notes: string[];
  upcomingDestinationClosures: Closure[];
  depots: { priority: number; cutoffDescription: string; depot: { code: string; countryCode: string }; upcomingClosures: Closure[] }[];
  example: { orderedAt: string; shipsSameDay: boolean; shipDate: string; deliveryDate: string; timeZone: string };
};

function closures(list: Closure[]): string {
  return list
    .slice(0, 3)
    .map((closure) => `${closure.date} ${closure.name}`)
    .join('; ');
}

/**
 * The published advance-replacement timeframes and shipping terms, per destination country: open to
 * anyone, and computed by the same rules that plan every real order.
 */
export function TermsPage() {
  const [{ data, error, fetching }] = useQuery<{ publishedReplacementTerms: Terms[] }>({ query: TERMS });
  const terms = data ? [...data.publishedReplacementTerms].sort((a, b) => a.countryName.localeCompare(b.countryName)) : [];
  return (
    <>
      <PageHeading title="Advance-replacement terms" />
      <p>
        When a support engineer finds that a part must be replaced, Poly ships it for next-business-day delivery (Monday to Friday). Orders
        that reach the regional depot before its cut-off ship the same day. Poly pays all freight. Customs may add time, and in some
        countries you act as importer of record.
      </p>
      {error && <ApiErrorMessage error={error} />}
      {!data && fetching && <Loading what="the terms" />}
      {data && terms.length === 0 && <Empty>No destination countries are published yet.</Empty>}
      {terms.length > 0 && (
        <div className="table-wrap" tabIndex={0} role="region" aria-labelledby="terms-caption">
          <table className="data-table terms">
            <caption id="terms-caption">Terms by destination country ({terms.length})</caption>
            <thead>
              <tr>
                <th scope="col">Destination</th>
                <th scope="col">Ships from (same-day cut-off)</th>
                <th scope="col">Delivery</th>
                <th scope="col">Importer of record</th>
                <th scope="col">If ordered now</th>
                <th scope="col">Exceptions and holidays</th>
              </tr>
            </thead>
            <tbody>
              {terms.map((entry) => (
                <tr key={entry.countryCode} data-country={entry.countryCode}>
                  <th scope="row">
                    {entry.countryName} <span className="sub-inline">({entry.countryCode})</span>
                  </th>
                  <td>
                    <ol className="plain">
                      {entry.depots.map((depot) => (
                        <li key={depot.depot.code}>
                          {depot.depot.code} ({depot.depot.countryCode}): {depot.cutoffDescription}
                          {depot.upcomingClosures.length > 0 && <span className="sub">Closed {closures(depot.upcomingClosures)}</span>}
                        </li>
                      ))}
                    </ol>
                  </td>
                  <td>
                    {entry.deliveryBusinessDays === 1 ? 'Next business day' : `${entry.deliveryBusinessDays} business days`}
                    {entry.customsDelayBusinessDays > 0 && (
                      <span className="sub">incl. {entry.customsDelayBusinessDays} business day(s) for customs</span>
                    )}
                  </td>
                  <td>{entry.customerIsImporterOfRecord ? 'You (the customer)' : 'Poly'}</td>
                  <td>
                    Ordered <LocalDateTime iso={entry.example.orderedAt} zone={entry.example.timeZone} />: ships {entry.example.shipDate}
                    {entry.example.shipsSameDay ? ' (same day)' : ''}, arrives {entry.example.deliveryDate}
                  </td>
                  <td>
                    {entry.notes.length > 0 && (
                      <ul className="plain">
                        {entry.notes.map((note) => (
                          <li key={note}>{note}</li>
                        ))}
                      </ul>
                    )}
                    {entry.upcomingDestinationClosures.length > 0 && (
                      <span className="sub">No deliveries {closures(entry.upcomingDestinationClosures)}</span>
                    )}
                    {entry.notes.length === 0 && entry.upcomingDestinationClosures.length === 0 && '—'}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
