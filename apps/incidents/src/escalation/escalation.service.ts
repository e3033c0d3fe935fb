import { randomUUID } from 'node:crypto';
import type { DataSource, EntityManager } from 'typeorm';
import {
  businessTimeBetween,
  MINUTE_MS,
  resolutionClockAt,
  type ClockPause,
  type PlaceCalendars,
  type Severity,
} from '@polyplus/business-calendar';
import { appendToOutbox, INCIDENT_TOPICS } from '@polyplus/events';
import { Incident } from '../incident/incident.entity';
import { appendAudit } from '../incident/incident-change';
import { hasReached } from '../incident/incident-lifecycle';
import { IncidentStatus } from '../incident/incident-status';
import { incidentEventState } from '../incident/incident-event-state';
import { clockFactsOfOne, type StoredClockFacts } from '../case-clock/clock-facts';
import { evaluationInstant, type ClockFacts } from '../case-clock/resolution-clock.view';
import { Escalation } from './escalation.entity';
import { thresholdOf, type EscalationPolicy, type EscalationThreshold } from './escalation-policy';

/** A threshold with the instant the case passes it; null while the clock it watches is paused. */
export type EscalationTimer = EscalationThreshold & { dueAt: Date | null };

// A level the case's first severity lacks starts with the first severity change that has it.
const NOT_YET = Number.MAX_SAFE_INTEGER;

/** Which thresholds a case has, when each falls due, and recording an escalation once. */
export class EscalationService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly policy: EscalationPolicy,
    private readonly calendars: PlaceCalendars,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** "Now" on the service's clock (which a test clock may move). */
  currentTime(): Date {
    return this.now();
  }

  private calendarOf(incident: Incident) {
    return this.calendars({ timeZone: incident.siteTimeZone, countryCode: incident.siteCountry, subdivision: incident.siteSubdivision });
  }

  /**
   * The thresholds of the case's current severity with the instant each is passed, counted in the
   * site's business time from the customer's contact. A threshold watching the response counts
   * plain business time; one watching the resolution counts the resolution clock, so it pauses
   * while the case waits on the customer, a partner or a part (due `null` while paused). A
   * severity change re-targets every threshold by the severity-change rule: the new level's
   * threshold from the change when that is sooner, never later.
   */
  timersFor(facts: StoredClockFacts, now: Date = this.now()): EscalationTimer[] {
    const { incident } = facts;
    const calendar = this.calendarOf(incident);
    const initial = (facts.severityChanges[0]?.fromSeverity ?? incident.severity) as Severity;
    // A pause can end a moment ahead of this clock (a carrier dates a delivery slightly ahead): the
    // timers follow its recorded end, else the event that ended it would leave them disarmed for good.
    const latestEnd = Math.max(0, ...facts.pauses.map((pause) => pause.endedAt?.getTime() ?? 0));
    const at = new Date(Math.max(evaluationInstant(facts as ClockFacts, now).getTime(), latestEnd));
    const pauses = facts.pauses.map((pause): ClockPause => ({ start: pause.startedAt, end: pause.endedAt, reason: pause.reason }));
    const afterMs = (severity: number, level: number) => {
      const threshold = thresholdOf(this.policy, severity, level);
      return threshold === undefined ? undefined : Math.max(1, threshold.afterMs);
    };
    return (this.policy[incident.severity as Severity] ?? []).map((threshold) => {
      const changes = facts.severityChanges
        .map((change) => ({
          at: new Date(Math.max(change.at.getTime(), incident.contactedAt.getTime())),
          targetMs: afterMs(change.toSeverity, threshold.level),
        }))
        .filter((change): change is { at: Date; targetMs: number } => change.targetMs !== undefined);
      const clock = resolutionClockAt({
        calendar,
        startedAt: incident.contactedAt,
        targetMs: afterMs(initial, threshold.level) ?? NOT_YET,
        targetChanges: changes,
        pauses: threshold.until === IncidentStatus.RESOLVED ? pauses : [],
        now: at,
      });
      return { ...threshold, dueAt: clock.state === 'PAUSED' ? null : clock.dueAt };
    });
  }

  /** The case's timers from its stored facts. */
  async timersOf(incident: Incident, manager: EntityManager = this.dataSource.manager, now: Date = this.now()): Promise<EscalationTimer[]> {
    return this.timersFor(await clockFactsOfOne(manager, incident), now);
  }

  /** Thresholds the case no longer needs: it was responded to or resolved. */
  settledTimers(incident: Incident): EscalationThreshold[] {
    return (this.policy[incident.severity as Severity] ?? []).filter((threshold) => hasReached(incident.status, threshold.until));
  }

  /**
   * Records that the case aged past a level, unless it reached the milestone meanwhile, the level is
   * already recorded (a job re-run after a stall: at most one escalation per level), or the level is
   * not due on the service's clock (paused, re-targeted later, a clock moved back).
   */
  async escalate(incidentId: string, level: number): Promise<Escalation | null> {
    const at = this.now();
    return this.dataSource.transaction(async (manager) => {
      const incident = await manager.findOne(Incident, { where: { id: incidentId }, lock: { mode: 'pessimistic_write' } });
      if (!incident) return null;
      const threshold = thresholdOf(this.policy, incident.severity, level);
      if (!threshold || hasReached(incident.status, threshold.until)) return null;
      if (await manager.existsBy(Escalation, { incidentId, level })) return null;
      const timer = (await this.timersOf(incident, manager, at)).find((candidate) => candidate.level === level);
      if (!timer?.dueAt || timer.dueAt > at) return null;
      const businessAgeMinutes = Math.trunc(
        businessTimeBetween(
          this.calendarOf(incident),
          incident.contactedAt,
          new Date(Math.max(at.getTime(), incident.contactedAt.getTime())),
        ) / MINUTE_MS,
      );
      const escalation = Object.assign(new Escalation(), { id: randomUUID(), incidentId, level, escalatedAt: at, businessAgeMinutes });
      await manager.insert(Escalation, escalation);
      await appendAudit(manager, {
        incidentId,
        actor: 'system',
        action: `ESCALATED_L${level}`,
        at,
        note: `aged ${businessAgeMinutes} business minutes`,
      });
      await appendToOutbox(manager, {
        topic: INCIDENT_TOPICS.escalated,
        key: incidentId,
        occurredAt: at,
        payload: {
          incidentId,
          customerId: incident.customerId,
          severity: incident.severity,
          status: incident.status,
          level,
          businessAgeMinutes,
          ...incidentEventState(incident),
        },
      });
      return escalation;
    });
  }

  /** When a level not yet escalated falls due; null when it never will as things stand (settled, escalated, paused). */
  async pendingDueAt(incidentId: string, level: number): Promise<Date | null> {
    const incident = await this.dataSource.getRepository(Incident).findOneBy({ id: incidentId });
    if (!incident || this.settledTimers(incident).some((threshold) => threshold.level === level)) return null;
    if (await this.dataSource.getRepository(Escalation).existsBy({ incidentId, level })) return null;
    return (await this.timersOf(incident)).find((timer) => timer.level === level)?.dueAt ?? null;
  }

  escalationsOf(incidentId: string): Promise<Escalation[]> {
    return this.dataSource.getRepository(Escalation).find({ where: { incidentId }, order: { level: 'ASC' } });
  }
}
