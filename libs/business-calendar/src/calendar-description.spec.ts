import { createCalendar } from './calendar';
import { describeCalendar } from './calendar-description';
import { MUNICH, NEW_YORK, ROUND_THE_CLOCK_BERLIN, SPLIT_SHIFT_PARIS, local } from './test-calendars';

describe('calendar description', () => {
  it('gives business hours per weekday, Monday first, with closed days empty, and the time zone', () => {
    const description = describeCalendar(NEW_YORK, { from: local('2024-06-11T12:00', 'America/New_York') });
    expect(description).toMatchObject({
      id: 'site:new-york',
      timeZone: 'America/New_York',
      country: 'US',
      hoursSummary: 'Mon–Fri 08:00–17:30',
    });
    expect(description.weeklyHours.map(({ weekday }) => weekday)).toEqual([
      'monday',
      'tuesday',
      'wednesday',
      'thursday',
      'friday',
      'saturday',
      'sunday',
    ]);
    expect(description.weeklyHours[0].hours).toEqual([{ from: '08:00', to: '17:30' }]);
    expect(description.weeklyHours[5].hours).toEqual([]);
    expect(description).not.toHaveProperty('subdivision');
  });

  it('shows split shifts and a short Friday in one readable line', () => {
    expect(describeCalendar(SPLIT_SHIFT_PARIS, { from: new Date('2024-06-11T12:00:00Z') }).hoursSummary).toBe(
      'Mon–Thu 08:00–12:00, 13:00–17:30; Fri 08:00–12:00',
    );
    expect(describeCalendar(ROUND_THE_CLOCK_BERLIN, { from: new Date('2024-06-11T12:00:00Z') }).hoursSummary).toBe('Mon–Sun 00:00–24:00');
  });

  it('lists the next public holidays from the local date of the instant, that date included', () => {
    // 22:00 on 4 July in New York is already 5 July in UTC: the holiday evening still lists the holiday.
    const holidayEvening = describeCalendar(NEW_YORK, { from: local('2024-07-04T22:00', 'America/New_York'), count: 2 });
    expect(holidayEvening.upcomingClosures).toEqual([
      { date: '2024-07-04', name: 'Independence Day', kind: 'PUBLIC_HOLIDAY' },
      { date: '2024-09-02', name: 'Labor Day', kind: 'PUBLIC_HOLIDAY' },
    ]);
    const fromHoliday = describeCalendar(NEW_YORK, { from: local('2024-06-19T00:00', 'America/New_York'), count: 1 });
    expect(fromHoliday.upcomingClosures).toEqual([{ date: '2024-06-19', name: 'Juneteenth', kind: 'PUBLIC_HOLIDAY' }]);
  });

  it("lists the subdivision's holidays across the year end", () => {
    const description = describeCalendar(MUNICH, { from: local('2024-12-20T12:00', 'Europe/Berlin'), count: 4 });
    expect(description.subdivision).toBe('BY');
    expect(description.upcomingClosures.map(({ date }) => date)).toEqual(['2024-12-25', '2024-12-26', '2025-01-01', '2025-01-06']);
  });

  it('lists extra closures beside public holidays, a closure on a holiday once as the holiday', () => {
    const calendar = createCalendar({
      timeZone: 'America/New_York',
      country: 'US',
      extraClosures: ['2024-07-05', '2024-07-04', '2024-06-01'],
    });
    const description = describeCalendar(calendar, { from: local('2024-06-20T12:00', 'America/New_York'), count: 3 });
    expect(description.upcomingClosures).toEqual([
      { date: '2024-07-04', name: 'Independence Day', kind: 'PUBLIC_HOLIDAY' },
      { date: '2024-07-05', name: 'Site closure', kind: 'CLOSURE' },
      { date: '2024-09-02', name: 'Labor Day', kind: 'PUBLIC_HOLIDAY' },
    ]);
  });

  it('lists no closures when asked for none, and refuses a negative count', () => {
    expect(describeCalendar(NEW_YORK, { from: new Date('2024-06-11T12:00:00Z'), count: 0 }).upcomingClosures).toEqual([]);
    expect(() => describeCalendar(NEW_YORK, { from: new Date('2024-06-11T12:00:00Z'), count: -1 })).toThrow(
      expect.objectContaining({ code: 'NEGATIVE_DURATION' }),
    );
  });
});
