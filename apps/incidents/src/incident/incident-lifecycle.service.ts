import type { DataSource, EntityManager } from 'typeorm';
import { actorOf, type Principal } from '@polyplus/auth';
import { badUserInput } from '@polyplus/subgraph-kit';
import type { Incident } from './incident.entity';
import { IncidentStatus } from './incident-status';
import { assertTransition } from './incident-lifecycle';
import { changeBy, changeIncident } from './incident-change';
import { INCIDENT_TOPICS } from '@polyplus/events';
import type { IncidentActionInput } from './dto/incident-action.input';
import type { ProvideWorkaroundInput } from './dto/provide-workaround.input';
import type { ResolveIncidentInput } from './dto/resolve-incident.input';
import type { RecordRootCauseInput } from './dto/record-root-cause.input';
import { recordClosedPause } from '../case-clock/clock-pauses';
import { PauseReason, PauseSource } from '../case-clock/pause-reason';

/**
 * A support engineer's changes to a case; each is audited, versioned and published. The actor of
 * every change is the verified caller (`by`); a name typed in `engineer` is only displayed.
 */
export class IncidentLifecycleService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly now: () => Date = () => new Date(),
  ) {}

  private transition(
    input: IncidentActionInput,
    by: Principal,
    to: IncidentStatus,
    action: string,
    extra: (incident: Incident, at: Date) => Partial<Incident> = () => ({}),
    also?: (manager: EntityManager, before: Incident, at: Date) => Promise<void>,
  ) {
    const at = this.now();
    return changeIncident(
      this.dataSource,
      {
        ...changeBy(input, by),
        action,
        note: input.note,
        topic: INCIDENT_TOPICS.statusChanged,
        apply: (incident) => {
          assertTransition(incident.status, to);
          return { status: to, ...extra(incident, at) };
        },
        also: also && ((manager, before) => also(manager, before, at)),
      },
      at,
    );
  }

  /** First engineer contact: records when, by whom, and whether the response objective was met. */
  respond(input: IncidentActionInput, by: Principal): Promise<Incident> {
    return this.transition(input, by, IncidentStatus.RESPONDED, 'RESPONDED', (incident, at) => ({
      respondedAt: at,
      respondedBy: actorOf(by),
      responseObjectiveMet: at.getTime() <= incident.responseDueAt.getTime(),
    }));
  }

  /**
   * Work starts, or a resolution the customer disputes reopens it: the time the case spent
   * resolved counts as waiting on the customer, so its resolution clock resumes where it stopped.
   */
  startWork(input: IncidentActionInput, by: Principal): Promise<Incident> {
    return this.transition(input, by, IncidentStatus.IN_PROGRESS, 'WORK_STARTED', undefined, async (manager, before, at) => {
      if (before.status !== IncidentStatus.RESOLVED || !before.resolvedAt) return;
      await recordClosedPause(manager, {
        incident: before,
        reason: PauseReason.WAITING_ON_CUSTOMER,
        source: PauseSource.REOPENED,
        at: before.resolvedAt,
        endedAt: at,
        by: actorOf(by),
        note: 'resolved until reopened',
      });
    });
  }

  /** For Severity 1 and 2 the fix is committed to a release, which must be named. */
  provideWorkaround(input: ProvideWorkaroundInput, by: Principal): Promise<Incident> {
    return this.transition(input, by, IncidentStatus.WORKAROUND_PROVIDED, 'WORKAROUND_PROVIDED', (incident) => {
      if (incident.severity <= 2 && !input.fixExpectedInRelease) {
        throw badUserInput(
          'A workaround for a Severity 1 or 2 case must name the release expected to carry the fix',
          'fixExpectedInRelease',
        );
      }
      return { workaround: input.workaround, fixExpectedInRelease: input.fixExpectedInRelease ?? null };
    });
  }

  resolve(input: ResolveIncidentInput, by: Principal): Promise<Incident> {
    return this.transition(input, by, IncidentStatus.RESOLVED, 'RESOLVED', (_incident, at) => ({
      resolvedAt: at,
      resolution: input.resolution,
    }));
  }

  close(input: IncidentActionInput, by: Principal): Promise<Incident> {
    return this.transition(input, by, IncidentStatus.CLOSED, 'CLOSED', (_incident, at) => ({ closedAt: at }));
  }

  recordRootCause(input: RecordRootCauseInput, by: Principal): Promise<Incident> {
    return changeIncident(
      this.dataSource,
      {
        ...changeBy(input, by),
        action: `ROOT_CAUSE_${input.kind}`,
        note: input.note ?? input.reference,
        topic: INCIDENT_TOPICS.updated,
        apply: () => ({ rootCauseKind: input.kind, rootCauseReference: input.reference }),
        payload: () => ({ rootCauseKind: input.kind, rootCauseReference: input.reference }),
      },
      this.now(),
    );
  }
}
