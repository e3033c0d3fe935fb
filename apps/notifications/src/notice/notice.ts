import type { NoticeKind } from './notification-category';

/**
 * One line of a notice: a text, or an instant shown in the recipient's time zone, or a calendar
 * date that is already local (a delivery day, a return due date).
 */
export type NoticeFact = { label: string; text?: string; at?: string; date?: string };

/**
 * What a mail says about one event, captured when the event arrives (so a re-send, a retry or a
 * digest the next morning says the same). Times stay instants until rendered for a recipient.
 */
export type Notice = {
  kind: NoticeKind;
  /** The customer the event concerns; recipients are its contacts. */
  customerId: string;
  /** When it happened (ISO instant). */
  occurredAt: string;
  /** Short case reference shown in subjects, e.g. `C-1A2B3C4D`. */
  caseRef: string | null;
  caseId: string | null;
  /** The reporting contact of the case, who always hears about it (unless they opted out). */
  reporterContactId: string | null;
  headline: string;
  intro: string;
  facts: NoticeFact[];
  /** Free text from support (a resolution, a workaround, a security notice), shown as written. */
  body: string | null;
  /** The case site's time zone: the default for recipients who chose none. */
  siteTimeZone: string | null;
};

/** `C-` and the first 8 characters of the case id, upper case: short enough for a subject line. */
export function caseReference(incidentId: string): string {
  return `C-${incidentId.replace(/-/g, '').slice(0, 8).toUpperCase()}`;
}
