import { INCIDENT_TOPICS, REPLACEMENT_TOPICS, SECURITY_NOTICE_PUBLISHED, VISIT_CHANGED } from '../contract/event-topics';
import type { EventPayloadInput, EventTopic } from '../contract/event-payloads';

// A well-formed payload of every topic, shaped as its producer writes it (the type makes the
// compiler hold each one to the contract), for tests that publish events without the producer.
const INCIDENT = '8b0b5e0e-4c8f-4a53-9d0e-2f7a1c2b3d4e';
const CUSTOMER = '1f2e3d4c-5b6a-4978-8695-a4b3c2d1e0f9';
const ORDER = '3c4d5e6f-7a8b-4c9d-8e0f-1a2b3c4d5e6f';
const AT = '2026-03-04T10:00:00.000Z';
const STATE = { version: 2, changed: ['status'], snapshot: { status: 'RESPONDED' } };
const CHANGE = { incidentId: INCIDENT, customerId: CUSTOMER, status: 'RESPONDED', previousStatus: 'OPEN', action: 'RESPONDED', ...STATE };
const REQUEST = {
  incidentId: INCIDENT,
  customerId: CUSTOMER,
  requestId: '9a8b7c6d-5e4f-4a3b-9c2d-1e0f9a8b7c6d',
  partner: 'AZURE',
  trackingNumber: 'TRK-1',
  requestStatus: 'OPEN',
  partnerStatus: null,
  ...STATE,
};
const PAUSE = {
  incidentId: INCIDENT,
  customerId: CUSTOMER,
  pauseId: '0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d',
  reason: 'WAITING_ON_PART',
  source: 'REPLACEMENT_ORDER',
  sourceId: ORDER,
  from: AT,
  to: null,
  ...STATE,
};
const PART = { orderId: ORDER, incidentId: INCIDENT, status: 'ORDERED', expectedDeliveryAt: '2026-03-05T12:00:00.000Z' };

export const SAMPLE_EVENT_PAYLOADS: { [T in EventTopic]: EventPayloadInput<T> } = {
  [INCIDENT_TOPICS.opened]: {
    incidentId: INCIDENT,
    customerId: CUSTOMER,
    deviceId: '7e6d5c4b-3a29-4817-9605-f4e3d2c1b0a9',
    severity: 2,
    status: 'OPEN',
    contactedAt: AT,
    responseDueAt: '2026-03-04T11:00:00.000Z',
    version: 1,
    changed: [],
    snapshot: { status: 'OPEN' },
  },
  [INCIDENT_TOPICS.statusChanged]: CHANGE,
  [INCIDENT_TOPICS.updated]: { ...CHANGE, action: 'PARTNER_CAUSED', causedByPartner: 'AZURE' },
  [INCIDENT_TOPICS.severityChanged]: {
    ...CHANGE,
    action: 'SEVERITY_CHANGED',
    severity: 1,
    previousSeverity: 2,
    upgrade: true,
    responseDueAt: '2026-03-04T10:30:00.000Z',
  },
  [INCIDENT_TOPICS.escalated]: {
    incidentId: INCIDENT,
    customerId: CUSTOMER,
    severity: 1,
    status: 'OPEN',
    level: 1,
    businessAgeMinutes: 30,
    ...STATE,
  },
  [INCIDENT_TOPICS.clockPaused]: PAUSE,
  [INCIDENT_TOPICS.clockResumed]: { ...PAUSE, to: '2026-03-04T12:00:00.000Z' },
  [INCIDENT_TOPICS.partnerRequestOpened]: REQUEST,
  [INCIDENT_TOPICS.partnerStatusUpdated]: { ...REQUEST, partnerStatus: 'INVESTIGATING' },
  [INCIDENT_TOPICS.partnerRequestClosed]: { ...REQUEST, requestStatus: 'CLOSED', partnerStatus: 'MITIGATED' },
  [INCIDENT_TOPICS.partnerEntitlementChecked]: {
    incidentId: INCIDENT,
    customerId: CUSTOMER,
    partner: 'AZURE',
    entitled: true,
    termEndsOn: '2027-01-31',
    ...STATE,
  },
  [INCIDENT_TOPICS.commentAdded]: {
    incidentId: INCIDENT,
    customerId: CUSTOMER,
    status: 'OPEN',
    action: 'COMMENT_ADDED',
    commentId: '5d4c3b2a-1908-4f7e-8d6c-5b4a39281706',
    author: 'SUPPORT_ENGINEER:jane',
    ...STATE,
  },
  [INCIDENT_TOPICS.attachmentAdded]: {
    incidentId: INCIDENT,
    customerId: CUSTOMER,
    status: 'OPEN',
    action: 'ATTACHMENT_ADDED',
    attachmentId: '6e5d4c3b-2a19-4f8e-9d7c-6b5a4a392817',
    kind: 'LOG',
    fileName: 'camera.log',
    contentType: 'text/plain',
    size: 1024,
    sha256: 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
    ...STATE,
  },
  [SECURITY_NOTICE_PUBLISHED]: {
    noticeId: '2b3c4d5e-6f7a-4b8c-9d0e-1f2a3b4c5d6e',
    customerId: CUSTOMER,
    kind: 'PRIVACY',
    severity: 'HIGH',
    title: 'Support portal exposure',
    notifiedAt: AT,
  },
  [REPLACEMENT_TOPICS.ordered]: { ...PART, expectedDeliveryAt: null },
  [REPLACEMENT_TOPICS.shipped]: { ...PART, status: 'SHIPPED', carrier: 'UPS', trackingNumber: '1Z999' },
  [REPLACEMENT_TOPICS.etaChanged]: { ...PART, status: 'SHIPPED', shipmentStatus: 'DELAYED' },
  [REPLACEMENT_TOPICS.delivered]: { ...PART, status: 'DELIVERED', deliveredAt: '2026-03-05T09:00:00.000Z' },
  [REPLACEMENT_TOPICS.returnInvoiced]: { ...PART, status: 'DELIVERED', returnId: 'RET-1', amount: '120.00', currency: 'EUR' },
  [VISIT_CHANGED]: {
    visitId: '4f5e6d7c-8b9a-4c0d-9e1f-2a3b4c5d6e7f',
    region: 'LONDON',
    incidentId: INCIDENT,
    customerId: CUSTOMER,
    status: 'PLANNED',
    technicianId: 'a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d',
    windowStart: '2026-03-05T13:00:00.000Z',
    windowEnd: '2026-03-05T15:00:00.000Z',
    planVersion: 3,
    change: 'PLANNED',
  },
};

/** A well-formed payload for `topic`, with `fields` over it. */
export function sampleEventPayload<T extends EventTopic>(topic: T, fields: Record<string, unknown> = {}): EventPayloadInput<T> {
  return { ...SAMPLE_EVENT_PAYLOADS[topic], ...fields };
}
