import { Supergraph } from '@apollo/federation-internals';
import { extendSchema, parse, type GraphQLSchema } from 'graphql';

/** The payload field every subscription payload type has: the event itself. */
export const EVENT_FIELD = 'event';

/**
 * The subscription root the gateway serves beside the supergraph. Each event re-reads the entity
 * through the supergraph with the subscriber's own principal, so the selection under `incident` /
 * `visit` may reach any subgraph and sees exactly what the subscriber could query.
 */
export const SUBSCRIPTION_SDL = /* GraphQL */ `
  "Narrows incident updates; every given criterion must hold for the case as it is after the change."
  input IncidentUpdateFilter {
    customerId: ID
    "1 = Critical, 2 = Major, 3 = Minor."
    severity: Int
    status: IncidentStatus
    "Cases caused by this cloud partner or with an incident request open at it."
    partner: CloudPartner
  }

  "The event a delivery is about, so a consumer can reconcile deliveries with what it holds."
  type SubscriptionEvent {
    "The event id: a relay's re-send carries the same id."
    id: ID!
    "The event type, e.g. incident.status-changed."
    type: String!
    "When it happened."
    at: DateTimeISO!
    "The entity's version after the event (it increases with every change of the entity); null for entities without versions."
    version: Int
    "The entity's own fields the event changed (empty when it changed none of them, e.g. a comment)."
    changed: [String!]!
  }

  type IncidentUpdate {
    "What happened, e.g. incident.opened, incident.escalated, incident.status-changed."
    topic: String!
    event: SubscriptionEvent!
    "The case as of this event: its own fields (status, severity, dates...) as the event recorded them; fields resolved from other records or subgraphs as they are when delivered."
    incident: Incident!
  }

  type VisitChange {
    "CREATED, PLANNED, MOVED, UNASSIGNED, CANCELLED, PINNED or UNPINNED."
    change: String!
    event: SubscriptionEvent!
    "The visit as it is when delivered (visit events carry no snapshot)."
    visit: OnsiteVisit!
  }

  type SecurityNoticePublication {
    "The affected customer this notification is for (one per affected customer)."
    customerId: ID!
    event: SubscriptionEvent!
    "The notice as the subscriber may see it."
    notice: SecurityNotice!
  }

  type Subscription {
    "Changes to support cases the caller may see."
    incidentUpdated(filter: IncidentUpdateFilter): IncidentUpdate!
    "Changes to onsite visits the caller may see: planned, moved, pinned, cancelled..."
    visitChanged(region: String, incidentId: ID): VisitChange!
    "A security or privacy notice published to an affected customer the caller may see (customers' admins and technicians, vendor staff)."
    securityNoticePublished(customerId: ID): SecurityNoticePublication!
  }

  extend schema {
    subscription: Subscription
  }
`;

/**
 * The supergraph's API schema (what clients may query: no join/link machinery, no inaccessible
 * elements) extended with the subscription root. Used to validate and measure subscription
 * documents; queries and mutations keep going through Apollo Gateway.
 */
export function buildSubscriptionSchema(supergraphSdl: string): GraphQLSchema {
  const api = Supergraph.build(supergraphSdl).apiSchema().toGraphQLJSSchema();
  return extendSchema(api, parse(SUBSCRIPTION_SDL));
}
