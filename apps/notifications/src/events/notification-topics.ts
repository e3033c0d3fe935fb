import { decodeSecurityNoticePublished, type EventEnvelope } from '@polyplus/events';
import type { CaseNoticeKind, PartNoticeKind } from '../notice/notice-builders';

/** Topics of the event stream that can become mail. Escalations are vendor-internal: never mailed. */
export const NOTIFICATION_TOPICS = {
  incidentOpened: 'incident.opened',
  incidentStatusChanged: 'incident.status-changed',
  replacementShipped: 'replacement.shipped',
  replacementEtaChanged: 'replacement.eta-changed',
  replacementDelivered: 'replacement.delivered',
  returnInvoiced: 'replacement.return-invoiced',
  visitChanged: 'visit.changed',
  securityNoticePublished: 'security-notice.published',
} as const;

export type VisitPayload = {
  visitId: string;
  incidentId: string;
  customerId: string | null;
  status: string;
  windowStart: string | null;
  windowEnd: string | null;
  change: string;
};

export type SecurityNoticeEvent = {
  noticeId: string;
  title: string;
  /** SECURITY or PRIVACY. */
  kind: string;
  summary: string | null;
  severity: string | null;
  url: string | null;
  products: string[];
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

const text = (value: unknown): string | null => (typeof value === 'string' && value.trim() !== '' ? value : null);

/** Reads an event's payload (the contract is checked here, at the consumer); unknown shapes are skipped. */
export function triggerOf(event: EventEnvelope): Trigger | null {
  const payload = event.payload as Record<string, unknown>;
  switch (event.topic) {
    case NOTIFICATION_TOPICS.incidentOpened: {
      const incidentId = text(payload.incidentId);
      return incidentId ? { type: 'case', kind: 'CASE_OPENED', incidentId } : null;
    }
    case NOTIFICATION_TOPICS.incidentStatusChanged: {
      const incidentId = text(payload.incidentId);
      const kind = STATUS_ACTIONS[String(payload.action)];
      return incidentId && kind ? { type: 'case', kind, incidentId } : null;
    }
    case NOTIFICATION_TOPICS.replacementShipped:
    case NOTIFICATION_TOPICS.replacementEtaChanged:
    case NOTIFICATION_TOPICS.replacementDelivered:
    case NOTIFICATION_TOPICS.returnInvoiced: {
      const orderId = text(payload.orderId);
      if (!orderId) return null;
      const kind: PartNoticeKind =
        event.topic === NOTIFICATION_TOPICS.replacementShipped
          ? 'PART_SHIPPED'
          : event.topic === NOTIFICATION_TOPICS.replacementEtaChanged
            ? 'PART_ETA_CHANGED'
            : event.topic === NOTIFICATION_TOPICS.replacementDelivered
              ? 'PART_DELIVERED'
              : 'RETURN_INVOICED';
      return {
        type: 'part',
        kind,
        orderId,
        ...(text(payload.amount) ? { amount: text(payload.amount) as string } : {}),
        ...(text(payload.currency) ? { currency: text(payload.currency) as string } : {}),
        ...(text(payload.deliveredAt) ? { deliveredAt: text(payload.deliveredAt) as string } : {}),
      };
    }
    case NOTIFICATION_TOPICS.visitChanged: {
      const visitId = text(payload.visitId);
      const incidentId = text(payload.incidentId);
      if (!visitId || !incidentId) return null;
      return {
        type: 'visit',
        visit: {
          visitId,
          incidentId,
          customerId: text(payload.customerId),
          status: String(payload.status ?? ''),
          windowStart: text(payload.windowStart),
          windowEnd: text(payload.windowEnd),
          change: String(payload.change ?? ''),
        },
      };
    }
    case NOTIFICATION_TOPICS.securityNoticePublished: {
      // Incidents publishes one event per affected customer; the notice's text is read from incidents.
      const published = decodeSecurityNoticePublished(event.payload);
      if (!published) return null;
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
