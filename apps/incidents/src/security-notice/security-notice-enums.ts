import { registerEnumType } from 'type-graphql';

/** ISMS: "a security or privacy incident". */
export enum SecurityNoticeKind {
  SECURITY = 'SECURITY',
  PRIVACY = 'PRIVACY',
}

export enum SecurityNoticeSeverity {
  LOW = 'LOW',
  MEDIUM = 'MEDIUM',
  HIGH = 'HIGH',
  CRITICAL = 'CRITICAL',
}

/** A notice is recorded as a draft and published once; customers see only published notices. */
export enum SecurityNoticeStatus {
  DRAFT = 'DRAFT',
  PUBLISHED = 'PUBLISHED',
}

registerEnumType(SecurityNoticeKind, { name: 'SecurityNoticeKind', description: 'A security incident or a privacy incident.' });
registerEnumType(SecurityNoticeSeverity, { name: 'SecurityNoticeSeverity' });
registerEnumType(SecurityNoticeStatus, {
  name: 'SecurityNoticeStatus',
  description: 'DRAFT (vendor staff only) or PUBLISHED (the affected customers are notified).',
});
