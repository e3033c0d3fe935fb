import { HOUR_MS, MINUTE_MS } from './duration';
import type { ClockPause } from './pause-history';
import { resolutionClockAt } from './resolution-clock';
import { resolutionTargetMs, resolutionTargets } from './resolution-target';
import { responseDueAt } from './response-objective';
import { isSeverityUpgrade, resolutionTargetChanges, responseDueAfterSeverityChange, type SeverityChange } from './severity-change';
import type { Severity } from './severity';
import { NEW_YORK, local, wall } from './test-calendars';

const NY = 'America/New_York';
const at = (wallClock: string) => local(wallClock, NY);

describe('severity-change rule', () => {
  describe('response objective', () => {
    // Severity 3 reported Tuesday 16:00: 90 minutes that day, 30 on Wednesday → due 08:30.
    const reportedAt = at('2024-06-11T16:00');
    const dueAt = responseDueAt({ reportedAt, severity: 3, calendar: NEW_YORK });

    it('a Severity 3 → 1 upgrade at 16:50 re-targets to 30 business minutes: due 17:20 the same day', () => {
      expect(wall(dueAt, NY)).toBe('2024-06-12 08:30');
      const upgraded = responseDueAfterSeverityChange({ calendar: NEW_YORK, dueAt, change: { at: at('2024-06-11T16:50'), severity: 1 } });
      expect(wall(upgraded, NY)).toBe('2024-06-11 17:20');
    });

    it('a Severity 3 → 1 upgrade at 17:10 re-targets across the night: 20 minutes that day, due 08:10 the next business morning', () => {
      const upgraded = responseDueAfterSeverityChange({ calendar: NEW_YORK, dueAt, change: { at: at('2024-06-11T17:10'), severity: 1 } });
      expect(wall(upgraded, NY)).toBe('2024-06-12 08:10');
    });

    it('an upgrade never makes the response due later than it already was', () => {
      // Severity 2 reported 09:00 is due 10:00; an upgrade at 09:45 would give 10:15.
      const severity2Due = responseDueAt({ reportedAt: at('2024-06-11T09:00'), severity: 2, calendar: NEW_YORK });
      const upgraded = responseDueAfterSeverityChange({
        calendar: NEW_YORK,
        dueAt: severity2Due,
        change: { at: at('2024-06-11T09:45'), severity: 1 },
      });
      expect(wall(upgraded, NY)).toBe('2024-06-11 10:00');
    });

    it('a downgrade keeps the earlier response due time', () => {
      const severity1Due = responseDueAt({ reportedAt: at('2024-06-11T09:00'), severity: 1, calendar: NEW_YORK });
      const downgraded = responseDueAfterSeverityChange({
        calendar: NEW_YORK,
        dueAt: severity1Due,
        change: { at: at('2024-06-11T09:10'), severity: 3 },
      });
      expect(wall(downgraded, NY)).toBe('2024-06-11 09:30');
    });

    it('an upgrade of an overdue response keeps it overdue', () => {
      const upgraded = responseDueAfterSeverityChange({
        calendar: NEW_YORK,
        dueAt: at('2024-06-11T10:00'),
        change: { at: at('2024-06-11T11:00'), severity: 1 },
      });
      expect(wall(upgraded, NY)).toBe('2024-06-11 10:00');
    });

    it('rejects an unknown severity with INVALID_SEVERITY', () => {
      expect(() => responseDueAfterSeverityChange({ calendar: NEW_YORK, dueAt, change: { at: reportedAt, severity: 0 as never } })).toThrow(
        expect.objectContaining({ code: 'INVALID_SEVERITY' }),
      );
    });
  });

  describe('resolution target', () => {
    // Severity 3 opened Monday 10 June 09:00 (three business days: 28.5 business hours).
    const startedAt = at('2024-06-10T09:00');
    const resolutionClock = (changes: SeverityChange[], now: Date, initial: Severity = 3, pauses: ClockPause[] = []) =>
      resolutionClockAt({
        calendar: NEW_YORK,
        startedAt,
        targetMs: resolutionTargetMs(initial),
        targetChanges: resolutionTargetChanges(changes),
        pauses,
        now,
      });

    it('a Severity 3 → 1 upgrade at 16:50 re-targets to 4 business hours from the change: 40 minutes that day, due 11:20 the next morning', () => {
      const result = resolutionClock([{ at: at('2024-06-11T16:50'), severity: 1 }], at('2024-06-11T17:00'));
      // 17 h 20 min had run (Monday 8.5 h, Tuesday 08:00–16:50) when the severity changed.
      expect(result.targetMs).toBe(17 * HOUR_MS + 20 * MINUTE_MS + 4 * HOUR_MS);
      expect(result).toMatchObject({ state: 'ON_TRACK', remainingMs: 4 * HOUR_MS - 10 * MINUTE_MS });
      expect(wall(result.dueAt as Date, NY)).toBe('2024-06-12 11:20');
    });

    it('a downgrade keeps the earlier resolution due time', () => {
      const severity1 = (changes: SeverityChange[]) =>
        resolutionClockAt({
          calendar: NEW_YORK,
          startedAt: at('2024-06-11T09:00'),
          targetMs: resolutionTargetMs(1),
          targetChanges: resolutionTargetChanges(changes),
          now: at('2024-06-11T10:30'),
        });
      const downgraded = severity1([{ at: at('2024-06-11T10:00'), severity: 3 }]);
      expect(downgraded.targetMs).toBe(4 * HOUR_MS);
      expect(downgraded.dueAt).toEqual(severity1([]).dueAt);
      expect(wall(downgraded.dueAt as Date, NY)).toBe('2024-06-11 13:00');
    });

    it('an upgrade made while the case is paused starts the new target when the case resumes', () => {
      const pauses = [{ start: at('2024-06-11T14:00'), end: at('2024-06-12T10:00'), reason: 'WAITING_ON_PART' as const }];
      const result = resolutionClock([{ at: at('2024-06-11T16:50'), severity: 1 }], at('2024-06-12T10:00'), 3, pauses);
      // Monday 8.5 h + Tuesday 08:00–14:00 had run; the 4 hours count from Wednesday 10:00.
      expect(result.targetMs).toBe(14.5 * HOUR_MS + 4 * HOUR_MS);
      expect(wall(result.dueAt as Date, NY)).toBe('2024-06-12 14:00');
    });

    it('an upgrade then a downgrade keeps the due time of the upgrade', () => {
      const upgradeOnly = resolutionClock([{ at: at('2024-06-11T16:50'), severity: 1 }], at('2024-06-12T09:00'));
      const upAndDown = resolutionClock(
        [
          { at: at('2024-06-12T08:30'), severity: 3 },
          { at: at('2024-06-11T16:50'), severity: 1 },
        ],
        at('2024-06-12T09:00'),
      );
      expect(upAndDown.dueAt).toEqual(upgradeOnly.dueAt);
      expect(wall(upAndDown.dueAt as Date, NY)).toBe('2024-06-12 11:20');
    });

    it('two upgrades each re-target from their own change when sooner', () => {
      const result = resolutionClock(
        [
          { at: at('2024-06-10T10:00'), severity: 2 },
          { at: at('2024-06-10T11:00'), severity: 1 },
        ],
        at('2024-06-10T11:00'),
      );
      // Severity 2 from 10:00 would be due 10:00 the next business day; Severity 1 from 11:00 is due 15:00.
      expect(wall(result.dueAt as Date, NY)).toBe('2024-06-10 15:00');
    });

    it("maps a severity history to the caller's configured targets", () => {
      const targets = resolutionTargets({ 1: 120 });
      expect(resolutionTargetChanges([{ at: startedAt, severity: 1 }], targets)).toEqual([{ at: startedAt, targetMs: 2 * HOUR_MS }]);
    });
  });

  it('an upgrade is a move to a lower severity number', () => {
    expect([isSeverityUpgrade(3, 1), isSeverityUpgrade(2, 1), isSeverityUpgrade(1, 3), isSeverityUpgrade(2, 2)]).toEqual([
      true,
      true,
      false,
      false,
    ]);
  });
});
