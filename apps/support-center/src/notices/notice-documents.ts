// Security and privacy notices (the ISMS paragraph): published notices affecting the customer.

export type NoticeRecipient = { customerId: string; acknowledgedAt: string | null; acknowledgedBy: string | null };

export type SecurityNotice = {
  id: string;
  kind: 'SECURITY' | 'PRIVACY';
  severity: 'LOW' | 'MEDIUM' | 'HIGH' | 'CRITICAL';
  title: string;
  summary: string;
  detectedAt: string;
  notifiedAt: string | null;
  recipients: NoticeRecipient[];
};

export const NOTICES_QUERY = `
  query SecurityNotices($customerId: ID!) {
    securityNotices(customerId: $customerId, status: PUBLISHED, first: 100) {
      id kind severity title summary detectedAt notifiedAt
      recipients { customerId acknowledgedAt acknowledgedBy }
    }
  }`;

export type NoticesData = { securityNotices: SecurityNotice[] };

export const ACKNOWLEDGE_NOTICE = `
  mutation AcknowledgeNotice($noticeId: ID!, $customerId: ID) {
    acknowledgeSecurityNotice(noticeId: $noticeId, customerId: $customerId) { id recipients { customerId acknowledgedAt acknowledgedBy } }
  }`;

/** The customer's own acknowledgement of a notice, if any. */
export function acknowledgementOf(notice: SecurityNotice, customerId: string): NoticeRecipient | undefined {
  return notice.recipients.find((recipient) => recipient.customerId === customerId);
}

/** Notices the customer has not acknowledged yet. */
export function unacknowledged(notices: SecurityNotice[], customerId: string): SecurityNotice[] {
  return notices.filter((notice) => !acknowledgementOf(notice, customerId)?.acknowledgedAt);
}
