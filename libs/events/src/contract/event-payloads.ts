import { z } from 'zod';
import { INCIDENT_TOPICS, REPLACEMENT_TOPICS, SECURITY_NOTICE_PUBLISHED, VISIT_CHANGED } from './event-topics';

// Objects are loose: a field a producer adds later travels on (webhook receivers get the payload as
// written) and an older consumer still reads the fields it knows.
const text = z.string().min(1);
const instant = z.iso.datetime({ offset: true });

/** The entity state incident events carry (entity-event-state.ts); absent on events written before it was kept. */
const entityState = {
  version: z.number().int().optional(),
  changed: z.array(z.string()).optional(),
  snapshot: z.record(z.string(), z.unknown()).optional(),
};

const incidentEvent = { incidentId: text, customerId: text, ...entityState };
/** What `changeIncident` writes for every change of a case's own row. */
const incidentChange = { ...incidentEvent, status: text, previousStatus: text, action: text };
const partnerRequest = {
  ...incidentEvent,
  requestId: text,
  partner: text,
  trackingNumber: text,
  requestStatus: text,
  partnerStatus: z.string().nullable(),
};
/** Clock pauses are written by `changeIncident` (staff) and by the pause bookkeeping (parts, partners): both name the reason. */
const clockPause = z.looseObject({ ...incidentEvent, reason: text });

const replacement = { orderId: text, incidentId: text, status: text, expectedDeliveryAt: instant.nullable() };

export const VISIT_CHANGES = ['CREATED', 'PLANNED', 'MOVED', 'UNASSIGNED', 'CANCELLED', 'PINNED', 'UNPINNED'] as const;

/**
 * The payload schema of every topic, by version. A payload without `v` is version 1 (every event
 * written so far); a change that a consumer could not read adds version 2 beside 1, producers
 * write `v: 2`, and consumers read both until no version 1 event is left on the stream.
 */
export const EVENT_PAYLOADS = {
  [INCIDENT_TOPICS.opened]: {
    1: z.looseObject({
      ...incidentEvent,
      deviceId: text,
      severity: z.number().int(),
      status: text,
      contactedAt: instant,
      responseDueAt: instant,
    }),
  },
  [INCIDENT_TOPICS.statusChanged]: { 1: z.looseObject(incidentChange) },
  [INCIDENT_TOPICS.updated]: { 1: z.looseObject(incidentChange) },
  [INCIDENT_TOPICS.severityChanged]: {
    1: z.looseObject({
      ...incidentChange,
      severity: z.number().int(),
      previousSeverity: z.number().int(),
      upgrade: z.boolean(),
      responseDueAt: instant,
    }),
  },
  [INCIDENT_TOPICS.escalated]: {
    1: z.looseObject({
      ...incidentEvent,
      severity: z.number().int(),
      status: text,
      level: z.number().int(),
      businessAgeMinutes: z.number(),
    }),
  },
  [INCIDENT_TOPICS.clockPaused]: { 1: clockPause },
  [INCIDENT_TOPICS.clockResumed]: { 1: clockPause },
  [INCIDENT_TOPICS.partnerRequestOpened]: { 1: z.looseObject(partnerRequest) },
  [INCIDENT_TOPICS.partnerStatusUpdated]: { 1: z.looseObject(partnerRequest) },
  [INCIDENT_TOPICS.partnerRequestClosed]: { 1: z.looseObject(partnerRequest) },
  [INCIDENT_TOPICS.partnerEntitlementChecked]: {
    1: z.looseObject({ ...incidentEvent, partner: text, entitled: z.boolean(), termEndsOn: z.string().nullable() }),
  },
  [INCIDENT_TOPICS.commentAdded]: {
    1: z.looseObject({ ...incidentEvent, status: text, action: text, commentId: text, author: text }),
  },
  [INCIDENT_TOPICS.attachmentAdded]: {
    1: z.looseObject({
      ...incidentEvent,
      status: text,
      action: text,
      attachmentId: text,
      kind: text,
      fileName: text,
      contentType: text,
      size: z.number().int().nonnegative(),
      sha256: text,
    }),
  },
  [SECURITY_NOTICE_PUBLISHED]: {
    1: z.looseObject({
      noticeId: text,
      /** The affected customer this event is for. */
      customerId: text,
      kind: z.enum(['SECURITY', 'PRIVACY']),
      severity: z.enum(['LOW', 'MEDIUM', 'HIGH', 'CRITICAL']),
      title: text,
      /** When the customers were notified (the publication). */
      notifiedAt: instant,
    }),
  },
  [REPLACEMENT_TOPICS.ordered]: { 1: z.looseObject(replacement) },
  [REPLACEMENT_TOPICS.shipped]: { 1: z.looseObject({ ...replacement, carrier: text, trackingNumber: text }) },
  [REPLACEMENT_TOPICS.etaChanged]: { 1: z.looseObject({ ...replacement, shipmentStatus: text }) },
  [REPLACEMENT_TOPICS.delivered]: { 1: z.looseObject({ ...replacement, deliveredAt: instant }) },
  [REPLACEMENT_TOPICS.returnInvoiced]: {
    1: z.looseObject({ ...replacement, returnId: text, amount: text, currency: z.string().length(3) }),
  },
  [VISIT_CHANGED]: {
    1: z.looseObject({
      visitId: text,
      region: text,
      incidentId: text,
      customerId: z.string().nullable(),
      status: text,
      technicianId: z.string().nullable(),
      windowStart: instant.nullable(),
      windowEnd: instant.nullable(),
      planVersion: z.number().int().nullable(),
      change: z.enum(VISIT_CHANGES),
    }),
  },
} as const;

export type EventTopic = keyof typeof EVENT_PAYLOADS;

export type VisitChange = (typeof VISIT_CHANGES)[number];

type Versions<T extends EventTopic> = (typeof EVENT_PAYLOADS)[T];
/** The version producers write now: the highest of the topic's versions. */
type CurrentSchema<T extends EventTopic> = Versions<T>[keyof Versions<T> & 1];

/** What a producer writes for a topic (dates as ISO 8601 strings). */
export type EventPayloadInput<T extends EventTopic> = z.input<CurrentSchema<T>>;
/** What a consumer reads for a topic, after decoding. */
export type EventPayload<T extends EventTopic> = z.output<Versions<T>[keyof Versions<T>]>;

export const EVENT_TOPIC_LIST = Object.keys(EVENT_PAYLOADS) as EventTopic[];

export function isEventTopic(topic: string): topic is EventTopic {
  return Object.hasOwn(EVENT_PAYLOADS, topic);
}

/** The schema producers write now: the topic's highest version. */
export function currentPayloadSchema(topic: EventTopic): z.ZodType {
  const versions: Record<number, z.ZodType> = EVENT_PAYLOADS[topic];
  return versions[Math.max(...Object.keys(versions).map(Number))];
}
