import fc from 'fast-check';
import { addBusinessTime, businessTimeBetween, isWithinBusinessHours } from './business-time';
import { HOUR_MS } from './duration';
import { responseDueAt, responseObjectiveMs, type Severity } from './response-objective';
import { LONDON, MUNICH, NEW_YORK, ROUND_THE_CLOCK_BERLIN, SPLIT_SHIFT_PARIS, SYDNEY } from './test-calendars';

// Bounded runs keep the suite fast; the span covers several DST changes and holiday seasons.
const RUNS = { numRuns: 300 };
const calendars = fc.constantFrom(NEW_YORK, LONDON, MUNICH, SYDNEY, SPLIT_SHIFT_PARIS, ROUND_THE_CLOCK_BERLIN);
const instants = fc.date({ min: new Date('2023-01-01T00:00:00Z'), max: new Date('2026-12-31T00:00:00Z'), noInvalidDate: true });
const severities = fc.constantFrom<Severity>(1, 2, 3);

describe('business time properties', () => {
  it('the response due time is never before reportedAt', () => {
    fc.assert(
      fc.property(calendars, instants, severities, (calendar, reportedAt, severity) => {
        expect(responseDueAt({ reportedAt, severity, calendar }).getTime()).toBeGreaterThan(reportedAt.getTime());
      }),
      RUNS,
    );
  });

  it('business time elapsed between reportedAt and the due time equals the objective', () => {
    fc.assert(
      fc.property(calendars, instants, severities, (calendar, reportedAt, severity) => {
        const due = responseDueAt({ reportedAt, severity, calendar });
        expect(businessTimeBetween(calendar, reportedAt, due)).toBe(responseObjectiveMs(severity));
      }),
      RUNS,
    );
  });

  it('the due time falls at the end of a stretch of business time', () => {
    fc.assert(
      fc.property(calendars, instants, severities, (calendar, reportedAt, severity) => {
        const due = responseDueAt({ reportedAt, severity, calendar });
        expect(isWithinBusinessHours(calendar, new Date(due.getTime() - 1))).toBe(true);
      }),
      RUNS,
    );
  });

  it('adding then measuring business time round-trips', () => {
    const durations = fc.integer({ min: 0, max: 80 * HOUR_MS });
    fc.assert(
      fc.property(calendars, instants, durations, (calendar, start, duration) => {
        expect(businessTimeBetween(calendar, start, addBusinessTime(calendar, start, duration))).toBe(duration);
      }),
      RUNS,
    );
  });

  it('business time elapsed is additive over consecutive spans', () => {
    fc.assert(
      fc.property(calendars, fc.array(instants, { minLength: 3, maxLength: 3 }), (calendar, points) => {
        const [a, b, c] = [...points].sort((x, y) => x.getTime() - y.getTime());
        expect(businessTimeBetween(calendar, a, b) + businessTimeBetween(calendar, b, c)).toBe(businessTimeBetween(calendar, a, c));
      }),
      { numRuns: 50 },
    );
  });
});
