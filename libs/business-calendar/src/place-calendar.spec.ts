import { isBusinessDay, publicHolidays } from './business-days';
import { ROUND_THE_CLOCK_HOURS } from './business-hours';
import { CalendarError } from './errors';
import { placeCalendar, placeCalendars } from './place-calendar';
import { responseDueAt } from './response-objective';

const LONDON = { countryCode: 'GB', timeZone: 'Europe/London' };

describe('the calendar of a place', () => {
  const reportedAt = new Date('2025-12-31T17:00:00Z'); // Wednesday 17:00 in the UK

  it('a place’s subdivision brings its own holidays: 2 January is a bank holiday in Scotland, not in England', () => {
    const england = placeCalendar({ ...LONDON, subdivision: 'ENG' });
    const scotland = placeCalendar({ ...LONDON, subdivision: 'SCT' });
    expect(responseDueAt({ reportedAt, severity: 2, calendar: england })).toEqual(new Date('2026-01-02T08:30:00Z'));
    expect(responseDueAt({ reportedAt, severity: 2, calendar: scotland })).toEqual(new Date('2026-01-05T08:30:00Z'));
  });

  it('Corpus Christi closes a site in Bavaria but not one in Berlin', () => {
    const bavaria = placeCalendar({ countryCode: 'DE', subdivision: 'BY', timeZone: 'Europe/Berlin' });
    const berlin = placeCalendar({ countryCode: 'DE', subdivision: 'BE', timeZone: 'Europe/Berlin' });
    expect([isBusinessDay(bavaria, '2026-06-04'), isBusinessDay(berlin, '2026-06-04')]).toEqual([false, true]);
  });

  it('a subdivision the holiday data does not know falls back to the country’s holidays', () => {
    const unknown = placeCalendar({ ...LONDON, subdivision: 'ZZZ' });
    expect([unknown.country, unknown.subdivision]).toEqual(['GB', undefined]);
    expect(publicHolidays(unknown, 2026)).toEqual(publicHolidays(placeCalendar(LONDON), 2026));
  });

  it('an unknown country or time zone is still refused: the fallback is for subdivisions only', () => {
    expect(() => placeCalendar({ countryCode: 'XX', subdivision: 'BY', timeZone: 'Europe/Berlin' })).toThrow(CalendarError);
    expect(() => placeCalendar({ countryCode: 'DE', subdivision: 'BY', timeZone: 'Europe/Atlantis' })).toThrow(/Atlantis/);
  });

  it('the same place gives the same calendar, built once', () => {
    const first = placeCalendar({
      ...LONDON,
      subdivision: 'SCT',
      hours: { monday: [{ from: '09:00', to: '17:00' }] },
      extraClosures: ['2026-08-03', '2026-08-04'],
    });
    const again = placeCalendar({
      timeZone: 'Europe/London',
      extraClosures: ['2026-08-04', '2026-08-03'],
      hours: { monday: [{ from: '09:00', to: '17:00' }] },
      subdivision: 'SCT',
      countryCode: 'GB',
    });
    expect(again).toBe(first);
    expect(placeCalendar({ ...LONDON, subdivision: null })).toBe(placeCalendar(LONDON));
  });

  it('places that differ in any of country, subdivision, zone, hours or closures get their own calendars', () => {
    const base = { countryCode: 'DE', subdivision: 'BY', timeZone: 'Europe/Berlin' };
    const variants = [
      base,
      { ...base, countryCode: 'AT', subdivision: null, timeZone: 'Europe/Vienna' },
      { ...base, subdivision: 'BE' },
      { ...base, timeZone: 'Europe/Busingen' },
      { ...base, hours: ROUND_THE_CLOCK_HOURS },
      { ...base, extraClosures: ['2026-12-24'] },
    ];
    const calendars = variants.map((place) => placeCalendar(place));
    expect(new Set(calendars).size).toBe(variants.length);
    expect(calendars[4].hours).toEqual(ROUND_THE_CLOCK_HOURS);
    expect(isBusinessDay(calendars[5], '2026-12-24')).toBe(false);
  });

  it('configured default hours apply to places that name none, and a place’s own hours win', () => {
    const roundTheClock = placeCalendars({ hours: ROUND_THE_CLOCK_HOURS });
    expect(roundTheClock(LONDON).hours).toEqual(ROUND_THE_CLOCK_HOURS);
    const ownHours = { friday: [{ from: '10:00', to: '12:00' }] };
    expect(roundTheClock({ ...LONDON, hours: ownHours }).hours).toEqual(ownHours);
    expect(placeCalendars()(LONDON)).toBe(placeCalendar(LONDON));
  });
});
