import { useCallback } from 'react';
import { useQuery } from 'urql';
import { LocalDateTime } from '@polyplus/web-ui';
import { Link } from '../routing';
import { ReplacementCard } from '../replacements/replacement-card';
import { VisitSummary } from '../visits/visit-summary';
import { ApiErrorMessage } from '../ui/api-error-message';
import { PageHeading } from '../ui/page-heading';
import { Done, Empty, Loading } from '../ui/states';
import { SeverityBadge } from '../ui/severity';
import { actorWords, shortId, words } from '../ui/words';
import { useRefetchOnReconnect } from '../ui/use-refetch-on-reconnect';
import { CASE_QUERY, type CaseData, type CaseDetail } from './case-documents';
import { responseState } from './response-objective';
import { CaseAttachments } from './case-attachments';
import { CaseComments } from './case-comments';

/** One case in full: its clocks, what support did, partner (ECPS) requests, parts, visits and history. */
export function CasePage({ id }: { id: string }) {
  const [{ data, error, fetching }, refetch] = useQuery<CaseData>({
    query: CASE_QUERY,
    variables: { id },
    requestPolicy: 'cache-and-network',
  });
  useRefetchOnReconnect(useCallback(() => refetch({ requestPolicy: 'network-only' }), [refetch]));
  const item = data?.incident?.id === id ? data.incident : null;
  const justOpened = new URLSearchParams(window.location.search).has('opened');
  return (
    <>
      <p className="breadcrumb">
        <Link to="/cases">Service requests</Link> /
      </p>
      <PageHeading title={item ? `Case ${shortId(item.id)}: ${item.summary}` : `Case ${shortId(id)}`} />
      {error && <ApiErrorMessage error={error} />}
      {!item && fetching && <Loading what="the case" />}
      {data && !data.incident && !fetching && <Empty>There is no case {shortId(id)} in your account.</Empty>}
      {item && justOpened && (
        <Done>
          Case opened. An engineer will respond by <LocalDateTime iso={item.responseDueAt} zone={item.device.site.timeZone} />.
        </Done>
      )}
      {item && <CaseBody item={item} onChanged={() => refetch({ requestPolicy: 'network-only' })} />}
    </>
  );
}

function CaseBody({ item, onChanged }: { item: CaseDetail; onChanged: () => void }) {
  const zone = item.device.site.timeZone;
  const response = responseState(item);
  return (
    <>
      <dl className="facts case-facts">
        <dt>Severity</dt>
        <dd>
          <SeverityBadge severity={item.severity} />
        </dd>
        <dt>Status</dt>
        <dd className="case-status">{words(item.status)}</dd>
        <dt>Product</dt>
        <dd>
          {item.device.productModel} {item.device.serialNumber} at {item.device.site.name}
        </dd>
        <dt>Reported</dt>
        <dd>
          <LocalDateTime iso={item.reportedAt} zone={zone} /> by {words(item.channel).toLowerCase()}
        </dd>
        <dt>Response due</dt>
        <dd className="response-due">
          <LocalDateTime iso={item.responseDueAt} zone={zone} />
          <span className={`sub ${response.tone}-text`}>{response.label}</span>
        </dd>
        <dt>First response</dt>
        <dd>{item.respondedAt ? <LocalDateTime iso={item.respondedAt} zone={zone} /> : 'Not yet'}</dd>
        {item.workaround && (
          <>
            <dt>Workaround</dt>
            <dd>
              {item.workaround}
              {item.fixExpectedInRelease && <span className="sub">Fix expected in release {item.fixExpectedInRelease}</span>}
            </dd>
          </>
        )}
        {item.rootCauseKind && (
          <>
            <dt>Root cause</dt>
            <dd>
              {words(item.rootCauseKind)}: {item.rootCauseReference}
            </dd>
          </>
        )}
        {item.resolution && (
          <>
            <dt>Resolution</dt>
            <dd>
              {item.resolution}
              {item.resolvedAt && (
                <span className="sub">
                  Resolved <LocalDateTime iso={item.resolvedAt} zone={zone} />
                </span>
              )}
            </dd>
          </>
        )}
      </dl>
      <PartnerSupport item={item} zone={zone} />
      <CaseComments incidentId={item.id} comments={item.comments} zone={zone} closed={item.status === 'CLOSED'} />
      <CaseAttachments incidentId={item.id} attachments={item.attachments} zone={zone} onChanged={onChanged} />
      <section aria-labelledby="parts-heading">
        <h2 id="parts-heading">Replacement parts</h2>
        {item.replacementOrders.length === 0 ? (
          <Empty>No replacement part has been ordered for this case.</Empty>
        ) : (
          item.replacementOrders.map((order) => <ReplacementCard key={order.id} order={order} zone={zone} />)
        )}
      </section>
      <section aria-labelledby="visit-heading">
        <h2 id="visit-heading">Onsite visit</h2>
        {item.onsiteVisits.length === 0 ? (
          <Empty>No technician visit is needed for this case so far.</Empty>
        ) : (
          item.onsiteVisits.map((visit) => <VisitSummary key={visit.id} visit={visit} zone={visit.siteTimeZone ?? zone} />)
        )}
      </section>
      <AuditTrail item={item} zone={zone} />
    </>
  );
}

function PartnerSupport({ item, zone }: { item: CaseDetail; zone: string }) {
  if (!item.causedByPartner && item.partnerRequests.length === 0) return null;
  return (
    <section aria-labelledby="partner-heading">
      <h2 id="partner-heading">Cloud partner support (ECPS)</h2>
      {item.causedByPartner && (
        <p>
          The cause lies in the {words(item.causedByPartner)} environment.
          {item.partnerFindings && <span className="sub">Findings: {item.partnerFindings}</span>}
        </p>
      )}
      {item.partnerRequests.map((request) => (
        <article key={request.id} className="card partner-request">
          <h3>
            {words(request.partner)} incident <span className="tracking-number">{request.trackingNumber}</span>
          </h3>
          <p>
            {words(request.status)} since <LocalDateTime iso={request.closedAt ?? request.openedAt} zone={zone} />
            {request.partnerStatus && (
              <>
                {' '}
                · partner status: <strong>{request.partnerStatus}</strong>
              </>
            )}
          </p>
          {request.updates.length > 0 && (
            <ul className="plain updates">
              {request.updates.map((update, index) => (
                <li key={`${update.reportedAt}-${index}`}>
                  <LocalDateTime iso={update.reportedAt} zone={zone} />: {update.partnerStatus}
                  {update.note ? ` — ${update.note}` : ''}
                </li>
              ))}
            </ul>
          )}
        </article>
      ))}
    </section>
  );
}

function AuditTrail({ item, zone }: { item: CaseDetail; zone: string }) {
  return (
    <section aria-labelledby="history-heading">
      <h2 id="history-heading">History</h2>
      <div className="table-wrap" tabIndex={0} role="region" aria-labelledby="history-heading">
        <table className="data-table audit">
          <thead>
            <tr>
              <th scope="col">When</th>
              <th scope="col">Who</th>
              <th scope="col">What</th>
              <th scope="col">Note</th>
            </tr>
          </thead>
          <tbody>
            {item.auditTrail.map((entry, index) => (
              <tr key={`${entry.at}-${index}`}>
                <th scope="row">
                  <LocalDateTime iso={entry.at} zone={zone} />
                </th>
                <td>{actorWords(entry.actor)}</td>
                <td>
                  {words(entry.action)}
                  {entry.toStatus && entry.toStatus !== entry.fromStatus && <span className="sub">→ {words(entry.toStatus)}</span>}
                </td>
                <td>{entry.note ?? ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
