import { useQuery } from 'urql';
import { LocalDateTime } from '@polyplus/web-ui';
import { Link } from '../routing';
import { usePortalSession } from '../session/portal-session';
import { ApiErrorMessage } from '../ui/api-error-message';
import { PageHeading } from '../ui/page-heading';
import { Loading } from '../ui/states';
import { shortId } from '../ui/words';
import { OVERVIEW_CONTEXT } from '../ui/live-contexts';

const OVERVIEW = `
  query Overview($customerId: ID!) {
    incidents(customerId: $customerId) {
      id summary status responseDueAt
      device { site { timeZone } }
      replacementOrders { id status }
      onsiteVisits { id status windowStart siteTimeZone }
    }
    devices(customerId: $customerId) { id updateRequired entitlement { covered } }
    securityNotices(customerId: $customerId, status: PUBLISHED, first: 100) { id title recipients { customerId acknowledgedAt } }
  }`;

type OverviewData = {
  incidents: {
    id: string;
    summary: string;
    status: string;
    responseDueAt: string;
    device: { site: { timeZone: string } };
    replacementOrders: { id: string; status: string }[];
    onsiteVisits: { id: string; status: string; windowStart: string | null; siteTimeZone: string | null }[];
  }[];
  devices: { id: string; updateRequired: boolean; entitlement: { covered: boolean } }[];
  securityNotices: { id: string; title: string; recipients: { customerId: string; acknowledgedAt: string | null }[] }[];
};

const CLOSED = new Set(['RESOLVED', 'CLOSED']);

/** Where things stand for the customer account, with a way into each section. */
export function OverviewPage() {
  const { customer, me } = usePortalSession();
  const [{ data, error, fetching }] = useQuery<OverviewData>({
    query: OVERVIEW,
    variables: { customerId: customer.id },
    requestPolicy: 'cache-and-network',
    context: OVERVIEW_CONTEXT,
  });
  const open = data?.incidents.filter((item) => !CLOSED.has(item.status)) ?? [];
  const awaitingResponse = open.filter((item) => item.status === 'NEW').sort((a, b) => a.responseDueAt.localeCompare(b.responseDueAt));
  const moving =
    data?.incidents
      .flatMap((item) => item.replacementOrders)
      .filter((order) => order.status !== 'DELIVERED' && order.status !== 'CANCELLED') ?? [];
  const visits = (data?.incidents ?? [])
    .flatMap((item) => item.onsiteVisits.map((visit) => ({ visit, zone: visit.siteTimeZone ?? item.device.site.timeZone })))
    .filter(({ visit }) => visit.status === 'PLANNED' && visit.windowStart)
    .sort((a, b) => (a.visit.windowStart as string).localeCompare(b.visit.windowStart as string));
  const covered = data?.devices.filter((device) => device.entitlement.covered).length ?? 0;
  const behind = data?.devices.filter((device) => device.updateRequired).length ?? 0;
  const toAcknowledge =
    data?.securityNotices.filter(
      (notice) => !notice.recipients.find((recipient) => recipient.customerId === customer.id)?.acknowledgedAt,
    ) ?? [];
  return (
    <>
      <PageHeading title={`${customer.name}`} />
      <p>Welcome{me ? `, ${me.name}` : ''}. Support is available 24x7 by phone, chat, web and video.</p>
      {error && <ApiErrorMessage error={error} />}
      {!data && fetching && <Loading what="your account" />}
      {toAcknowledge.length > 0 && (
        <p className="banner banner-error" role="alert">
          {toAcknowledge.length === 1
            ? `A security notice needs your acknowledgement: “${toAcknowledge[0].title}”.`
            : `${toAcknowledge.length} security notices need your acknowledgement.`}{' '}
          <Link to="/notices">Read and acknowledge</Link>
        </p>
      )}
      {data && (
        <ul className="tiles">
          <li className="tile">
            <h2>
              <Link to="/cases">Service requests</Link>
            </h2>
            <p className="figure">{open.length} open</p>
            {awaitingResponse[0] ? (
              <p>
                Next response due <LocalDateTime iso={awaitingResponse[0].responseDueAt} zone={awaitingResponse[0].device.site.timeZone} />{' '}
                for <Link to={`/cases/${awaitingResponse[0].id}`}>case {shortId(awaitingResponse[0].id)}</Link>
              </p>
            ) : (
              <p>Every open case has had its first response.</p>
            )}
          </li>
          <li className="tile">
            <h2>
              <Link to="/replacements">Parts replacement</Link>
            </h2>
            <p className="figure">{moving.length} on the way</p>
          </li>
          <li className="tile">
            <h2>
              <Link to="/visits">Onsite visits</Link>
            </h2>
            <p className="figure">{visits.length} scheduled</p>
            {visits[0] && (
              <p>
                Next: <LocalDateTime iso={visits[0].visit.windowStart} zone={visits[0].zone} />
              </p>
            )}
          </li>
          <li className="tile">
            <h2>
              <Link to="/products">Products</Link>
            </h2>
            <p className="figure">
              {covered} of {data.devices.length} covered
            </p>
            {behind > 0 && (
              <p>
                {behind} not on the latest software: <Link to="/downloads">downloads</Link>
              </p>
            )}
          </li>
        </ul>
      )}
    </>
  );
}
