import type { CaseFacts } from '../directory/case-directory';
import type { OrderFacts } from '../directory/order-directory';
import type { DirectorySite } from '../directory/customer-directory';
import { caseReference, type Notice, type NoticeFact } from './notice';

const SEVERITY = ['', 'Severity 1 (Critical)', 'Severity 2 (Major)', 'Severity 3 (Minor)'];

export type CaseNoticeKind = 'CASE_OPENED' | 'CASE_RESPONDED' | 'CASE_WORKAROUND_PROVIDED' | 'CASE_RESOLVED';

function caseFacts(facts: CaseFacts, site: DirectorySite | null): NoticeFact[] {
  const lines: NoticeFact[] = [
    { label: 'Case', text: caseReference(facts.id) },
    { label: 'Summary', text: facts.summary },
    { label: 'Severity', text: SEVERITY[facts.severity] ?? `Severity ${facts.severity}` },
  ];
  if (facts.deviceSerialNumber)
    lines.push({
      label: 'Device',
      text: facts.productModel ? `${facts.productModel}, serial ${facts.deviceSerialNumber}` : facts.deviceSerialNumber,
    });
  if (site) lines.push({ label: 'Site', text: site.name });
  return lines;
}

/** What every notice about a case says about the case: whose it is, who reported it, where. */
function aboutCase(facts: CaseFacts, site: DirectorySite | null, occurredAt: string) {
  return {
    customerId: facts.customerId,
    occurredAt,
    caseRef: caseReference(facts.id),
    caseId: facts.id,
    reporterContactId: facts.contactId,
    siteTimeZone: site?.timeZone ?? null,
  };
}

/** A case opened, responded to, given a workaround or resolved. */
export function caseNotice(kind: CaseNoticeKind, facts: CaseFacts, site: DirectorySite | null, occurredAt: string): Notice {
  const ref = caseReference(facts.id);
  const base = { ...aboutCase(facts, site, occurredAt), body: null };
  const lines = caseFacts(facts, site);
  switch (kind) {
    case 'CASE_OPENED':
      return {
        ...base,
        kind,
        headline: `Case ${ref} opened`,
        intro: 'We have opened a support case for the problem you reported. A support engineer will contact you by the time below.',
        facts: [...lines, { label: 'Reported', at: facts.reportedAt }, { label: 'Response due by', at: facts.responseDueAt }],
      };
    case 'CASE_RESPONDED':
      return {
        ...base,
        kind,
        headline: `An engineer is working on case ${ref}`,
        intro: 'A support engineer has contacted you and started troubleshooting.',
        facts: [...lines, { label: 'Responded', at: facts.respondedAt ?? occurredAt }],
      };
    case 'CASE_WORKAROUND_PROVIDED':
      return {
        ...base,
        kind,
        headline: `Workaround for case ${ref}`,
        intro: 'Support has provided a workaround for the problem.',
        facts: [
          ...lines,
          ...(facts.fixExpectedInRelease ? [{ label: 'Fix expected in', text: facts.fixExpectedInRelease }] : []),
          { label: 'Provided', at: occurredAt },
        ],
        body: facts.workaround,
      };
    case 'CASE_RESOLVED':
      return {
        ...base,
        kind,
        headline: `Case ${ref} resolved`,
        intro: 'Support has resolved the case. If the problem comes back, reply to your support contact or open a new case.',
        facts: [...lines, { label: 'Resolved', at: facts.resolvedAt ?? occurredAt }],
        body: facts.resolution,
      };
  }
}

export type PartNoticeKind = 'PART_SHIPPED' | 'PART_ETA_CHANGED' | 'PART_DELIVERED' | 'RETURN_DUE_SOON' | 'RETURN_INVOICED';

export type PartNoticeExtra = { amount?: string; currency?: string; deliveredAt?: string };

