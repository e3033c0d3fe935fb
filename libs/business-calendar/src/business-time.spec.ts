import { addBusinessTime, businessTimeBetween, isWithinBusinessHours } from './business-time';
import { HOUR_MS, MINUTE_MS } from './duration';
import { CalendarError } from './errors';
import { NEW_YORK, ROUND_THE_CLOCK_BERLIN, SPLIT_SHIFT_PARIS, local } from './test-calendars';

const NY = 'America/New_York';

describe('business time elapsed', () => {
  it('counts only business hours between two instants on the same day', () => {
    expect(businessTimeBetween(NEW_YORK, local('2024-06-11T07:00', NY), local('2024-06-11T09:15', NY))).toBe(75 * MINUTE_MS);
  });

  it('counts nothing over a weekend', () => {
    expect(businessTimeBetween(NEW_YORK, local('2024-06-14T17:30', NY), local('2024-06-17T08:00', NY))).toBe(0);
  });

  it('counts a full business day as 9.5 hours', () => {
    expect(businessTimeBetween(NEW_YORK, local('2024-06-11T00:00', NY), local('2024-06-12T00:00', NY))).toBe(9.5 * HOUR_MS);
  });

  it('does not count a holiday', () => {
    // Wednesday 3 July to Friday 5 July 2024 00:00 spans Independence Day: only Wednesday counts.
    expect(businessTimeBetween(NEW_YORK, local('2024-07-03T00:00', NY), local('2024-07-05T00:00', NY))).toBe(9.5 * HOUR_MS);
  });

  it('does not count the lunch break of a split shift', () => {
    expect(
      businessTimeBetween(SPLIT_SHIFT_PARIS, local('2024-06-11T11:00', 'Europe/Paris'), local('2024-06-11T14:00', 'Europe/Paris')),
    ).toBe(2 * HOUR_MS);
  });

  it('counts the real length of a DST night on a round-the-clock calendar', () => {
    const springDay = businessTimeBetween(
      ROUND_THE_CLOCK_BERLIN,
      local('2024-03-31T00:00', 'Europe/Berlin'),
      local('2024-04-01T00:00', 'Europe/Berlin'),
    );
    const autumnDay = businessTimeBetween(
      ROUND_THE_CLOCK_BERLIN,
      local('2024-10-27T00:00', 'Europe/Berlin'),
      local('2024-10-28T00:00', 'Europe/Berlin'),
    );
    expect([springDay, autumnDay]).toEqual([23 * HOUR_MS, 25 * HOUR_MS]);
  });

  it('is zero between an instant and itself', () => {
    const at = local('2024-06-11T10:00', NY);
    expect(businessTimeBetween(NEW_YORK, at, at)).toBe(0);
  });

  it('rejects an end before the start with NEGATIVE_DURATION', () => {
    const call = () => businessTimeBetween(NEW_YORK, local('2024-06-11T10:00', NY), local('2024-06-11T09:00', NY));
    expect(call).toThrow(CalendarError);
    expect(call).toThrow(expect.objectContaining({ code: 'NEGATIVE_DURATION' }));
  });
});

describe('adding business time', () => {
  it('adding zero returns the start instant even outside business hours', () => {
    const sunday = local('2024-06-09T10:00', NY);
    expect(addBusinessTime(NEW_YORK, sunday, 0)).toEqual(sunday);
  });

  it('carries over several business days', () => {
    expect(addBusinessTime(NEW_YORK, local('2024-06-11T17:00', NY), 20 * HOUR_MS)).toEqual(local('2024-06-14T08:30', NY));
  });

  it('rejects a negative duration with NEGATIVE_DURATION', () => {
    expect(() => addBusinessTime(NEW_YORK, local('2024-06-11T10:00', NY), -MINUTE_MS)).toThrow(
      expect.objectContaining({ code: 'NEGATIVE_DURATION' }),
    );
  });

  it('rejects a duration that is not a whole number of milliseconds with INVALID_DURATION', () => {
    expect(() => addBusinessTime(NEW_YORK, local('2024-06-11T10:00', NY), Number.NaN)).toThrow(
      expect.objectContaining({ code: 'INVALID_DURATION' }),
    );
    expect(() => addBusinessTime(NEW_YORK, local('2024-06-11T10:00', NY), 1.5)).toThrow(
      expect.objectContaining({ code: 'INVALID_DURATION' }),
    );
  });
});

describe('within business hours', () => {
  it('is open from opening time inclusive to closing time exclusive', () => {
    expect(isWithinBusinessHours(NEW_YORK, local('2024-06-11T08:00', NY))).toBe(true);
    expect(isWithinBusinessHours(NEW_YORK, local('2024-06-11T17:29', NY))).toBe(true);
    expect(isWithinBusinessHours(NEW_YORK, local('2024-06-11T17:30', NY))).toBe(false);
    expect(isWithinBusinessHours(NEW_YORK, local('2024-06-11T07:59', NY))).toBe(false);
  });

  it('is closed during a lunch break, on weekends and on holidays', () => {
    expect(isWithinBusinessHours(SPLIT_SHIFT_PARIS, local('2024-06-11T12:30', 'Europe/Paris'))).toBe(false);
    expect(isWithinBusinessHours(NEW_YORK, local('2024-06-08T10:00', NY))).toBe(false);
    expect(isWithinBusinessHours(NEW_YORK, local('2024-07-04T10:00', NY))).toBe(false);
  });

  it('judges by the calendar time zone, not UTC', () => {
    // 13:00Z is 09:00 in New York (open) but 22:00 in Tokyo.
    expect(isWithinBusinessHours(NEW_YORK, new Date('2024-06-11T13:00:00Z'))).toBe(true);
    expect(isWithinBusinessHours(NEW_YORK, new Date('2024-06-11T23:00:00Z'))).toBe(false);
  });

  it('rejects an invalid instant with INVALID_DATE', () => {
    expect(() => isWithinBusinessHours(NEW_YORK, new Date(Number.NaN))).toThrow(expect.objectContaining({ code: 'INVALID_DATE' }));
  });
});
