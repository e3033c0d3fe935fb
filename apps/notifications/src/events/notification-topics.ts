import { INCIDENT_TOPICS, REPLACEMENT_TOPICS, SECURITY_NOTICE_PUBLISHED, VISIT_CHANGED, type ProductEvent } from '@polyplus/events';
import type { CaseNoticeKind, PartNoticeKind, SecurityNoticePayload } from '../notice/notice-builders';

/** Topics of the event stream that can become mail. Escalations are vendor-internal: never mailed. */
export const NOTIFICATION_TOPICS = [
  INCIDENT_TOPICS.opened,
  INCIDENT_TOPICS.statusChanged,
  REPLACEMENT_TOPICS.shipped,
  REPLACEMENT_TOPICS.etaChanged,
  REPLACEMENT_TOPICS.delivered,
  REPLACEMENT_TOPICS.returnInvoiced,
  VISIT_CHANGED,
  SECURITY_NOTICE_PUBLISHED,
] as const;

export type VisitPayload = {
  visitId: string;
  incidentId: string;
  customerId: string | null;
  status: string;
  windowStart: string | null;
  windowEnd: string | null;
  change: string;
};

export type SecurityNoticeEvent = SecurityNoticePayload & {
  /** The customers concerned; none named: every customer. */
  customerIds: string[] | null;
};

/** What an event asks for, decoded from its payload; null when it is not worth a mail. */
export type Trigger =
  | { type: 'case'; kind: CaseNoticeKind; incidentId: string }
  | { type: 'part'; kind: PartNoticeKind; orderId: string; amount?: string; currency?: string; deliveredAt?: string }
  | { type: 'visit'; visit: VisitPayload }
  | { type: 'security'; notice: SecurityNoticeEvent };

const STATUS_ACTIONS: Record<string, CaseNoticeKind> = {
  RESPONDED: 'CASE_RESPONDED',
  WORKAROUND_PROVIDED: 'CASE_WORKAROUND_PROVIDED',
  RESOLVED: 'CASE_RESOLVED',
};

/** What a decoded event asks for; null when it is not worth a mail. */
export function triggerOf(event: ProductEvent): Trigger | null {
  switch (event.topic) {
    case INCIDENT_TOPICS.opened:
      return { type: 'case', kind: 'CASE_OPENED', incidentId: event.payload.incidentId };
    case INCIDENT_TOPICS.statusChanged: {
      const kind = STATUS_ACTIONS[event.payload.action];
      return kind ? { type: 'case', kind, incidentId: event.payload.incidentId } : null;
    }
    case REPLACEMENT_TOPICS.shipped:
      return { type: 'part', kind: 'PART_SHIPPED', orderId: event.payload.orderId };
    case REPLACEMENT_TOPICS.etaChanged:
      return { type: 'part', kind: 'PART_ETA_CHANGED', orderId: event.payload.orderId };
    case REPLACEMENT_TOPICS.delivered:
      return { type: 'part', kind: 'PART_DELIVERED', orderId: event.payload.orderId, deliveredAt: event.payload.deliveredAt };
    case REPLACEMENT_TOPICS.returnInvoiced: {
      const { orderId, amount, currency } = event.payload;
      return { type: 'part', kind: 'RETURN_INVOICED', orderId, amount, currency };
    }
    case VISIT_CHANGED: {
      const { visitId, incidentId, customerId, status, windowStart, windowEnd, change } = event.payload;
      return { type: 'visit', visit: { visitId, incidentId, customerId, status, windowStart, windowEnd, change } };
    }
    case SECURITY_NOTICE_PUBLISHED: {
      // Incidents publishes one event per affected customer; the notice's text is read from incidents.
      const published = event.payload;
      return {
        type: 'security',
        notice: {
          noticeId: published.noticeId,
          title: published.title,
          kind: published.kind,
          summary: null,
          severity: published.severity,
          url: null,
          products: [],
          customerIds: [published.customerId],
        },
      };
    }
    default:
      return null;
  }
}
