import { createCalendar } from '@polyplus/business-calendar';
import { IncidentStatus } from '../incident/incident-status';
import { PauseReason } from './pause-reason';
import { clockInput, evaluationInstant, resolutionClockOf, stoppedAtOf, type ClockFacts } from './resolution-clock.view';

// London business hours Mon–Fri 08:00–17:30 with England's holidays; March 2026 is GMT (local = UTC).
const london = createCalendar({ timeZone: 'Europe/London', country: 'GB', subdivision: 'ENG' });
const at = (iso: string) => new Date(iso);

function facts(overrides: Partial<ClockFacts> = {}, incident: Partial<ClockFacts['incident']> = {}): ClockFacts {
  return {
    incident: {
      contactedAt: at('2026-03-02T09:00:00Z'),
      resolutionTargetMinutes: 570,
      status: IncidentStatus.IN_PROGRESS,
      resolvedAt: null,
      ...incident,
    },
    severityChanges: [],
    pauses: [],
    ...overrides,
  };
}

describe('stored clock facts → the business-calendar clock', () => {
  it('the clock starts at the customer’s contact with the stored target of the first severity', () => {
    expect(clockInput(facts())).toMatchObject({
      startedAt: at('2026-03-02T09:00:00Z'),
      targetMs: 570 * 60_000,
      targetChanges: [],
      pauses: [],
      stoppedAt: null,
    });
  });

  it('each stored severity change becomes a target change with the target recorded at the change', () => {
    const input = clockInput(facts({ severityChanges: [{ at: at('2026-03-02T10:00:00Z'), resolutionTargetMinutes: 240 }] }));
    expect(input.targetChanges).toEqual([{ at: at('2026-03-02T10:00:00Z'), targetMs: 240 * 60_000 }]);
  });

  it('each pause row is a pause, an open one without an end', () => {
    const input = clockInput(
      facts({
        pauses: [
          { startedAt: at('2026-03-02T10:00:00Z'), endedAt: at('2026-03-02T11:00:00Z'), reason: PauseReason.WAITING_ON_PARTNER },
          { startedAt: at('2026-03-02T12:00:00Z'), endedAt: null, reason: PauseReason.WAITING_ON_PART },
        ],
      }),
    );
    expect(input.pauses).toEqual([
      { start: at('2026-03-02T10:00:00Z'), end: at('2026-03-02T11:00:00Z'), reason: 'WAITING_ON_PARTNER' },
      { start: at('2026-03-02T12:00:00Z'), end: null, reason: 'WAITING_ON_PART' },
    ]);
  });

  it('the clock stops at the resolution of a resolved or closed case, and runs again once it is reopened', () => {
    const resolvedAt = at('2026-03-03T10:00:00Z');
    expect(stoppedAtOf({ ...facts().incident, status: IncidentStatus.RESOLVED, resolvedAt })).toEqual(resolvedAt);
    expect(stoppedAtOf({ ...facts().incident, status: IncidentStatus.CLOSED, resolvedAt })).toEqual(resolvedAt);
    expect(stoppedAtOf({ ...facts().incident, status: IncidentStatus.IN_PROGRESS, resolvedAt })).toBeNull();
  });

  it('a severity change recorded before the contact (a clock moved back) counts from the contact', () => {
    const input = clockInput(facts({ severityChanges: [{ at: at('2026-03-02T08:00:00Z'), resolutionTargetMinutes: 240 }] }));
    expect(input.targetChanges[0].at).toEqual(at('2026-03-02T09:00:00Z'));
  });

  it('the clock is never evaluated before a stored fact, so a clock moved back behind a case still reads it', () => {
    const stored = facts({ pauses: [{ startedAt: at('2026-03-02T12:00:00Z'), endedAt: null, reason: PauseReason.WAITING_ON_CUSTOMER }] });
    expect(evaluationInstant(stored, at('2026-03-01T00:00:00Z'))).toEqual(at('2026-03-02T12:00:00Z'));
    expect(() => resolutionClockOf(stored, london, at('2026-03-01T00:00:00Z'))).not.toThrow();
  });

  it('whole minutes: elapsed is rounded down and elapsed + remaining = target while not breached', () => {
    const view = resolutionClockOf(facts(), london, at('2026-03-02T09:00:30Z'));
    expect(view).toMatchObject({ targetMinutes: 570, elapsedMinutes: 0, remainingMinutes: 570, overdueMinutes: 0 });
    const later = resolutionClockOf(facts(), london, at('2026-03-02T12:15:45Z'));
    expect(later.elapsedMinutes + later.remainingMinutes).toBe(570);
  });

  it('a breached clock shows no time remaining and the business minutes overdue', () => {
    const view = resolutionClockOf(facts(), london, at('2026-03-03T10:00:00Z'));
    // 09:00–17:30 Monday (510) + 08:00–10:00 Tuesday (120) = 630 of 570.
    expect(view).toMatchObject({ elapsedMinutes: 630, remainingMinutes: 0, overdueMinutes: 60 });
    expect(view.clock.state).toBe('BREACHED');
    expect(view.clock.dueAt).toEqual(at('2026-03-03T09:00:00Z'));
  });

  it('what the case waits on is the reasons of its open pauses while the clock runs, none once it stopped', () => {
    const pauses = [
      { startedAt: at('2026-03-02T10:00:00Z'), endedAt: null, reason: PauseReason.WAITING_ON_PART },
      { startedAt: at('2026-03-02T11:00:00Z'), endedAt: null, reason: PauseReason.WAITING_ON_CUSTOMER },
      { startedAt: at('2026-03-02T09:30:00Z'), endedAt: at('2026-03-02T09:45:00Z'), reason: PauseReason.WAITING_ON_PARTNER },
    ];
    expect(resolutionClockOf(facts({ pauses }), london, at('2026-03-02T12:00:00Z')).waitingOn).toEqual([
      'WAITING_ON_CUSTOMER',
      'WAITING_ON_PART',
    ]);
    const resolved = facts({ pauses }, { status: IncidentStatus.RESOLVED, resolvedAt: at('2026-03-02T12:00:00Z') });
    expect(resolutionClockOf(resolved, london, at('2026-03-02T13:00:00Z'))).toMatchObject({ waitingOn: [] });
  });
});
