/**
 * Every topic the product publishes on the event stream. Producers and consumers name topics only
 * through these constants: a topic's payload schema is in `event-payloads.ts`, keyed by the same string.
 */
export const INCIDENT_TOPICS = {
  opened: 'incident.opened',
  statusChanged: 'incident.status-changed',
  updated: 'incident.updated',
  escalated: 'incident.escalated',
  severityChanged: 'incident.severity-changed',
  clockPaused: 'incident.clock-paused',
  clockResumed: 'incident.clock-resumed',
  partnerRequestOpened: 'incident.partner-request-opened',
  partnerStatusUpdated: 'incident.partner-status-updated',
  partnerRequestClosed: 'incident.partner-request-closed',
  partnerEntitlementChecked: 'incident.partner-entitlement-checked',
  commentAdded: 'incident.comment-added',
  attachmentAdded: 'incident.attachment-added',
} as const;

/** Logistics: a case's replacement part (key = order id). */
export const REPLACEMENT_TOPICS = {
  ordered: 'replacement.ordered',
  shipped: 'replacement.shipped',
  etaChanged: 'replacement.eta-changed',
  delivered: 'replacement.delivered',
  returnInvoiced: 'replacement.return-invoiced',
} as const;

/** Dispatch (key = visit id): a visit's technician, window or status changed. */
export const VISIT_CHANGED = 'visit.changed';

/**
 * Published once per affected customer when vendor staff publish a security or privacy incident
 * notice (ISMS: "the Customer will be notified in a timely fashion"). Key = the notice id; the
 * payload names the one customer it is for, so each customer's subscribers and webhook endpoints
 * receive only their own.
 */
export const SECURITY_NOTICE_PUBLISHED = 'security-notice.published';

export type IncidentTopic = (typeof INCIDENT_TOPICS)[keyof typeof INCIDENT_TOPICS];
export type ReplacementTopic = (typeof REPLACEMENT_TOPICS)[keyof typeof REPLACEMENT_TOPICS];
