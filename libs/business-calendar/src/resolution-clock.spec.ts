import { businessTimeBetween } from './business-time';
import { HOUR_MS, MINUTE_MS } from './duration';
import { resolutionClockAt, type ResolutionClockInput } from './resolution-clock';
import { resolutionTargetMs } from './resolution-target';
import { NEW_YORK, SPLIT_SHIFT_PARIS, local, wall } from './test-calendars';

const NY = 'America/New_York';
const at = (wallClock: string) => local(wallClock, NY);

// Tuesday 11 June 2024 in New York, business hours 08:00–17:30.
function clock(input: Partial<ResolutionClockInput> & Pick<ResolutionClockInput, 'now'>) {
  return resolutionClockAt({ calendar: NEW_YORK, startedAt: at('2024-06-11T09:00'), targetMs: resolutionTargetMs(2), ...input });
}

describe('resolution clock', () => {
  describe('pauses', () => {
    it('a case waiting on the customer over a weekend and a public holiday accrues no resolution time', () => {
      // Friday 24 May 2024, then the weekend and Memorial Day (Monday 27 May).
      const waiting = { start: at('2024-05-24T16:00'), end: at('2024-05-28T09:00'), reason: 'WAITING_ON_CUSTOMER' as const };
      const base = { startedAt: at('2024-05-24T10:00'), pauses: [waiting] };

      expect(clock({ ...base, now: at('2024-05-24T16:00') }).elapsedMs).toBe(6 * HOUR_MS);
      const onTheHoliday = clock({ ...base, now: at('2024-05-27T12:00') });
      expect(onTheHoliday).toMatchObject({ state: 'PAUSED', elapsedMs: 6 * HOUR_MS, dueAt: null });
      expect(onTheHoliday.pauses).toEqual([
        { start: waiting.start, end: null, reasons: ['WAITING_ON_CUSTOMER'], businessMs: 90 * MINUTE_MS },
      ]);

      const resumed = clock({ ...base, now: at('2024-05-28T09:00') });
      expect(resumed).toMatchObject({ state: 'ON_TRACK', elapsedMs: 6 * HOUR_MS, remainingMs: 3.5 * HOUR_MS });
      expect(wall(resumed.dueAt as Date, NY)).toBe('2024-05-28 12:30');
      // Withheld: Friday 16:00–17:30 and Tuesday 08:00–09:00; the weekend and the holiday were never business time.
      expect(resumed.pauses[0].businessMs).toBe(2.5 * HOUR_MS);
    });

    it('a partner pause opened and closed inside business hours removes exactly that span', () => {
      const partner = { start: at('2024-06-11T10:15'), end: at('2024-06-11T11:40'), reason: 'WAITING_ON_PARTNER' as const };
      const result = clock({ pauses: [partner], now: at('2024-06-11T13:00') });
      expect(result.elapsedMs).toBe(4 * HOUR_MS - 85 * MINUTE_MS);
      expect(result.pauses).toEqual([
        { start: partner.start, end: partner.end, reasons: ['WAITING_ON_PARTNER'], businessMs: 85 * MINUTE_MS },
      ]);
    });

    it('overlapping pauses withhold their common time once and merge in the history', () => {
      const result = clock({
        pauses: [
          { start: at('2024-06-11T10:30'), end: at('2024-06-11T12:00'), reason: 'WAITING_ON_PART' },
          { start: at('2024-06-11T10:00'), end: at('2024-06-11T11:00'), reason: 'WAITING_ON_CUSTOMER' },
          { start: at('2024-06-11T10:45'), end: at('2024-06-11T11:15'), reason: 'WAITING_ON_CUSTOMER' },
        ],
        now: at('2024-06-11T13:00'),
      });
      expect(result.elapsedMs).toBe(2 * HOUR_MS);
      expect(result.pauses).toEqual([
        {
          start: at('2024-06-11T10:00'),
          end: at('2024-06-11T12:00'),
          reasons: ['WAITING_ON_CUSTOMER', 'WAITING_ON_PART'],
          businessMs: 2 * HOUR_MS,
        },
      ]);
    });

    it('a pause that starts when another ends continues it as one span', () => {
      const result = clock({
        pauses: [
          { start: at('2024-06-11T10:00'), end: at('2024-06-11T11:00'), reason: 'WAITING_ON_CUSTOMER' },
          { start: at('2024-06-11T11:00'), end: at('2024-06-11T11:30'), reason: 'WAITING_ON_PARTNER' },
        ],
        now: at('2024-06-11T13:00'),
      });
      expect(result.pauses).toHaveLength(1);
      expect(result.elapsedMs).toBe(2.5 * HOUR_MS);
    });

    it('a pause outside business hours subtracts nothing', () => {
      const overnight = { start: at('2024-06-11T18:00'), end: at('2024-06-12T07:30'), reason: 'WAITING_ON_CUSTOMER' as const };
      const now = at('2024-06-12T10:00');
      const result = clock({ pauses: [overnight], now });
      expect(result.elapsedMs).toBe(businessTimeBetween(NEW_YORK, at('2024-06-11T09:00'), now));
      expect(result.pauses[0].businessMs).toBe(0);
    });

    it('does not count the lunch break of a split shift, paused or not', () => {
      const result = resolutionClockAt({
        calendar: SPLIT_SHIFT_PARIS,
        startedAt: local('2024-06-11T09:00', 'Europe/Paris'),
        targetMs: resolutionTargetMs(1),
        pauses: [
          { start: local('2024-06-11T11:30', 'Europe/Paris'), end: local('2024-06-11T13:30', 'Europe/Paris'), reason: 'WAITING_ON_PART' },
        ],
        now: local('2024-06-11T15:00', 'Europe/Paris'),
      });
      expect(result.elapsedMs).toBe(4 * HOUR_MS);
      expect(result.pauses[0].businessMs).toBe(HOUR_MS);
    });

    it('while paused the remaining time stands still and no due instant is given', () => {
      const pauses = [{ start: at('2024-06-11T11:00'), reason: 'WAITING_ON_PART' as const }];
      const early = clock({ pauses, now: at('2024-06-11T12:00') });
      const later = clock({ pauses, now: at('2024-06-13T12:00') });
      expect(early).toMatchObject({ state: 'PAUSED', dueAt: null, elapsedMs: 2 * HOUR_MS });
      expect(later.remainingMs).toBe(early.remainingMs);
      expect(later.pauses).toEqual([
        { start: at('2024-06-11T11:00'), end: null, reasons: ['WAITING_ON_PART'], businessMs: later.pauses[0].businessMs },
      ]);
    });

    it('a pause before the clock started is clipped to the start', () => {
      const result = clock({
        pauses: [{ start: at('2024-06-11T07:00'), end: at('2024-06-11T10:00'), reason: 'WAITING_ON_CUSTOMER' }],
        now: at('2024-06-11T12:00'),
      });
      expect(result.elapsedMs).toBe(2 * HOUR_MS);
      expect(result.pauses[0].start).toEqual(at('2024-06-11T09:00'));
    });
  });

  describe('due time and breach', () => {
    it('a running clock is due when the remaining business time has run, across the night', () => {
      // Severity 1: 4 business hours from Tuesday 15:00 → 2.5 h that day, 1.5 h on Wednesday.
      const result = clock({ startedAt: at('2024-06-11T15:00'), targetMs: 4 * HOUR_MS, now: at('2024-06-11T16:00') });
      expect(result).toMatchObject({ state: 'ON_TRACK', elapsedMs: HOUR_MS, remainingMs: 3 * HOUR_MS, overdueMs: 0, stoppedAt: null });
      expect(wall(result.dueAt as Date, NY)).toBe('2024-06-12 09:30');
    });

    it('a closed pause moves the due instant by the business time it withheld', () => {
      const pauses = [{ start: at('2024-06-11T15:30'), end: at('2024-06-11T16:30'), reason: 'WAITING_ON_CUSTOMER' as const }];
      const result = clock({ startedAt: at('2024-06-11T15:00'), targetMs: 4 * HOUR_MS, pauses, now: at('2024-06-11T17:00') });
      expect(wall(result.dueAt as Date, NY)).toBe('2024-06-12 10:30');
    });

    it('a case due at closing time is on track at 17:30 and breached a minute later, though no business time ran', () => {
      const base = { startedAt: at('2024-06-11T13:30'), targetMs: 4 * HOUR_MS };
      expect(clock({ ...base, now: at('2024-06-11T17:30') })).toMatchObject({
        state: 'ON_TRACK',
        remainingMs: 0,
        dueAt: at('2024-06-11T17:30'),
      });
      expect(clock({ ...base, now: at('2024-06-11T17:31') })).toMatchObject({
        state: 'BREACHED',
        remainingMs: 0,
        overdueMs: 0,
        dueAt: at('2024-06-11T17:30'),
      });
      expect(clock({ ...base, now: at('2024-06-12T08:45') })).toMatchObject({ state: 'BREACHED', overdueMs: 45 * MINUTE_MS });
    });

    it('a breached case stays breached when it is paused afterwards', () => {
      const result = clock({
        startedAt: at('2024-06-11T13:30'),
        targetMs: 4 * HOUR_MS,
        pauses: [{ start: at('2024-06-12T09:00'), reason: 'WAITING_ON_CUSTOMER' }],
        now: at('2024-06-12T12:00'),
      });
      expect(result).toMatchObject({ state: 'BREACHED', overdueMs: HOUR_MS, dueAt: at('2024-06-11T17:30') });
    });

    it('a case resolved on or before its due instant is MET and its clock stops there', () => {
      const base = { startedAt: at('2024-06-11T13:30'), targetMs: 4 * HOUR_MS, now: at('2024-06-14T12:00') };
      expect(clock({ ...base, stoppedAt: at('2024-06-11T17:30') })).toMatchObject({
        state: 'MET',
        elapsedMs: 4 * HOUR_MS,
        remainingMs: 0,
        dueAt: null,
        stoppedAt: at('2024-06-11T17:30'),
      });
      expect(clock({ ...base, stoppedAt: at('2024-06-11T16:00') })).toMatchObject({
        state: 'MET',
        elapsedMs: 2.5 * HOUR_MS,
        remainingMs: 1.5 * HOUR_MS,
      });
    });

    it('a case resolved after its due instant is BREACHED with the stop and the breach instant', () => {
      const result = clock({
        startedAt: at('2024-06-11T13:30'),
        targetMs: 4 * HOUR_MS,
        stoppedAt: at('2024-06-12T09:00'),
        now: at('2024-06-14T12:00'),
      });
      expect(result).toMatchObject({
        state: 'BREACHED',
        overdueMs: HOUR_MS,
        dueAt: at('2024-06-11T17:30'),
        stoppedAt: at('2024-06-12T09:00'),
      });
    });

    it('a pause still open when the case is resolved ends at the resolution', () => {
      const result = clock({
        pauses: [{ start: at('2024-06-11T10:00'), reason: 'WAITING_ON_PART' }],
        stoppedAt: at('2024-06-11T11:00'),
        now: at('2024-06-11T12:00'),
      });
      expect(result).toMatchObject({ state: 'MET', elapsedMs: HOUR_MS });
      expect(result.pauses).toEqual([
        { start: at('2024-06-11T10:00'), end: at('2024-06-11T11:00'), reasons: ['WAITING_ON_PART'], businessMs: HOUR_MS },
      ]);
    });

    it('a clock evaluated at an earlier instant shows what it showed then: later pauses and changes are ignored', () => {
      const input = {
        pauses: [{ start: at('2024-06-11T12:00'), end: at('2024-06-11T13:00'), reason: 'WAITING_ON_CUSTOMER' as const }],
        targetChanges: [{ at: at('2024-06-11T12:30'), targetMs: HOUR_MS }],
        stoppedAt: at('2024-06-11T14:00'),
      };
      expect(clock({ ...input, now: at('2024-06-11T11:00') })).toMatchObject({
        state: 'ON_TRACK',
        elapsedMs: 2 * HOUR_MS,
        targetMs: resolutionTargetMs(2),
        pauses: [],
      });
    });
  });

  describe('refuses input it cannot make sense of', () => {
    it.each([
      [
        'a pause that ends before it starts',
        { pauses: [{ start: at('2024-06-11T11:00'), end: at('2024-06-11T10:00'), reason: 'WAITING_ON_CUSTOMER' as const }] },
        'INVALID_PERIOD',
      ],
      ['a pause with an unknown reason', { pauses: [{ start: at('2024-06-11T10:00'), reason: 'LUNCH' as never }] }, 'INVALID_PAUSE'],
      ['a target of zero', { targetMs: 0 }, 'INVALID_TARGET'],
      [
        'a target change before the clock started',
        { targetChanges: [{ at: at('2024-06-11T08:00'), targetMs: HOUR_MS }] },
        'INVALID_PERIOD',
      ],
      ['a stop before the start', { stoppedAt: at('2024-06-11T08:00') }, 'INVALID_PERIOD'],
      ['now before the start', { now: at('2024-06-11T08:00') }, 'INVALID_PERIOD'],
      ['an invalid instant', { now: new Date('not a date') }, 'INVALID_DATE'],
    ])('rejects %s', (_label, input, code) => {
      expect(() => clock({ now: at('2024-06-11T12:00'), ...input })).toThrow(expect.objectContaining({ code }));
    });
  });
});
