import { canSeeCustomer, type Principal } from '@polyplus/auth';
import {
  decoderFor,
  eventOf,
  INCIDENT_TOPICS,
  SECURITY_NOTICE_PUBLISHED,
  VISIT_CHANGED,
  type EventDecoder,
  type EventTopic,
  type ProductEvent,
  type ProductEventOf,
} from '@polyplus/events';

export type SubscriptionArgs = Record<string, unknown>;

/**
 * How one subscription root field maps events onto the supergraph: which of the contract's topics
 * it follows, the query root field that re-reads the entity by the event's key, and how its
 * arguments filter.
 */
export type SubscriptionField = {
  name: string;
  /** The payload's entity field (`incident`) and the field carrying what happened (`topic`). */
  entityField: string;
  metaField: string;
  /** Supergraph query root field taking `id: ID!`. */
  queryField: string;
  topics: readonly EventTopic[];
  follows(topic: string): boolean;
  metaValue(event: ProductEvent): string;
  /** Cheap pre-check on the event itself (its payload carries immutable facts): false skips the look-up. */
  mayMatch(args: SubscriptionArgs, event: ProductEvent, principal: Principal): boolean;
  /** Extra selection on the entity the filter needs, or undefined when the arguments filter nothing. */
  filterSelection(args: SubscriptionArgs): string | undefined;
  /** Whether the entity, as the filter selection read it after the change, passes the arguments. */
  matches(args: SubscriptionArgs, entity: Record<string, unknown>): boolean;
};

/** A field as written: it reads the payloads of its own topics as the contract typed them. */
type FieldDefinition<T extends EventTopic> = Omit<SubscriptionField, 'topics' | 'follows' | 'metaValue' | 'mayMatch'> & {
  topics: readonly T[];
  metaValue(event: ProductEventOf<T>): string;
  mayMatch(args: SubscriptionArgs, event: ProductEventOf<T>, principal: Principal): boolean;
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

/** A customer-scoped subscriber never needs an event about another customer: skip it unread (a visit may name none). */
function customerMayMatch(principal: Principal, customerId: string | null, wanted: string | null | undefined): boolean {
  if (customerId === null) return true;
  if (given(wanted) && wanted !== customerId) return false;
  return canSeeCustomer(principal, customerId);
}

/** The field of a definition: an event of another topic than its own matches nothing. */
function subscriptionField<T extends EventTopic>(definition: FieldDefinition<T>): SubscriptionField & { topics: readonly T[] } {
  const own = (event: ProductEvent) => eventOf(event, ...definition.topics);
  return {
    ...definition,
    follows: (topic) => (definition.topics as readonly string[]).includes(topic),
    metaValue: (event) => {
      const followed = own(event);
      return followed ? definition.metaValue(followed) : '';
    },
    mayMatch: (args, event, principal) => {
      const followed = own(event);
      return followed !== null && definition.mayMatch(args, followed, principal);
    },
  };
}

/** Every topic the incidents subgraph publishes about a case (key = incident id). */
export const incidentUpdated = subscriptionField({
  name: 'incidentUpdated',
  entityField: 'incident',
  metaField: 'topic',
  queryField: 'incident',
  topics: Object.values(INCIDENT_TOPICS),
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
});

type VisitArgs = { region?: string | null; incidentId?: string | null };
type VisitData = { region?: string; incident?: { id: string } };

export const visitChanged = subscriptionField({
  name: 'visitChanged',
  entityField: 'visit',
  metaField: 'change',
  queryField: 'onsiteVisit',
  topics: [VISIT_CHANGED],
  metaValue: (event) => event.payload.change,
  mayMatch(args, { payload }, principal) {
    const { region, incidentId } = args as VisitArgs;
    if (given(region) && payload.region !== region) return false;
    if (given(incidentId) && payload.incidentId !== incidentId) return false;
    return customerMayMatch(principal, payload.customerId, undefined);
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
});

type NoticeArgs = { customerId?: string | null };

/**
 * Incidents publishes one `security-notice.published` per affected customer (key = notice id,
 * payload.customerId = that customer): a customer's subscribers receive their own customer's event
 * only, and the notice is re-read as the subscriber, so a customer it does not affect gets nothing.
 */
export const securityNoticePublished = subscriptionField({
  name: 'securityNoticePublished',
  entityField: 'notice',
  metaField: 'customerId',
  queryField: 'securityNotice',
  topics: [SECURITY_NOTICE_PUBLISHED],
  metaValue: (event) => event.payload.customerId,
  mayMatch: (args, event, principal) => customerMayMatch(principal, event.payload.customerId, (args as NoticeArgs).customerId),
  filterSelection: () => undefined,
  matches: () => true,
});

export const SUBSCRIPTION_FIELDS = [incidentUpdated, visitChanged, securityNoticePublished] as const;

/** The topics some subscription follows: the gateway tails only these. */
export const FOLLOWED_TOPICS = SUBSCRIPTION_FIELDS.flatMap((field) => field.topics);

/** An event some subscription follows, its payload checked by the contract. */
export type FollowedEvent = ProductEventOf<(typeof FOLLOWED_TOPICS)[number]>;

/** Whether any subscription follows the topic. */
export function followedTopic(topic: string): boolean {
  return SUBSCRIPTION_FIELDS.some((field) => field.follows(topic));
}

/** The contract's decoder for the followed topics: an event it refuses reaches no subscriber. */
export const decodeFollowedEvent: EventDecoder<FollowedEvent> = decoderFor(FOLLOWED_TOPICS);
