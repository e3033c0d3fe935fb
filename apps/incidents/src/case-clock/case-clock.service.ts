import type { DataSource } from 'typeorm';
import { actorOf, type Principal } from '@polyplus/auth';
import {
  DEFAULT_RESOLUTION_TARGET_MINUTES,
  describeCalendar,
  isSeverityUpgrade,
  MINUTE_MS,
  responseDueAfterSeverityChange,
  type PlaceCalendars,
  type ResolutionTargets,
  type Severity,
} from '@polyplus/business-calendar';
import { badUserInput, conflict } from '@polyplus/subgraph-kit';
import type { Incident } from '../incident/incident.entity';
import { changeBy, changeIncident } from '../incident/incident-change';
import { isOpen } from '../incident/incident-lifecycle';
import { INCIDENT_TOPICS } from '@polyplus/events';
import { closePause, openPause, pausesOf } from './clock-pauses';
import { clockFactsOfOne } from './clock-facts';
import { IncidentSeverityChange } from './severity-change.entity';
import { PauseReason, PauseSource } from './pause-reason';
import { resolutionClockOf } from './resolution-clock.view';
import type { ChangeIncidentSeverityInput } from './dto/change-incident-severity.input';
import type { CustomerWaitInput } from './dto/customer-wait.input';
import { ClockState, PausedSpan, ResolutionClockType } from './dto/resolution-clock.type';
import { CaseCalendar, ClosureKind } from './dto/case-calendar.type';

export type CaseClockDeps = {
  calendars: PlaceCalendars;
  /** Resolution target per severity; default the business-calendar defaults. */
  resolutionTargets?: ResolutionTargets;
  now?: () => Date;
};

/**
 * A case's clocks beyond the first response: severity changes re-target them, staff pause the
 * resolution clock while the case waits on the customer, and the clock and calendar are read from
 * stored facts at read time.
 */
export class CaseClockService {
  private readonly now: () => Date;
  private readonly targets: ResolutionTargets;

  constructor(
    private readonly dataSource: DataSource,
    private readonly deps: CaseClockDeps,
  ) {
    this.now = deps.now ?? (() => new Date());
    this.targets = deps.resolutionTargets ?? DEFAULT_RESOLUTION_TARGET_MINUTES;
  }

  calendarOf(incident: Incident) {
    return this.deps.calendars({
      timeZone: incident.siteTimeZone,
      countryCode: incident.siteCountry,
      subdivision: incident.siteSubdivision,
    });
  }

  /**
   * Support staff change an open case's severity, with a reason. The severity-change rule of the
   * business-calendar lib applies to both clocks: a change never makes the case due later, and
   * makes it due the new level's objective after the change when that is sooner. The response due
   * time is recomputed until the first response; the resolution target change is stored as a
   * history row the resolution clock reads. Versioned (a concurrent change answers CONFLICT),
   * audited and published as `incident.severity-changed` (escalation timers are re-armed from it).
   */
  changeSeverity(input: ChangeIncidentSeverityInput, by: Principal): Promise<Incident> {
    const now = this.now();
    const severity = input.severity as Severity;
    let from: Severity = severity;
    return changeIncident(
      this.dataSource,
      {
        ...changeBy(input, by),
        action: 'SEVERITY_CHANGED',
        topic: INCIDENT_TOPICS.severityChanged,
        apply: (incident) => {
          if (!isOpen(incident.status)) throw conflict(`A ${incident.status} case’s severity cannot change`);
          if (incident.severity === severity) throw badUserInput(`The case is already severity ${severity}`, 'severity');
          from = incident.severity as Severity;
          const at = this.changeInstant(incident, now);
          const responseDueAt = incident.respondedAt
            ? incident.responseDueAt
            : responseDueAfterSeverityChange({
                calendar: this.calendarOf(incident),
                dueAt: incident.responseDueAt,
                change: { at, severity },
              });
          return { severity, responseDueAt };
        },
        note: `severity ${input.severity}: ${input.reason.trim()}`,
        also: async (manager, before, after) => {
          await manager.insert(IncidentSeverityChange, {
            incidentId: before.id,
            at: this.changeInstant(before, now),
            fromSeverity: before.severity,
            toSeverity: severity,
            resolutionTargetMinutes: this.targets[severity],
            responseDueAt: before.respondedAt ? null : after.responseDueAt,
            reason: input.reason.trim(),
            actor: actorOf(by),
          });
        },
        payload: (updated) => ({
          severity: updated.severity,
          previousSeverity: from,
          upgrade: isSeverityUpgrade(from, severity),
          responseDueAt: updated.responseDueAt.toISOString(),
        }),
      },
      now,
    );
  }

