import { Arg, Ctx, FieldResolver, Int, Mutation, Resolver, Root } from 'type-graphql';
import { Access, badUserInput, SUPPORT, type SubgraphContext } from '@polyplus/subgraph-kit';
import { Incident } from '../incident/incident.entity';
import { CaseClockService } from './case-clock.service';
import { IncidentSeverityChange } from './severity-change.entity';
import { ChangeIncidentSeverityInput } from './dto/change-incident-severity.input';
import { CustomerWaitInput } from './dto/customer-wait.input';
import { ResolutionClockType } from './dto/resolution-clock.type';
import { CaseCalendar } from './dto/case-calendar.type';

const MAX_CLOSURES = 20;

/** A case's clocks: severity changes, waiting on the customer, the resolution clock and the calendar they run on. */
@Resolver(() => Incident)
export class CaseClockResolver {
  constructor(private readonly clocks: CaseClockService) {}

  @Access(SUPPORT)
  @Mutation(() => Incident, {
    description:
      'Re-assesses the severity with a reason. A change never makes the case due later: the response (until first contact) and resolution targets become the new level’s objective from the change when that is sooner. Escalation timers follow. CONFLICT for a stale version or a resolved case; BAD_USER_INPUT for the current level.',
  })
  changeIncidentSeverity(
    @Arg('input', () => ChangeIncidentSeverityInput) input: ChangeIncidentSeverityInput,
    @Ctx() { principal }: SubgraphContext,
  ): Promise<Incident> {
    return this.clocks.changeSeverity(input, principal);
  }

  @Access(SUPPORT)
  @Mutation(() => Incident, {
    description: 'The case waits on the customer (with what they were asked): its resolution clock pauses. CONFLICT when it already does.',
  })
  setWaitingOnCustomer(
    @Arg('input', () => CustomerWaitInput) input: CustomerWaitInput,
    @Ctx() { principal }: SubgraphContext,
  ): Promise<Incident> {
    return this.clocks.setWaitingOnCustomer(input, principal);
  }

  @Access(SUPPORT)
  @Mutation(() => Incident, {
    description:
      'The customer answered: the resolution clock runs again unless the case still waits on a partner or a part. CONFLICT when it was not waiting on the customer.',
  })
  clearWaitingOnCustomer(
    @Arg('input', () => CustomerWaitInput) input: CustomerWaitInput,
    @Ctx() { principal }: SubgraphContext,
  ): Promise<Incident> {
    return this.clocks.clearWaitingOnCustomer(input, principal);
  }

  @FieldResolver(() => ResolutionClockType, {
    description: 'Elapsed and remaining business time to resolution, breach state and pause history, computed now from the stored facts.',
  })
  resolutionClock(@Root() incident: Incident): Promise<ResolutionClockType> {
    return this.clocks.resolutionClock(incident);
  }

  @FieldResolver(() => CaseCalendar, {
    description: 'The calendar the case’s clocks run on: the site’s business hours, time zone and next holidays.',
  })
  calendar(
    @Root() incident: Incident,
    @Arg('closures', () => Int, { defaultValue: 5, description: 'How many coming holidays and closures to list, 0–20.' }) closures = 5,
  ): CaseCalendar {
    if (!Number.isInteger(closures) || closures < 0 || closures > MAX_CLOSURES)
      throw badUserInput(`closures must be between 0 and ${MAX_CLOSURES}`, 'closures');
    return this.clocks.calendar(incident, closures);
  }

  @FieldResolver(() => [IncidentSeverityChange], { description: 'Severity changes, oldest first. Append-only.' })
  severityChanges(@Root() incident: Incident): Promise<IncidentSeverityChange[]> {
    return this.clocks.severityChanges(incident.id);
  }
}
