import { localDateTime, zoneCity } from './date-format';

/**
 * An instant as the place's local date and 24-hour time, e.g. "2026-05-20 08:30 London"; the
 * machine-readable instant and the full zone name are in the markup for tools and tooltips.
 */
export function LocalDateTime({ iso, zone, showZone = true }: { iso: string | null | undefined; zone: string; showZone?: boolean }) {
  if (!iso) return <span className="no-time">—</span>;
  return (
    <time dateTime={iso} title={`${localDateTime(iso, zone)} ${zone}`}>
      {localDateTime(iso, zone)}
      {showZone && <span className="zone-name"> {zoneCity(zone)}</span>}
    </time>
  );
}
