/**
 * Published once per affected customer when vendor staff publish a security or privacy incident
 * notice (ISMS: "the Customer will be notified in a timely fashion"). Key = the notice id; the
 * payload names the one customer it is for, so each customer's subscribers and webhook endpoints
 * receive only their own.
 */
export const SECURITY_NOTICE_PUBLISHED = 'security-notice.published';

export type SecurityNoticeKind = 'SECURITY' | 'PRIVACY';
export type SecurityNoticeSeverity = 'LOW' | 'MEDIUM' | 'HIGH' | 'CRITICAL';

export type SecurityNoticePublished = {
  noticeId: string;
  /** The affected customer this event is for. */
  customerId: string;
  kind: SecurityNoticeKind;
  severity: SecurityNoticeSeverity;
  title: string;
  /** When the customers were notified (the publication), ISO 8601. */
  notifiedAt: string;
};

const KINDS: readonly string[] = ['SECURITY', 'PRIVACY'];
const SEVERITIES: readonly string[] = ['LOW', 'MEDIUM', 'HIGH', 'CRITICAL'];

/** Decodes a `security-notice.published` payload at a consumer; null when it is not one. */
export function decodeSecurityNoticePublished(payload: unknown): SecurityNoticePublished | null {
  if (typeof payload !== 'object' || payload === null) return null;
  const value = payload as Record<string, unknown>;
  const strings = ['noticeId', 'customerId', 'title', 'notifiedAt'].every((key) => typeof value[key] === 'string' && value[key] !== '');
  if (!strings || !KINDS.includes(value.kind as string) || !SEVERITIES.includes(value.severity as string)) return null;
  return {
    noticeId: value.noticeId as string,
    customerId: value.customerId as string,
    kind: value.kind as SecurityNoticeKind,
    severity: value.severity as SecurityNoticeSeverity,
    title: value.title as string,
    notifiedAt: value.notifiedAt as string,
  };
}
