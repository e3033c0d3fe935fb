// One way to write dates and times on every page: in the place's own time zone (the site's, the
// depot's, the region's), as yyyy-mm-dd and a 24-hour HH:mm clock, whatever the browser's locale.
import { DateTime } from 'luxon';

function inZone(iso: string, zone: string): DateTime {
  return DateTime.fromISO(iso, { zone: 'utc' }).setZone(zone);
}

/** Local wall time HH:mm of an instant in a zone. */
export function localTime(iso: string, zone: string): string {
  return inZone(iso, zone).toFormat('HH:mm');
}

/** Local date yyyy-mm-dd of an instant in a zone. */
export function localDate(iso: string, zone: string): string {
  return inZone(iso, zone).toISODate() as string;
}

/** Local date and time "yyyy-mm-dd HH:mm" of an instant in a zone; a dash when there is none. */
export function localDateTime(iso: string | null | undefined, zone: string): string {
  if (!iso) return '—';
  const at = inZone(iso, zone);
  return at.isValid ? at.toFormat('yyyy-MM-dd HH:mm') : '—';
}

/** The zone as people say it: "Europe/London" → "London", "America/Argentina/Buenos_Aires" → "Buenos Aires". */
export function zoneCity(zone: string): string {
  return (zone.split('/').pop() ?? zone).replace(/_/g, ' ');
}
