import { addBusinessDays, isBusinessDay, localDate, nextBusinessDay, publicHolidays, startOfBusiness } from './business-days';
import { DEFAULT_BUSINESS_HOURS } from './business-hours';
import { createCalendar, type CalendarConfig } from './calendar';
import { CalendarError, type CalendarErrorCode } from './errors';
import { MUNICH, NEW_YORK, SYDNEY, local } from './test-calendars';

function expectCalendarError(call: () => unknown, code: CalendarErrorCode, message: RegExp): void {
  let thrown: unknown;
  try {
    call();
  } catch (error) {
    thrown = error;
  }
  expect(thrown).toBeInstanceOf(CalendarError);
  expect(thrown).toMatchObject({ code, name: 'CalendarError' });
  expect((thrown as Error).message).toMatch(message);
}

const BASE: CalendarConfig = { timeZone: 'Europe/Berlin', country: 'DE' };

describe('calendar configuration', () => {
  it('defaults to Monday–Friday 08:00–17:30', () => {
    expect(createCalendar(BASE).hours).toBe(DEFAULT_BUSINESS_HOURS);
    expect(DEFAULT_BUSINESS_HOURS.saturday).toBeUndefined();
    expect(DEFAULT_BUSINESS_HOURS.wednesday).toEqual([{ from: '08:00', to: '17:30' }]);
  });

  it('normalises country and subdivision codes to upper case', () => {
    const calendar = createCalendar({ timeZone: 'Europe/Berlin', country: 'de', subdivision: 'by' });
    expect([calendar.country, calendar.subdivision]).toEqual(['DE', 'BY']);
  });

  it('rejects an unknown time zone with UNKNOWN_TIME_ZONE', () => {
    expectCalendarError(() => createCalendar({ ...BASE, timeZone: 'Europe/Atlantis' }), 'UNKNOWN_TIME_ZONE', /Europe\/Atlantis/);
  });

  it('rejects an unknown country code with UNKNOWN_COUNTRY', () => {
    expectCalendarError(() => createCalendar({ ...BASE, country: 'XX' }), 'UNKNOWN_COUNTRY', /"XX"/);
  });

  it('rejects an unknown subdivision instead of silently using the country', () => {
    expectCalendarError(() => createCalendar({ ...BASE, subdivision: 'ZZ' }), 'UNKNOWN_SUBDIVISION', /"ZZ".*DE/);
  });

  it('rejects malformed opening times with INVALID_TIME', () => {
    expectCalendarError(() => createCalendar({ ...BASE, hours: { monday: [{ from: '8am', to: '17:30' }] } }), 'INVALID_TIME', /8am/);
    expectCalendarError(() => createCalendar({ ...BASE, hours: { monday: [{ from: '24:00', to: '24:00' }] } }), 'INVALID_TIME', /24:00/);
  });

  it('rejects intervals that close before they open, overlap, or leave the week closed with INVALID_HOURS', () => {
    expectCalendarError(
      () => createCalendar({ ...BASE, hours: { monday: [{ from: '17:00', to: '08:00' }] } }),
      'INVALID_HOURS',
      /closes before it opens/,
    );
    expectCalendarError(
      () =>
        createCalendar({
          ...BASE,
          hours: {
            monday: [
              { from: '08:00', to: '12:30' },
              { from: '12:00', to: '17:00' },
            ],
          },
        }),
      'INVALID_HOURS',
      /overlap at 12:00/,
    );
    expectCalendarError(() => createCalendar({ ...BASE, hours: {} }), 'INVALID_HOURS', /at least one weekday/);
    expectCalendarError(() => createCalendar({ ...BASE, hours: { funday: [] } as never }), 'INVALID_HOURS', /funday/);
  });

  it('rejects an invalid extra closure date with INVALID_DATE', () => {
    expectCalendarError(() => createCalendar({ ...BASE, extraClosures: ['2024-02-30'] }), 'INVALID_DATE', /2024-02-30/);
    expectCalendarError(() => createCalendar({ ...BASE, extraClosures: ['24/12/2024'] }), 'INVALID_DATE', /yyyy-mm-dd/);
  });

  it('rejects a calendar that is not an object with INVALID_CALENDAR', () => {
    expectCalendarError(() => isBusinessDay(undefined as never, '2024-06-10'), 'INVALID_CALENDAR', /business calendar/);
  });
});

