import { useCallback, useState } from 'react';
import { useQuery } from 'urql';
import { usePortalSession } from '../session/portal-session';
import { ApiErrorMessage } from '../ui/api-error-message';
import { PageHeading } from '../ui/page-heading';
import { Empty, Loading } from '../ui/states';
import { useRefetchOnReconnect } from '../ui/use-refetch-on-reconnect';
import { CASES_QUERY, type CasesData } from './case-documents';
import { CaseTable } from './case-table';
import { OpenCaseForm } from './open-case-form';
import { CASES_CONTEXT } from '../ui/live-contexts';

const CLOSED = new Set(['RESOLVED', 'CLOSED']);

/** Create service requests and review Support Ticket status. */
export function CasesPage() {
  const { customer } = usePortalSession();
  const [{ data, error, fetching }, refetch] = useQuery<CasesData>({
    query: CASES_QUERY,
    variables: { customerId: customer.id },
    requestPolicy: 'cache-and-network',
    context: CASES_CONTEXT,
  });
  useRefetchOnReconnect(useCallback(() => refetch({ requestPolicy: 'network-only' }), [refetch]));
  const [showClosed, setShowClosed] = useState(false);
  const open = data?.incidents.filter((item) => !CLOSED.has(item.status)) ?? [];
  const closed = data?.incidents.filter((item) => CLOSED.has(item.status)) ?? [];
  return (
    <>
      <PageHeading title="Service requests" />
      <p className="hint">
        Response objectives count business hours in each site’s time zone, excluding weekends and public holidays; times are the site’s
        local time.
      </p>
      {error && <ApiErrorMessage error={error} />}
      {!data && fetching && <Loading what="your cases" />}
      {data && open.length === 0 && <Empty>No open cases.</Empty>}
      {open.length > 0 && <CaseTable cases={open} caption={`Open cases (${open.length})`} />}
      {closed.length > 0 && (
        <p>
          <button type="button" aria-expanded={showClosed} onClick={() => setShowClosed((shown) => !shown)}>
            {showClosed ? 'Hide' : 'Show'} {closed.length} resolved and closed case(s)
          </button>
        </p>
      )}
      {showClosed && <CaseTable cases={closed} caption={`Resolved and closed cases (${closed.length})`} />}
      <OpenCaseForm />
    </>
  );
}
