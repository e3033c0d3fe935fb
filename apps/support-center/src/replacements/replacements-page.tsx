import { useCallback } from 'react';
import { useQuery } from 'urql';
import { usePortalSession } from '../session/portal-session';
import { ApiErrorMessage } from '../ui/api-error-message';
import { PageHeading } from '../ui/page-heading';
import { Empty, Loading } from '../ui/states';
import { CaseContext } from '../ui/case-context';
import { useInterval } from '../ui/use-interval';
import { useRefetchOnReconnect } from '../ui/use-refetch-on-reconnect';
import { ReplacementCard } from './replacement-card';
import { REPLACEMENTS_QUERY, type ReplacementsData } from './replacement-documents';
import { inFlightFirst } from './replacement-progress';
import { CASES_CONTEXT } from '../ui/live-contexts';

// Carrier events arrive without a case event: the page asks again every minute while it is open.
const REFRESH_MS = 60_000;

/** Check the status of parts replacement including delivery tracking information. */
export function ReplacementsPage() {
  const { customer } = usePortalSession();
  const [{ data, error, fetching }, refetch] = useQuery<ReplacementsData>({
    query: REPLACEMENTS_QUERY,
    variables: { customerId: customer.id },
    requestPolicy: 'cache-and-network',
    context: CASES_CONTEXT,
  });
  const refresh = useCallback(() => refetch({ requestPolicy: 'network-only' }), [refetch]);
  useInterval(refresh, REFRESH_MS);
  useRefetchOnReconnect(refresh);
  const items = inFlightFirst(
    (data?.incidents ?? []).flatMap((incident) => incident.replacementOrders.map((order) => ({ incident, order }))),
  );
  return (
    <>
      <PageHeading title="Parts replacement">
        <button type="button" onClick={refresh} disabled={fetching}>
          {fetching ? 'Refreshing…' : 'Refresh tracking'}
        </button>
      </PageHeading>
      <p className="hint">
        Advance replacement parts ship for next-business-day delivery; Poly pays freight. Times are local to each site. The defective part
        is due back within 10 business days of delivery.
      </p>
      {error && <ApiErrorMessage error={error} />}
      {!data && fetching && <Loading what="replacement orders" />}
      {data && items.length === 0 && <Empty>No replacement parts have been ordered for your cases.</Empty>}
      <div className="card-list" aria-busy={fetching}>
        {items.map(({ incident, order }) => (
          <div key={order.id} className="card-group">
            <CaseContext incident={incident} />
            <ReplacementCard order={order} zone={incident.device.site.timeZone} headingLevel={2} />
          </div>
        ))}
      </div>
    </>
  );
}