/** A replacement part shipped, delayed or delivered; its defective part due back or invoiced. */
export function partNotice(
  kind: PartNoticeKind,
  order: OrderFacts,
  facts: CaseFacts,
  site: DirectorySite | null,
  occurredAt: string,
  extra: PartNoticeExtra = {},
): Notice {
  const ref = caseReference(facts.id);
  const part = order.partName ? `${order.partName} (${order.partNumber})` : order.partNumber;
  const base = { ...aboutCase(facts, site, occurredAt), body: null };
  const lines: NoticeFact[] = [
    { label: 'Case', text: `${ref}: ${facts.summary}` },
    { label: 'Part', text: order.quantity > 1 ? `${order.quantity} × ${part}` : part },
  ];
  if (site) lines.push({ label: 'Deliver to', text: site.name });
  const tracking: NoticeFact[] =
    order.carrier && order.trackingNumber ? [{ label: 'Tracking', text: `${order.carrier} ${order.trackingNumber}` }] : [];
  const arrival: NoticeFact[] = order.expectedDeliveryAt
    ? [{ label: 'Expected', at: order.expectedDeliveryAt }]
    : order.expectedDelivery
      ? [{ label: 'Expected', date: order.expectedDelivery }]
      : [];
  switch (kind) {
    case 'PART_SHIPPED':
      return {
        ...base,
        kind,
        headline: `Replacement part shipped for case ${ref}`,
        intro: 'Your advance replacement part is on its way. The freight is paid by Poly.',
        facts: [...lines, ...tracking, ...arrival],
      };
    case 'PART_ETA_CHANGED':
      return {
        ...base,
        kind,
        headline: `New delivery estimate for case ${ref}`,
        intro: 'The carrier has changed the expected arrival of your replacement part.',
        facts: [...lines, ...tracking, ...arrival],
      };
    case 'PART_DELIVERED': {
      const due: NoticeFact[] = order.returnDueDate ? [{ label: 'Return the defective part by', date: order.returnDueDate }] : [];
      return {
        ...base,
        kind,
        headline: `Replacement part delivered for case ${ref}`,
        intro:
          'Your replacement part has been delivered. Please send the defective part back in the pre-addressed return package within 10 business days, or it will be invoiced at list price.',
        facts: [...lines, ...tracking, { label: 'Delivered', at: extra.deliveredAt ?? order.deliveredAt ?? occurredAt }, ...due],
      };
    }
    case 'RETURN_DUE_SOON':
      return {
        ...base,
        kind,
        headline: `Defective part due back soon for case ${ref}`,
        intro:
          'We have not yet received the defective part replaced under this case. If it does not reach us in time, it will be invoiced at list price.',
        facts: [
          ...lines,
          ...(order.returnDueDate ? [{ label: 'Due back by', date: order.returnDueDate }] : []),
          ...(order.returnLateFrom ? [{ label: 'Invoiced from', at: order.returnLateFrom }] : []),
        ],
      };
    case 'RETURN_INVOICED':
      return {
        ...base,
        kind,
        headline: `Defective part invoiced for case ${ref}`,
        intro:
          'The defective part did not reach us within 10 business days of the replacement’s delivery, so it has been invoiced at list price. If it arrives later, you will receive a credit note.',
        facts: [...lines, ...(extra.amount ? [{ label: 'Amount', text: `${extra.amount} ${extra.currency ?? ''}`.trim() }] : [])],
      };
  }
}

export type VisitNoticeKind = 'VISIT_SCHEDULED' | 'VISIT_MOVED' | 'VISIT_CANCELLED';

export type VisitWindow = { windowStart: string | null; windowEnd: string | null };

/** An onsite technician visit planned, moved or cancelled. */
export function visitNotice(
  kind: VisitNoticeKind,
  facts: CaseFacts,
  site: DirectorySite | null,
  visit: VisitWindow,
  occurredAt: string,
  previous: VisitWindow | null,
): Notice {
  const ref = caseReference(facts.id);
  const base = { ...aboutCase(facts, site, occurredAt), body: null };
  const lines: NoticeFact[] = [{ label: 'Case', text: `${ref}: ${facts.summary}` }, ...(site ? [{ label: 'Site', text: site.name }] : [])];
  const window: NoticeFact[] = [
    ...(visit.windowStart ? [{ label: 'Technician arrives from', at: visit.windowStart }] : []),
    ...(visit.windowEnd ? [{ label: 'Until', at: visit.windowEnd }] : []),
  ];
  switch (kind) {
    case 'VISIT_SCHEDULED':
      return {
        ...base,
        kind,
        headline: `Technician visit scheduled for case ${ref}`,
        intro: 'A technician will come to your site to install the replacement part.',
        facts: [...lines, ...window],
      };
    case 'VISIT_MOVED':
      return {
        ...base,
        kind,
        headline: `Technician visit moved for case ${ref}`,
        intro: 'The technician visit has moved, usually because the part’s delivery changed.',
        facts: [...lines, ...window, ...(previous?.windowStart ? [{ label: 'Previously', at: previous.windowStart }] : [])],
      };
    case 'VISIT_CANCELLED':
      return {
        ...base,
        kind,
        headline: `Technician visit cancelled for case ${ref}`,
        intro: 'The planned technician visit has been cancelled; no one will come to your site for this case.',
        facts: [...lines, ...(previous?.windowStart ? [{ label: 'Was planned for', at: previous.windowStart }] : [])],
      };
  }
}

export type SecurityNoticePayload = {
  noticeId: string;
  title: string;
  /** SECURITY or PRIVACY. */
  kind: string;
  summary: string | null;
  severity: string | null;
  url: string | null;
  products: string[];
};

/** A security notice published for the customer's products. */
export function securityNotice(customerId: string, payload: SecurityNoticePayload, occurredAt: string): Notice {
  const facts: NoticeFact[] = [
    ...(payload.severity ? [{ label: 'Severity', text: payload.severity }] : []),
    ...(payload.products.length ? [{ label: 'Products', text: payload.products.join(', ') }] : []),
    { label: 'Published', at: occurredAt },
    ...(payload.url ? [{ label: 'Details', text: payload.url }] : []),
  ];
  return {
    kind: 'SECURITY_NOTICE',
    customerId,
    occurredAt,
    caseRef: null,
    caseId: null,
    reporterContactId: null,
    headline: `${payload.kind === 'PRIVACY' ? 'Privacy' : 'Security'} notice: ${payload.title}`,
    intro: `Poly has published a ${payload.kind === 'PRIVACY' ? 'privacy' : 'security'} notice that concerns your organisation. Please read it and acknowledge it in the Online Support Center.`,
    facts,
    body: payload.summary,
    siteTimeZone: null,
  };
}
