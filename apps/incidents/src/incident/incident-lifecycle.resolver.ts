import { Arg, Mutation, Resolver } from 'type-graphql';
import { Incident } from './incident.entity';
import { IncidentLifecycleService } from './incident-lifecycle.service';
import { IncidentActionInput } from './dto/incident-action.input';
import { ProvideWorkaroundInput } from './dto/provide-workaround.input';
import { ResolveIncidentInput } from './dto/resolve-incident.input';
import { RecordRootCauseInput } from './dto/record-root-cause.input';

/** Support-engineer changes; each answers CONFLICT for an illegal transition or a stale version. */
@Resolver(() => Incident)
export class IncidentLifecycleResolver {
  constructor(private readonly lifecycle: IncidentLifecycleService) {}

  @Mutation(() => Incident, { description: 'First engineer contact with the customer.' })
  respondToIncident(@Arg('input', () => IncidentActionInput) input: IncidentActionInput): Promise<Incident> {
    return this.lifecycle.respond(input);
  }

  @Mutation(() => Incident)
  startWorkOnIncident(@Arg('input', () => IncidentActionInput) input: IncidentActionInput): Promise<Incident> {
    return this.lifecycle.startWork(input);
  }

  @Mutation(() => Incident)
  provideWorkaround(@Arg('input', () => ProvideWorkaroundInput) input: ProvideWorkaroundInput): Promise<Incident> {
    return this.lifecycle.provideWorkaround(input);
  }

  @Mutation(() => Incident)
  resolveIncident(@Arg('input', () => ResolveIncidentInput) input: ResolveIncidentInput): Promise<Incident> {
    return this.lifecycle.resolve(input);
  }

  @Mutation(() => Incident)
  closeIncident(@Arg('input', () => IncidentActionInput) input: IncidentActionInput): Promise<Incident> {
    return this.lifecycle.close(input);
  }

  @Mutation(() => Incident, { description: 'Links the case to a known issue, a new issue-tracker entry or a feature request.' })
  recordRootCause(@Arg('input', () => RecordRootCauseInput) input: RecordRootCauseInput): Promise<Incident> {
    return this.lifecycle.recordRootCause(input);
  }
}
