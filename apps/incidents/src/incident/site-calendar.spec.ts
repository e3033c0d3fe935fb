import { responseDueAt } from '@polyplus/business-calendar';
import { siteCalendars } from './site-calendar';

describe('site calendars', () => {
  const calendars = siteCalendars();
  const reportedAt = new Date('2025-12-31T17:00:00Z'); // Wednesday 17:00 in the UK

  it('a site’s subdivision brings its own holidays: 2 January is a bank holiday in Scotland, not in England', () => {
    const england = calendars({ countryCode: 'GB', subdivision: 'ENG', timeZone: 'Europe/London' });
    const scotland = calendars({ countryCode: 'GB', subdivision: 'SCT', timeZone: 'Europe/London' });
    expect(responseDueAt({ reportedAt, severity: 2, calendar: england })).toEqual(new Date('2026-01-02T08:30:00Z'));
    expect(responseDueAt({ reportedAt, severity: 2, calendar: scotland })).toEqual(new Date('2026-01-05T08:30:00Z'));
  });

  it('a subdivision the holiday data does not know falls back to the country’s holidays', () => {
    const unknown = calendars({ countryCode: 'GB', subdivision: 'ZZZ', timeZone: 'Europe/London' });
    expect(unknown.country).toBe('GB');
    expect(unknown.subdivision).toBeUndefined();
  });
});
