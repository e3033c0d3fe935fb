import type { DataSource } from 'typeorm';
import { IncidentStatus } from '../incident/incident-status';
import type { Incident } from '../incident/incident.entity';
import { placeCalendar } from '@polyplus/business-calendar';
import type { StoredClockFacts } from '../case-clock/clock-facts';
import type { IncidentClockPause } from '../case-clock/clock-pause.entity';
import type { IncidentSeverityChange } from '../case-clock/severity-change.entity';
import { PauseReason } from '../case-clock/pause-reason';
import { EscalationService } from './escalation.service';
import { DEFAULT_ESCALATION_POLICY } from './escalation-policy';

const escalations = new EscalationService({} as DataSource, DEFAULT_ESCALATION_POLICY, placeCalendar);
// London, March 2026 (GMT): business hours Mon–Fri 08:00–17:30.
const incident = (severity: number): Incident =>
  ({
    id: 'case',
    severity,
    status: IncidentStatus.NEW,
    contactedAt: new Date('2026-03-16T16:00:00Z'),
    siteTimeZone: 'Europe/London',
    siteCountry: 'GB',
    siteSubdivision: 'ENG',
  }) as Incident;
const facts = (
  severity: number,
  changes: Partial<IncidentSeverityChange>[] = [],
  pauses: Partial<IncidentClockPause>[] = [],
): StoredClockFacts => ({
  incident: incident(severity),
  severityChanges: changes as IncidentSeverityChange[],
  pauses: pauses as IncidentClockPause[],
});
const dues = (timers: { level: number; dueAt: Date | null }[]) => timers.map(({ level, dueAt }) => [level, dueAt?.toISOString() ?? null]);

describe('escalation timers follow the case clocks', () => {
  it('thresholds count business time from the customer’s contact', () => {
    expect(dues(escalations.timersFor(facts(3), new Date('2026-03-16T16:10:00Z')))).toEqual([
      [1, '2026-03-17T08:30:00.000Z'],
      [2, '2026-03-19T16:00:00.000Z'],
    ]);
  });

  it('a severity 3 → 1 upgrade at 16:50 re-targets each threshold to the new level’s from the change, when sooner', () => {
    const upgraded = facts(1, [{ at: new Date('2026-03-16T16:50:00Z'), fromSeverity: 3, toSeverity: 1 }]);
    expect(dues(escalations.timersFor(upgraded, new Date('2026-03-16T16:50:00Z')))).toEqual([
      [1, '2026-03-16T17:20:00.000Z'],
      [2, '2026-03-17T11:20:00.000Z'],
    ]);
  });

  it('the resolution threshold pauses while the case waits (no timer), the response threshold does not', () => {
    const waiting = facts(3, [], [{ startedAt: new Date('2026-03-16T16:30:00Z'), endedAt: null, reason: PauseReason.WAITING_ON_CUSTOMER }]);
    expect(dues(escalations.timersFor(waiting, new Date('2026-03-16T17:00:00Z')))).toEqual([
      [1, '2026-03-17T08:30:00.000Z'],
      [2, null],
    ]);
  });

  it('a wait recorded as ending a moment ahead of the clock (a delivery dated by the carrier) re-arms the resolution threshold at once', () => {
    const delivered = facts(
      3,
      [],
      [{ startedAt: new Date('2026-03-16T16:30:00Z'), endedAt: new Date('2026-03-16T16:40:01Z'), reason: PauseReason.WAITING_ON_PART }],
    );
    expect(dues(escalations.timersFor(delivered, new Date('2026-03-16T16:40:00Z')))).toEqual([
      [1, '2026-03-17T08:30:00.000Z'],
      [2, '2026-03-19T16:10:01.000Z'],
    ]);
  });
});
