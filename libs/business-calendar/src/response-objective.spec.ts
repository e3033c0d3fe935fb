import { CalendarError } from './errors';
import { RESPONSE_OBJECTIVE_MINUTES, responseDueAt, type Severity } from './response-objective';
import { LONDON, MUNICH, NEW_YORK, ROUND_THE_CLOCK_BERLIN, SPLIT_SHIFT_PARIS, BERLIN, local, wall } from './test-calendars';

const NY = 'America/New_York';

describe('response objective due time', () => {
  it('gives Severity 1, 2 and 3 objectives of 30, 60 and 120 business minutes', () => {
    expect(RESPONSE_OBJECTIVE_MINUTES).toEqual({ 1: 30, 2: 60, 3: 120 });
    const reportedAt = local('2024-06-11T09:00', NY);
    expect(wall(responseDueAt({ reportedAt, severity: 1, calendar: NEW_YORK }), NY)).toBe('2024-06-11 09:30');
    expect(wall(responseDueAt({ reportedAt, severity: 2, calendar: NEW_YORK }), NY)).toBe('2024-06-11 10:00');
    expect(wall(responseDueAt({ reportedAt, severity: 3, calendar: NEW_YORK }), NY)).toBe('2024-06-11 11:00');
  });

  it('a Severity 2 case reported at 17:00 is due at 08:30 the next business morning', () => {
    const due = responseDueAt({ reportedAt: local('2024-06-11T17:00', NY), severity: 2, calendar: NEW_YORK });
    expect(wall(due, NY)).toBe('2024-06-12 08:30');
  });

  it('a Severity 2 case reported on Friday at 17:00 is due on Monday at 08:30', () => {
    const due = responseDueAt({ reportedAt: local('2024-06-14T17:00', NY), severity: 2, calendar: NEW_YORK });
    expect(wall(due, NY)).toBe('2024-06-17 08:30');
  });

  it('a Severity 2 case reported on Friday at 17:00 before a holiday Monday is due on Tuesday at 08:30', () => {
    // Memorial Day, Monday 27 May 2024.
    const due = responseDueAt({ reportedAt: local('2024-05-24T17:00', NY), severity: 2, calendar: NEW_YORK });
    expect(wall(due, NY)).toBe('2024-05-28 08:30');
  });

  it('a case reported on a Sunday is due the objective after the first business morning opens', () => {
    const due = responseDueAt({ reportedAt: local('2024-06-09T10:00', NY), severity: 2, calendar: NEW_YORK });
    expect(wall(due, NY)).toBe('2024-06-10 09:00');
  });

  it('a case reported before opening counts from opening time', () => {
    const due = responseDueAt({ reportedAt: local('2024-06-11T06:15', NY), severity: 1, calendar: NEW_YORK });
    expect(wall(due, NY)).toBe('2024-06-11 08:30');
  });

  it('an objective that ends exactly at closing time is due at closing, not the next morning', () => {
    const due = responseDueAt({ reportedAt: local('2024-06-11T17:00', NY), severity: 1, calendar: NEW_YORK });
    expect(wall(due, NY)).toBe('2024-06-11 17:30');
  });

  it('skips Good Friday and Easter Monday of the site country', () => {
    const due = responseDueAt({ reportedAt: local('2024-03-28T17:00', 'Europe/London'), severity: 2, calendar: LONDON });
    expect(wall(due, 'Europe/London')).toBe('2024-04-02 08:30');
  });

  it("skips a subdivision's holiday only where that subdivision is configured", () => {
    // Epiphany (6 Jan) is a public holiday in Bavaria, not in Berlin; 2025-01-06 is a Monday.
    const reportedAt = local('2025-01-03T17:00', 'Europe/Berlin');
    expect(wall(responseDueAt({ reportedAt, severity: 2, calendar: MUNICH }), 'Europe/Berlin')).toBe('2025-01-07 08:30');
    expect(wall(responseDueAt({ reportedAt, severity: 2, calendar: BERLIN }), 'Europe/Berlin')).toBe('2025-01-06 08:30');
  });

  it('does not count a lunch break of a split-shift calendar', () => {
    const due = responseDueAt({ reportedAt: local('2024-06-11T11:30', 'Europe/Paris'), severity: 2, calendar: SPLIT_SHIFT_PARIS });
    expect(wall(due, 'Europe/Paris')).toBe('2024-06-11 13:30');
  });

  it('uses the hours of each weekday: a short Friday carries the remainder to Monday', () => {
    const due = responseDueAt({ reportedAt: local('2024-06-14T11:00', 'Europe/Paris'), severity: 3, calendar: SPLIT_SHIFT_PARIS });
    expect(wall(due, 'Europe/Paris')).toBe('2024-06-17 09:00');
  });

  describe('across daylight-saving changes', () => {
    it('a case reported on the Friday before the spring-forward night is due at 08:30 local (EDT) on Monday', () => {
      const due = responseDueAt({ reportedAt: local('2024-03-08T17:00', NY), severity: 2, calendar: NEW_YORK });
      expect(wall(due, NY)).toBe('2024-03-11 08:30');
      expect(due.toISOString()).toBe('2024-03-11T12:30:00.000Z');
    });

    it('a case reported on the Friday before the fall-back night is due at 08:30 local (EST) on Monday', () => {
      const due = responseDueAt({ reportedAt: local('2024-11-01T17:00', NY), severity: 2, calendar: NEW_YORK });
      expect(due.toISOString()).toBe('2024-11-04T13:30:00.000Z');
    });

    it('on a round-the-clock calendar the skipped spring-forward hour is not business time', () => {
      // 01:30 CET + 1 h of real time = 03:30 CEST: the clock jumps 02:00 → 03:00.
      const due = responseDueAt({ reportedAt: local('2024-03-31T01:30', 'Europe/Berlin'), severity: 2, calendar: ROUND_THE_CLOCK_BERLIN });
      expect(wall(due, 'Europe/Berlin')).toBe('2024-03-31 03:30');
      expect(due.getTime() - local('2024-03-31T01:30', 'Europe/Berlin').getTime()).toBe(3_600_000);
    });

    it('on a round-the-clock calendar the repeated fall-back hour counts twice', () => {
      const reportedAt = new Date('2024-10-27T00:30:00Z'); // 02:30 CEST, before the clocks go back
      const due = responseDueAt({ reportedAt, severity: 3, calendar: ROUND_THE_CLOCK_BERLIN });
      expect(due.toISOString()).toBe('2024-10-27T02:30:00.000Z');
      expect(wall(due, 'Europe/Berlin')).toBe('2024-10-27 03:30');
    });
  });

  it('rejects a severity outside 1–3 with a typed error', () => {
    const call = () => responseDueAt({ reportedAt: new Date(), severity: 4 as Severity, calendar: NEW_YORK });
    expect(call).toThrow(CalendarError);
    expect(call).toThrow(expect.objectContaining({ code: 'INVALID_SEVERITY' }));
  });

  it('rejects an invalid reportedAt with a typed error instead of returning Invalid Date', () => {
    expect(() => responseDueAt({ reportedAt: new Date('not a date'), severity: 1, calendar: NEW_YORK })).toThrow(
      expect.objectContaining({ code: 'INVALID_DATE' }),
    );
  });
});
