import { useEffect, useState } from 'react';
import { useSubscription } from 'urql';
import { usePortalSession } from '../session/portal-session';
import { words } from '../ui/words';

const INCIDENT_UPDATED = `
  subscription PortalIncidentUpdated($customerId: ID!) {
    incidentUpdated(filter: { customerId: $customerId }) { topic incident { id summary status } }
  }`;

const VISIT_CHANGED = `
  subscription PortalVisitChanged {
    visitChanged { change visit { id status windowStart windowEnd } }
  }`;

const NOTICE_PUBLISHED = `
  subscription PortalNoticePublished($customerId: ID!) {
    securityNoticePublished(customerId: $customerId) { customerId notice { id title } }
  }`;

type NoticePublished = { securityNoticePublished: { customerId: string; notice: { id: string; title: string } } };

type IncidentUpdate = { incidentUpdated: { topic: string; incident: { id: string; summary: string; status: string } } };
type VisitChange = { visitChanged: { change: string; visit: { id: string; status: string } } };

/**
 * Follows the customer's cases (incidentUpdated), onsite visits (visitChanged) and security notices
 * (securityNoticePublished) over the
 * gateway's subscriptions. Each event re-reads every open view that shows a case or a visit;
 * views re-read on a reconnect themselves (useRefetchOnReconnect), as events during a drop are lost.
 */
export function LiveUpdates() {
  const { customer } = usePortalSession();
  const [said, setSaid] = useState('');
  const [incidents] = useSubscription<IncidentUpdate, IncidentUpdate, { customerId: string }>({
    query: INCIDENT_UPDATED,
    variables: { customerId: customer.id },
    context: INCIDENT_CONTEXT,
  });
  const [visits] = useSubscription<VisitChange, VisitChange>({ query: VISIT_CHANGED, context: VISIT_CONTEXT });
  const incident = incidents.data?.incidentUpdated.incident;
  useEffect(() => {
    if (incident) setSaid(`Case “${incident.summary}” updated: ${words(incident.status).toLowerCase()}`);
  }, [incident]);
  const [notices] = useSubscription<NoticePublished, NoticePublished, { customerId: string }>({
    query: NOTICE_PUBLISHED,
    variables: { customerId: customer.id },
    context: NOTICE_CONTEXT,
  });
  const notice = notices.data?.securityNoticePublished.notice;
  useEffect(() => {
    if (notice) setSaid(`New security notice: ${notice.title}`);
  }, [notice]);
  const visit = visits.data?.visitChanged;
  useEffect(() => {
    if (visit) setSaid(`Onsite visit ${words(visit.change).toLowerCase()}`);
  }, [visit]);
  return (
    <p className="sr-only" aria-live="polite">
      {said}
    </p>
  );
}

// Stable objects: a new context on every render would restart the subscription.
const INCIDENT_CONTEXT = { additionalTypenames: ['Incident'] };
const VISIT_CONTEXT = { additionalTypenames: ['OnsiteVisit'] };
const NOTICE_CONTEXT = { additionalTypenames: ['SecurityNotice'] };
