import { canSeeCustomer, type Principal } from '@polyplus/auth';
import { decodeEvent, eventOf, SECURITY_NOTICE_PUBLISHED, VISIT_CHANGED, type EventEnvelope } from '@polyplus/events';

export type SubscriptionArgs = Record<string, unknown>;

/**
 * How one subscription root field maps events onto the supergraph: which events it follows, the
 * query root field that re-reads the entity by the event's key, and how its arguments filter.
 */
export type SubscriptionField = {
  name: string;
  /** The payload's entity field (`incident`) and the field carrying what happened (`topic`). */
  entityField: string;
  metaField: string;
  /** Supergraph query root field taking `id: ID!`. */
  queryField: string;
  follows(topic: string): boolean;
  metaValue(event: EventEnvelope): string;
  /** Cheap pre-check on the event itself (its payload carries immutable facts): false skips the look-up. */
  mayMatch(args: SubscriptionArgs, event: EventEnvelope, principal: Principal): boolean;
  /** Extra selection on the entity the filter needs, or undefined when the arguments filter nothing. */
  filterSelection(args: SubscriptionArgs): string | undefined;
  /** Whether the entity, as the filter selection read it after the change, passes the arguments. */
  matches(args: SubscriptionArgs, entity: Record<string, unknown>): boolean;
};

type IncidentFilter = { customerId?: string | null; severity?: number | null; status?: string | null; partner?: string | null };
type FilterData = {
  customer?: { id: string };
  severity?: number;
  status?: string;
  causedByPartner?: string | null;
  partnerRequests?: { partner: string }[];
};

const given = <T>(value: T | null | undefined): value is T => value !== null && value !== undefined;

/** A customer-scoped subscriber never needs an event about another customer: skip it unread. */
function customerMayMatch(principal: Principal, customerId: unknown, wanted: string | null | undefined): boolean {
  if (typeof customerId !== 'string') return true;
  if (given(wanted) && wanted !== customerId) return false;
  return canSeeCustomer(principal, customerId);
}

/** Every topic the incidents subgraph publishes about a case (key = incident id) starts with `incident.`. */
export const INCIDENT_TOPIC_PREFIX = 'incident.';

export const incidentUpdated: SubscriptionField = {
  name: 'incidentUpdated',
  entityField: 'incident',
  metaField: 'topic',
  queryField: 'incident',
  follows: (topic) => topic.startsWith(INCIDENT_TOPIC_PREFIX),
  metaValue: (event) => event.topic,
  mayMatch: (args, event, principal) =>
    customerMayMatch(principal, event.payload.customerId, (args.filter as IncidentFilter | null)?.customerId),
  filterSelection(args) {
    const filter = (args.filter ?? {}) as IncidentFilter;
    const fields = [
      given(filter.customerId) ? 'customer { id }' : '',
      given(filter.severity) ? 'severity' : '',
      given(filter.status) ? 'status' : '',
      given(filter.partner) ? 'causedByPartner partnerRequests { partner }' : '',
    ].filter(Boolean);
    return fields.length > 0 ? `{ ${fields.join(' ')} }` : undefined;
  },
  matches(args, entity) {
    const filter = (args.filter ?? {}) as IncidentFilter;
    const incident = entity as FilterData;
    if (given(filter.customerId) && incident.customer?.id !== filter.customerId) return false;
    if (given(filter.severity) && incident.severity !== filter.severity) return false;
    if (given(filter.status) && incident.status !== filter.status) return false;
    if (
      given(filter.partner) &&
      incident.causedByPartner !== filter.partner &&
      !incident.partnerRequests?.some((request) => request.partner === filter.partner)
    )
      return false;
    return true;
  },
};

type VisitArgs = { region?: string | null; incidentId?: string | null };
type VisitData = { region?: string; incident?: { id: string } };

export const visitChanged: SubscriptionField = {
  name: 'visitChanged',
  entityField: 'visit',
  metaField: 'change',
  queryField: 'onsiteVisit',
  follows: (topic) => topic === VISIT_CHANGED,
  metaValue: (event) => String(event.payload.change ?? ''),
  mayMatch(args, event, principal) {
    const { region, incidentId } = args as VisitArgs;
    if (given(region) && typeof event.payload.region === 'string' && event.payload.region !== region) return false;
    if (given(incidentId) && typeof event.payload.incidentId === 'string' && event.payload.incidentId !== incidentId) return false;
    return customerMayMatch(principal, event.payload.customerId, undefined);
  },
  filterSelection(args) {
    const { region, incidentId } = args as VisitArgs;
    const fields = [given(region) ? 'region' : '', given(incidentId) ? 'incident { id }' : ''].filter(Boolean);
    return fields.length > 0 ? `{ ${fields.join(' ')} }` : undefined;
  },
  matches(args, entity) {
    const { region, incidentId } = args as VisitArgs;
    const visit = entity as VisitData;
    if (given(region) && visit.region !== region) return false;
    if (given(incidentId) && visit.incident?.id !== incidentId) return false;
    return true;
  },
};

type NoticeArgs = { customerId?: string | null };

/** The notice event as the contract reads it; null for any other (or an undecodable) event. */
function noticeOf(event: EventEnvelope) {
  const decoded = decodeEvent(event);
  return decoded.ok ? eventOf(decoded.event, SECURITY_NOTICE_PUBLISHED) : null;
}

/**
 * Incidents publishes one `security-notice.published` per affected customer (key = notice id,
 * payload.customerId = that customer): a customer's subscribers receive their own customer's event
 * only, and the notice is re-read as the subscriber, so a customer it does not affect gets nothing.
 */
export const securityNoticePublished: SubscriptionField = {
  name: 'securityNoticePublished',
  entityField: 'notice',
  metaField: 'customerId',
  queryField: 'securityNotice',
  follows: (topic) => topic === SECURITY_NOTICE_PUBLISHED,
  metaValue: (event) => noticeOf(event)?.payload.customerId ?? '',
  mayMatch(args, event, principal) {
    const published = noticeOf(event);
    return published !== null && customerMayMatch(principal, published.payload.customerId, (args as NoticeArgs).customerId);
  },
  filterSelection: () => undefined,
  matches: () => true,
};

export const SUBSCRIPTION_FIELDS: readonly SubscriptionField[] = [incidentUpdated, visitChanged, securityNoticePublished];

/** Whether any subscription follows the topic: the gateway tails only these. */
export function followedTopic(topic: string): boolean {
  return SUBSCRIPTION_FIELDS.some((field) => field.follows(topic));
}
