/** Event topics this subgraph publishes through its outbox (key = incident id). */
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
} as const;

export type IncidentTopic = (typeof INCIDENT_TOPICS)[keyof typeof INCIDENT_TOPICS];
