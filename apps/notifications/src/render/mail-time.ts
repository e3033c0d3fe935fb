import { DateTime } from 'luxon';

/** How a recipient reads times: a zone and a locale for day and month names. */
export type Reader = { timeZone: string; locale: string };

export const DEFAULT_LOCALE = 'en-GB';

/** An instant as the recipient's wall clock: "Tue 3 Mar 2026, 14:05 CET", 24-hour, in their zone. */
export function formatInstant(iso: string, reader: Reader): string {
  const at = DateTime.fromISO(iso, { zone: 'utc' }).setZone(reader.timeZone).setLocale(reader.locale);
  if (!at.isValid) return iso;
  const zone = at.toFormat('ZZZZ');
  return `${at.toFormat('ccc d LLL yyyy, HH:mm')} ${zone}`;
}

/** A local calendar date (yyyy-mm-dd) as "Tue 3 Mar 2026". */
export function formatLocalDate(isoDate: string, locale: string): string {
  const day = DateTime.fromISO(isoDate, { zone: 'utc' }).setLocale(locale);
  return day.isValid ? day.toFormat('ccc d LLL yyyy') : isoDate;
}

/** Whether luxon knows the zone (IANA names only). */
export function isKnownTimeZone(zone: string): boolean {
  return DateTime.now().setZone(zone).isValid;
}

/** Whether the runtime can format dates for the locale (a BCP 47 tag such as en-GB or de-DE). */
export function isSupportedLocale(locale: string): boolean {
  try {
    return Intl.DateTimeFormat.supportedLocalesOf([locale]).length === 1;
  } catch {
    return false;
  }
}