describe('business days', () => {
  it("closes on the country's public holidays from date-holidays", () => {
    expect(isBusinessDay(NEW_YORK, '2024-07-04')).toBe(false);
    expect(isBusinessDay(NEW_YORK, '2024-07-05')).toBe(true);
  });

  it('stays open on observances that are not public holidays', () => {
    // Valentine's Day and Halloween are in date-holidays as observances, not public holidays.
    expect(isBusinessDay(NEW_YORK, '2024-02-14')).toBe(true);
    expect(isBusinessDay(NEW_YORK, '2024-10-31')).toBe(true);
  });

  it('closes on weekends', () => {
    expect(isBusinessDay(NEW_YORK, '2024-06-08')).toBe(false);
    expect(isBusinessDay(NEW_YORK, '2024-06-09')).toBe(false);
  });

  it('closes on configured extra closure dates', () => {
    const calendar = createCalendar({ ...BASE, extraClosures: ['2024-12-27'] });
    expect(isBusinessDay(calendar, '2024-12-27')).toBe(false);
    expect(isBusinessDay(createCalendar(BASE), '2024-12-27')).toBe(true);
  });

  it('opens on weekend days that have configured hours', () => {
    const calendar = createCalendar({ ...BASE, hours: { saturday: [{ from: '09:00', to: '13:00' }] } });
    expect(isBusinessDay(calendar, '2024-06-08')).toBe(true);
    expect(isBusinessDay(calendar, '2024-06-10')).toBe(false);
  });

  it('next business day skips weekends and holidays', () => {
    expect(nextBusinessDay(NEW_YORK, '2024-05-24')).toBe('2024-05-28');
    expect(nextBusinessDay(NEW_YORK, '2024-06-10')).toBe('2024-06-11');
  });

  it('adding business days counts only business days and adding zero keeps the date', () => {
    // From Friday 20 Dec: 23rd, 24th, (25th and 26th are holidays), 27th.
    expect(addBusinessDays(MUNICH, '2024-12-20', 3)).toBe('2024-12-27');
    expect(addBusinessDays(MUNICH, '2024-12-21', 0)).toBe('2024-12-21');
  });

  it('rejects a negative number of business days with NEGATIVE_DURATION', () => {
    expectCalendarError(() => addBusinessDays(MUNICH, '2024-12-20', -1), 'NEGATIVE_DURATION', /-1/);
  });

  it('reads the local date of an instant in the calendar time zone', () => {
    expect(localDate(SYDNEY, new Date('2024-06-10T20:00:00Z'))).toBe('2024-06-11');
    expect(localDate(NEW_YORK, new Date('2024-06-11T02:00:00Z'))).toBe('2024-06-10');
  });

  it('reports the opening instant of a business day and none on a closed day', () => {
    expect(startOfBusiness(SYDNEY, '2024-06-11')).toEqual(local('2024-06-11T08:00', 'Australia/Sydney'));
    expect(startOfBusiness(SYDNEY, '2024-06-10')).toBeUndefined(); // King's Birthday (NSW)
  });

  it('lists the public holidays of a year for display', () => {
    const holidays = publicHolidays(NEW_YORK, 2024);
    expect(holidays).toContainEqual({ date: '2024-07-04', name: 'Independence Day' });
    expect(holidays.map((holiday) => holiday.date)).toEqual([...holidays.map((holiday) => holiday.date)].sort());
  });

  it('fails loudly when a configuration leaves no business day at all', () => {
    const days = Array.from({ length: 3700 }, (_, index) => new Date(Date.UTC(2024, 0, 1 + index)).toISOString().slice(0, 10));
    const shut = createCalendar({ ...BASE, extraClosures: days });
    expectCalendarError(() => nextBusinessDay(shut, '2023-12-31'), 'NO_BUSINESS_TIME', /no business day/);
  });
});
