import { createHash } from 'node:crypto';
import { actorOf, type Role } from '@polyplus/auth';

/** The roles a customer's contact signs in with: records of what they did name them as `<ROLE>:<subject>`. */
export const CONTACT_ROLES: readonly Role[] = ['CUSTOMER_ADMIN', 'CUSTOMER_TECHNICIAN'];

/** Reserved (RFC 2606): an erased contact's address can never receive mail. */
export const ERASED_EMAIL_DOMAIN = 'erased.invalid';

/** What an erased contact's personal values become, the same every time for the same contact. */
export type Pseudonyms = { name: string; email: string; subject: string };

/**
 * The stable pseudonym of a contact: `erased-<16 hex digits>`, a hash of the contact id (which the
 * records keep anyway), never of the name or address, so it reveals nothing that was erased.
 */
export function pseudonymsFor(contactId: string): Pseudonyms {
  const tag = `erased-${createHash('sha256').update(`polyplus-contact:${contactId}`).digest('hex').slice(0, 16)}`;
  return { name: tag, email: `${tag}@${ERASED_EMAIL_DOMAIN}`, subject: tag };
}

function subjectsOf(contactId: string, email?: string | null): string[] {
  return [...new Set([contactId, ...(email ? [email, email.trim().toLowerCase()] : [])])];
}

/**
 * How a contact appears in records of who did what: `<ROLE>:<subject>` for each role a contact
 * signs in with, the subject being their contact id or their e-mail address.
 */
export function contactActors(contactId: string, email?: string | null): string[] {
  return pseudonymousActors(contactId, email).map(([actor]) => actor);
}

/** Each of the contact's actor strings and what it becomes: the same role, the pseudonym as subject. */
export function pseudonymousActors(contactId: string, email?: string | null): [actor: string, pseudonym: string][] {
  const { subject: erased } = pseudonymsFor(contactId);
  const pairs = new Map<string, string>();
  for (const role of CONTACT_ROLES) {
    for (const subject of subjectsOf(contactId, email)) pairs.set(actorOf({ role, subject }), actorOf({ role, subject: erased }));
  }
  return [...pairs];
}

/**
 * Whose personal data an export covers: a whole customer, or one of its contacts (with the address
 * the contact signs in with, and for the services that know cases only by id, the contact's cases).
 */
export type ExportSubject = {
  customerId: string;
  contactId?: string | null;
  email?: string | null;
  incidentIds?: string[] | null;
};

/** The contact whose personal data a service erases, with the values to find, and who asked. */
export type ErasureSubject = {
  customerId: string;
  contactId: string;
  email: string;
  name: string;
  /** `<ROLE>:<subject>` of the support engineer who asked for the erasure. */
  erasedBy: string;
};

/** True when the export is of one contact rather than of the whole customer. */
export function isContactExport(subject: ExportSubject): subject is ExportSubject & { contactId: string } {
  return typeof subject.contactId === 'string' && subject.contactId.length > 0;
}

/**
 * The cases an export of per-case records covers: a contact's covers the cases they reported (null
 * when they reported none: the service has nothing of theirs), a customer's all its cases.
 */
export function exportedCases(subject: ExportSubject): { contact: boolean; incidentIds: string[] } | null {
  const contact = isContactExport(subject);
  const incidentIds = subject.incidentIds ?? [];
  return contact && incidentIds.length === 0 ? null : { contact, incidentIds };
}
