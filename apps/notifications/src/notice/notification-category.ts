import { registerEnumType } from 'type-graphql';

/** What a contact can turn on or off; each notice belongs to one. */
export enum NotificationCategory {
  CASE_UPDATES = 'CASE_UPDATES',
  REPLACEMENT_PARTS = 'REPLACEMENT_PARTS',
  RETURNS = 'RETURNS',
  ONSITE_VISITS = 'ONSITE_VISITS',
  SECURITY_NOTICES = 'SECURITY_NOTICES',
}

registerEnumType(NotificationCategory, {
  name: 'NotificationCategory',
  description: 'Kinds of e-mail a contact may receive.',
  valuesConfig: {
    CASE_UPDATES: { description: 'A case opened, responded to, given a workaround or resolved.' },
    REPLACEMENT_PARTS: { description: 'A replacement part shipped, its arrival moved, or delivered.' },
    RETURNS: { description: 'A defective part is due back soon, or was invoiced.' },
    ONSITE_VISITS: { description: 'A technician visit scheduled, moved or cancelled.' },
    SECURITY_NOTICES: { description: 'Security notices about products the customer uses.' },
  },
});

export const ALL_CATEGORIES: readonly NotificationCategory[] = Object.values(NotificationCategory);

/** Every mail the service sends about one event, and the category that governs it. */
export const NOTICE_KINDS = {
  CASE_OPENED: NotificationCategory.CASE_UPDATES,
  CASE_RESPONDED: NotificationCategory.CASE_UPDATES,
  CASE_WORKAROUND_PROVIDED: NotificationCategory.CASE_UPDATES,
  CASE_RESOLVED: NotificationCategory.CASE_UPDATES,
  PART_SHIPPED: NotificationCategory.REPLACEMENT_PARTS,
  PART_ETA_CHANGED: NotificationCategory.REPLACEMENT_PARTS,
  PART_DELIVERED: NotificationCategory.REPLACEMENT_PARTS,
  RETURN_DUE_SOON: NotificationCategory.RETURNS,
  RETURN_INVOICED: NotificationCategory.RETURNS,
  VISIT_SCHEDULED: NotificationCategory.ONSITE_VISITS,
  VISIT_MOVED: NotificationCategory.ONSITE_VISITS,
  VISIT_CANCELLED: NotificationCategory.ONSITE_VISITS,
  SECURITY_NOTICE: NotificationCategory.SECURITY_NOTICES,
} as const;

export type NoticeKind = keyof typeof NOTICE_KINDS;

/** Security notices go out at once even to contacts who chose a daily digest. */
export function alwaysImmediate(kind: NoticeKind): boolean {
  return kind === 'SECURITY_NOTICE';
}
