import { DateTime } from 'luxon';
import type { DirectoryContact, DirectoryCustomer } from '../directory/customer-directory';
import type { Notice } from '../notice/notice';
import { alwaysImmediate, NOTICE_KINDS } from '../notice/notification-category';
import { categoryColumn, type NotificationPreference } from '../preferences/notification-preference.entity';
import { DeliveryMode } from '../preferences/delivery-mode';
import { DEFAULT_LOCALE } from '../render/mail-time';

/**
 * Who hears about a notice: for a case (and its parts, returns and visits) the contact who
 * reported it and the customer's admins; for a security notice every designated contact and
 * admin. One mail per address, however many roles a person has.
 */
export function recipientsOf(notice: Notice, customer: DirectoryCustomer): DirectoryContact[] {
  const chosen = customer.contacts.filter((contact) =>
    notice.kind === 'SECURITY_NOTICE'
      ? contact.designated || contact.role === 'ADMIN'
      : contact.id === notice.reporterContactId || contact.role === 'ADMIN',
  );
  const seen = new Set<string>();
  return chosen
    .sort((a, b) => (a.id === notice.reporterContactId ? -1 : b.id === notice.reporterContactId ? 1 : a.id.localeCompare(b.id)))
    .filter((contact) => {
      const address = contact.email.trim().toLowerCase();
      if (seen.has(address)) return false;
      seen.add(address);
      return true;
    });
}

export type Decision = 'IMMEDIATE' | 'DIGEST' | 'SUPPRESSED' | 'OPTED_OUT';

export type RecipientPlan = { contact: DirectoryContact; decision: Decision; timeZone: string; locale: string; digestHour: number };

/**
 * The zone a recipient reads times in: the one they chose, else the case site's, else the zone
 * of the customer's sites when they agree (or its first site's), else UTC.
 */
export function readerTimeZone(preference: NotificationPreference | null, notice: Notice, customer: DirectoryCustomer): string {
  if (preference?.timeZone) return preference.timeZone;
  if (notice.siteTimeZone) return notice.siteTimeZone;
  const sites = [...customer.sites].sort((a, b) => a.name.localeCompare(b.name));
  return sites[0]?.timeZone ?? 'UTC';
}

export function planRecipient(
  notice: Notice,
  contact: DirectoryContact,
  customer: DirectoryCustomer,
  preference: NotificationPreference | null,
  bounced: boolean,
  defaultDigestHour: number,
): RecipientPlan {
  const timeZone = readerTimeZone(preference, notice, customer);
  const locale = preference?.locale ?? DEFAULT_LOCALE;
  const digestHour = preference?.digestHour ?? defaultDigestHour;
  const base = { contact, timeZone, locale, digestHour };
  if (preference && !preference[categoryColumn(NOTICE_KINDS[notice.kind])]) return { ...base, decision: 'OPTED_OUT' };
  // Recorded, so the delivery log shows why nothing arrived.
  if (bounced) return { ...base, decision: 'SUPPRESSED' };
  const digest = preference?.mode === DeliveryMode.DAILY_DIGEST && !alwaysImmediate(notice.kind);
  return { ...base, decision: digest ? 'DIGEST' : 'IMMEDIATE' };
}

/**
 * When a held update goes out: at the digest hour of the day after its local day. One that
 * arrives after that moment (a late event) goes out with the next sweep.
 */
export function digestDueAt(occurredAt: Date, timeZone: string, digestHour: number, now: Date): Date {
  const local = DateTime.fromJSDate(occurredAt, { zone: timeZone });
  const due = local.startOf('day').plus({ days: 1 }).set({ hour: digestHour, minute: 0, second: 0, millisecond: 0 });
  const dueAt = due.toJSDate();
  return dueAt.getTime() > now.getTime() ? dueAt : now;
}
