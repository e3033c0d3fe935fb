import { useQuery, useMutation } from 'urql';
import { LocalDateTime } from '@polyplus/web-ui';
import { usePortalSession } from '../session/portal-session';
import { ApiErrorMessage } from '../ui/api-error-message';
import { PageHeading } from '../ui/page-heading';
import { Empty, Loading } from '../ui/states';
import { actorWords, words } from '../ui/words';
import { ACKNOWLEDGE_NOTICE, acknowledgementOf, NOTICES_QUERY, type NoticesData, type SecurityNotice } from './notice-documents';
import { NOTICES_CONTEXT } from '../ui/live-contexts';

/**
 * Security and privacy notices: when an incident affects the delivery of the Services or the
 * customer's data, Poly notifies the customer here; the customer acknowledges each notice.
 */
export function NoticesPage() {
  const { customer } = usePortalSession();
  const [{ data, error, fetching }] = useQuery<NoticesData>({
    query: NOTICES_QUERY,
    variables: { customerId: customer.id },
    requestPolicy: 'cache-and-network',
    context: NOTICES_CONTEXT,
  });
  return (
    <>
      <PageHeading title="Security notices" />
      <p className="hint">
        Poly investigates anomalies promptly. When a security or privacy incident affects the delivery of the service or your data, you are
        notified here, live, and your admins and technicians acknowledge the notice.
      </p>
      {error && <ApiErrorMessage error={error} />}
      {!data && fetching && <Loading what="notices" />}
      {data && data.securityNotices.length === 0 && <Empty>No security or privacy notice affects {customer.name}.</Empty>}
      {data?.securityNotices.map((notice) => (
        <NoticeCard key={notice.id} notice={notice} />
      ))}
    </>
  );
}

function NoticeCard({ notice }: { notice: SecurityNotice }) {
  const { customer, homeZone } = usePortalSession();
  // urql's executors resolve (never reject), a refusal being the result's error shown on the page: buttons call them fire-and-forget.
  const [state, acknowledge] = useMutation(ACKNOWLEDGE_NOTICE);
  const own = acknowledgementOf(notice, customer.id);
  const headingId = `notice-${notice.id}`;
  return (
    <article className={`card notice notice-${notice.severity.toLowerCase()}`} aria-labelledby={headingId} data-notice-id={notice.id}>
      <h2 id={headingId}>{notice.title}</h2>
      <p className="sub">
        {words(notice.kind)} notice · severity {words(notice.severity).toLowerCase()} · identified{' '}
        <LocalDateTime iso={notice.detectedAt} zone={homeZone} /> · notified <LocalDateTime iso={notice.notifiedAt} zone={homeZone} />
      </p>
      <p className="notice-summary">{notice.summary}</p>
      {own?.acknowledgedAt ? (
        <p className="ok-text acknowledged" role="status">
          Acknowledged <LocalDateTime iso={own.acknowledgedAt} zone={homeZone} />
          {own.acknowledgedBy && ` by ${actorWords(own.acknowledgedBy)}`}
        </p>
      ) : (
        <p>
          <button
            type="button"
            onClick={() => void acknowledge({ noticeId: notice.id, customerId: customer.id })}
            disabled={state.fetching}
          >
            {state.fetching ? 'Acknowledging…' : 'Acknowledge this notice'}
          </button>
        </p>
      )}
      {state.error && <ApiErrorMessage error={state.error} prefix="Not acknowledged" />}
    </article>
  );
}