  /** Support staff mark the case as waiting on the customer: its resolution clock pauses until they clear it. */
  setWaitingOnCustomer(input: CustomerWaitInput, by: Principal): Promise<Incident> {
    const at = this.now();
    return changeIncident(
      this.dataSource,
      {
        ...changeBy(input, by),
        action: 'WAITING_ON_CUSTOMER',
        note: input.reason.trim(),
        topic: INCIDENT_TOPICS.clockPaused,
        apply: (incident) => {
          if (!isOpen(incident.status)) throw conflict(`A ${incident.status} case does not wait on anyone`);
          return {};
        },
        also: async (manager, incident) => {
          const pause = await openPause(manager, {
            incident,
            reason: PauseReason.WAITING_ON_CUSTOMER,
            source: PauseSource.STAFF,
            at,
            by: actorOf(by),
            note: input.reason.trim(),
          });
          if (!pause) throw conflict(`Incident ${incident.id} is already waiting on the customer`);
        },
        payload: () => ({ reason: PauseReason.WAITING_ON_CUSTOMER }),
      },
      at,
    );
  }

  /** The customer answered: the resolution clock runs again (unless the case waits on something else too). */
  clearWaitingOnCustomer(input: CustomerWaitInput, by: Principal): Promise<Incident> {
    const at = this.now();
    return changeIncident(
      this.dataSource,
      {
        ...changeBy(input, by),
        action: 'CUSTOMER_ANSWERED',
        note: input.reason.trim(),
        topic: INCIDENT_TOPICS.clockResumed,
        apply: () => ({}),
        also: async (manager, incident) => {
          const pause = await closePause(manager, {
            incident,
            reason: PauseReason.WAITING_ON_CUSTOMER,
            at,
            by: actorOf(by),
            note: input.reason.trim(),
          });
          if (!pause) throw conflict(`Incident ${incident.id} is not waiting on the customer`);
        },
        payload: () => ({ reason: PauseReason.WAITING_ON_CUSTOMER }),
      },
      at,
    );
  }

  /** The resolution clock now, computed by the business-calendar lib from the stored facts. */
  async resolutionClock(incident: Incident): Promise<ResolutionClockType> {
    const facts = await clockFactsOfOne(this.dataSource.manager, incident);
    const view = resolutionClockOf(facts, this.calendarOf(incident), this.now());
    return Object.assign(new ResolutionClockType(), {
      state: view.clock.state as ClockState,
      targetMinutes: view.targetMinutes,
      elapsedMinutes: view.elapsedMinutes,
      remainingMinutes: view.remainingMinutes,
      overdueMinutes: view.overdueMinutes,
      dueAt: view.clock.dueAt,
      startedAt: view.startedAt,
      stoppedAt: view.clock.stoppedAt,
      waitingOn: view.waitingOn,
      pauses: facts.pauses,
      pausedSpans: view.clock.pauses.map((span) =>
        Object.assign(new PausedSpan(), {
          from: span.start,
          to: span.end,
          reasons: [...span.reasons] as PauseReason[],
          withheldMinutes: Math.floor(span.businessMs / MINUTE_MS),
        }),
      ),
    });
  }

  /** The case's calendar: the site's hours, zone and next `count` holidays and closures from today. */
  calendar(incident: Incident, count: number): CaseCalendar {
    const description = describeCalendar(this.calendarOf(incident), { from: this.now(), count });
    return Object.assign(new CaseCalendar(), {
      timeZone: description.timeZone,
      country: description.country,
      subdivision: description.subdivision ?? null,
      hoursSummary: description.hoursSummary,
      weeklyHours: description.weeklyHours.map(({ weekday, hours }) => ({ weekday, hours: hours.map(({ from, to }) => ({ from, to })) })),
      upcomingClosures: description.upcomingClosures.map(({ date, name, kind }) => ({ date, name, kind: kind as ClosureKind })),
    });
  }

  severityChanges(incidentId: string): Promise<IncidentSeverityChange[]> {
    return this.dataSource.getRepository(IncidentSeverityChange).find({ where: { incidentId }, order: { sequence: 'ASC' } });
  }

  pauses(incidentId: string) {
    return pausesOf(this.dataSource.manager, incidentId);
  }

  /** A change is recorded no earlier than the customer's contact (a clock moved back behind the case). */
  private changeInstant(incident: Incident, now: Date): Date {
    return new Date(Math.max(now.getTime(), incident.contactedAt.getTime()));
  }
}
