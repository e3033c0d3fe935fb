import { useCallback } from 'react';
import { useQuery } from 'urql';
import { usePortalSession } from '../session/portal-session';
import type { CaseVisit } from '../cases/case-documents';
import { ApiErrorMessage } from '../ui/api-error-message';
import { PageHeading } from '../ui/page-heading';
import { Empty, Loading } from '../ui/states';
import { CaseContext } from '../ui/case-context';
import { useRefetchOnReconnect } from '../ui/use-refetch-on-reconnect';
import { VisitSummary } from './visit-summary';
import { VISITS_CONTEXT } from '../ui/live-contexts';

const VISITS_QUERY = `
  query Visits($customerId: ID!) {
    incidents(customerId: $customerId) {
      id summary severity status
      device { serialNumber productModel site { name timeZone } }
      onsiteVisits { id status windowStart windowEnd releaseAt siteTimeZone technician { name } }
    }
  }`;

type VisitsData = {
  incidents: {
    id: string;
    summary: string;
    severity: number;
    status: string;
    device: { serialNumber: string; productModel: string; site: { name: string; timeZone: string } };
    onsiteVisits: CaseVisit[];
  }[];
};

const UPCOMING = new Set(['UNPLANNED', 'PLANNED']);

/** Onsite visits: the technician visits for the customer's cases, following the plan live (visitChanged). */
export function VisitsPage() {
  const { customer } = usePortalSession();
  const [{ data, error, fetching }, refetch] = useQuery<VisitsData>({
    query: VISITS_QUERY,
    variables: { customerId: customer.id },
    requestPolicy: 'cache-and-network',
    context: VISITS_CONTEXT,
  });
  useRefetchOnReconnect(useCallback(() => refetch({ requestPolicy: 'network-only' }), [refetch]));
  const visits = (data?.incidents ?? []).flatMap((incident) => incident.onsiteVisits.map((visit) => ({ incident, visit })));
  const upcoming = visits
    .filter(({ visit }) => UPCOMING.has(visit.status))
    .sort((a, b) => (a.visit.windowStart ?? '9').localeCompare(b.visit.windowStart ?? '9'));
  const past = visits.filter(({ visit }) => !UPCOMING.has(visit.status));
  const list = (items: typeof visits) => (
    <ul className="plain card-list">
      {items.map(({ incident, visit }) => (
        <li key={visit.id} className="card">
          <CaseContext incident={incident} />
          <VisitSummary visit={visit} zone={visit.siteTimeZone ?? incident.device.site.timeZone} />
        </li>
      ))}
    </ul>
  );
  return (
    <>
      <PageHeading title="Onsite visits" />
      <p className="hint">
        With the Onsite option, an authorised technician installs the replacement part during business hours, once it has arrived. Changes
        to the plan appear here as they happen.
      </p>
      {error && <ApiErrorMessage error={error} />}
      {!data && fetching && <Loading what="onsite visits" />}
      <section aria-labelledby="upcoming-heading" aria-busy={fetching}>
        <h2 id="upcoming-heading">Upcoming ({upcoming.length})</h2>
        {data && upcoming.length === 0 ? <Empty>No technician visit is coming up.</Empty> : list(upcoming)}
      </section>
      {past.length > 0 && (
        <section aria-labelledby="past-heading">
          <h2 id="past-heading">Completed and cancelled ({past.length})</h2>
          {list(past)}
        </section>
      )}
    </>
  );
}
