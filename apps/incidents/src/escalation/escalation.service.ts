import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { addBusinessTime, businessTimeBetween, MINUTE_MS } from '@polyplus/business-calendar';
import { appendToOutbox } from '@polyplus/events';
import { Incident } from '../incident/incident.entity';
import { appendAudit } from '../incident/incident-change';
import { hasReached } from '../incident/incident-lifecycle';
import { INCIDENT_TOPICS } from '../incident/incident-topics';
import type { CalendarResolver } from '../incident/site-calendar';
import { Escalation } from './escalation.entity';
import { thresholdOf, type EscalationPolicy, type EscalationThreshold } from './escalation-policy';

export type EscalationTimer = EscalationThreshold & { dueAt: Date };

/** Which thresholds a case has, when each falls due, and recording an escalation once. */
export class EscalationService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly policy: EscalationPolicy,
    private readonly calendars: CalendarResolver,
    private readonly now: () => Date = () => new Date(),
  ) {}

  private calendarOf(incident: Incident) {
    return this.calendars({ timeZone: incident.siteTimeZone, countryCode: incident.siteCountry, subdivision: incident.siteSubdivision });
  }

  /** The case's thresholds with the instant each is passed, in the site's business time. */
  timersFor(incident: Incident): EscalationTimer[] {
    const calendar = this.calendarOf(incident);
    return (this.policy[incident.severity as 1 | 2 | 3] ?? []).map((threshold) => ({
      ...threshold,
      dueAt: addBusinessTime(calendar, incident.reportedAt, threshold.afterMs),
    }));
  }

  /** Thresholds the case no longer needs: it was responded to or resolved. */
  settledTimers(incident: Incident): EscalationThreshold[] {
    return (this.policy[incident.severity as 1 | 2 | 3] ?? []).filter((threshold) => hasReached(incident.status, threshold.until));
  }

  /**
   * Records that the case aged past a level, unless it reached the milestone meanwhile or the
   * level is already recorded (a job re-run after a stall): at most one escalation per level.
   */
  async escalate(incidentId: string, level: number): Promise<Escalation | null> {
    const at = this.now();
    return this.dataSource.transaction(async (manager) => {
      const incident = await manager.findOne(Incident, { where: { id: incidentId }, lock: { mode: 'pessimistic_write' } });
      if (!incident) return null;
      const threshold = thresholdOf(this.policy, incident.severity, level);
      if (!threshold || hasReached(incident.status, threshold.until)) return null;
      if (await manager.existsBy(Escalation, { incidentId, level })) return null;
      const businessAgeMinutes = Math.trunc(businessTimeBetween(this.calendarOf(incident), incident.reportedAt, at) / MINUTE_MS);
      const escalation = Object.assign(new Escalation(), { id: randomUUID(), incidentId, level, escalatedAt: at, businessAgeMinutes });
      await manager.insert(Escalation, escalation);
      await appendAudit(manager, { incidentId, actor: 'system', action: `ESCALATED_L${level}`, at, note: `aged ${businessAgeMinutes} business minutes` });
      await appendToOutbox(manager, {
        topic: INCIDENT_TOPICS.escalated,
        key: incidentId,
        occurredAt: at,
        payload: { incidentId, customerId: incident.customerId, severity: incident.severity, status: incident.status, level, businessAgeMinutes },
      });
      return escalation;
    });
  }

  escalationsOf(incidentId: string): Promise<Escalation[]> {
    return this.dataSource.getRepository(Escalation).find({ where: { incidentId }, order: { level: 'ASC' } });
  }
}
