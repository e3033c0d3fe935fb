import { Arg, Ctx, Mutation, Resolver } from 'type-graphql';
import { Access, SUPPORT, type SubgraphContext } from '@polyplus/subgraph-kit';
import { Incident } from './incident.entity';
import { IncidentLifecycleService } from './incident-lifecycle.service';
import { IncidentActionInput } from './dto/incident-action.input';
import { ProvideWorkaroundInput } from './dto/provide-workaround.input';
import { ResolveIncidentInput } from './dto/resolve-incident.input';
import { RecordRootCauseInput } from './dto/record-root-cause.input';

/** Support-engineer changes, audited as the verified caller; each answers CONFLICT for an illegal transition or a stale version. */
@Resolver(() => Incident)
export class IncidentLifecycleResolver {
  constructor(private readonly lifecycle: IncidentLifecycleService) {}

  @Access(SUPPORT)
  @Mutation(() => Incident, { description: 'First engineer contact with the customer.' })
  respondToIncident(
    @Arg('input', () => IncidentActionInput) input: IncidentActionInput,
    @Ctx() { principal }: SubgraphContext,
  ): Promise<Incident> {
    return this.lifecycle.respond(input, principal);
  }

  @Access(SUPPORT)
  @Mutation(() => Incident)
  startWorkOnIncident(
    @Arg('input', () => IncidentActionInput) input: IncidentActionInput,
    @Ctx() { principal }: SubgraphContext,
  ): Promise<Incident> {
    return this.lifecycle.startWork(input, principal);
  }

  @Access(SUPPORT)
  @Mutation(() => Incident)
  provideWorkaround(
    @Arg('input', () => ProvideWorkaroundInput) input: ProvideWorkaroundInput,
    @Ctx() { principal }: SubgraphContext,
  ): Promise<Incident> {
    return this.lifecycle.provideWorkaround(input, principal);
  }

  @Access(SUPPORT)
  @Mutation(() => Incident)
  resolveIncident(
    @Arg('input', () => ResolveIncidentInput) input: ResolveIncidentInput,
    @Ctx() { principal }: SubgraphContext,
  ): Promise<Incident> {
    return this.lifecycle.resolve(input, principal);
  }

  @Access(SUPPORT)
  @Mutation(() => Incident)
  closeIncident(
    @Arg('input', () => IncidentActionInput) input: IncidentActionInput,
    @Ctx() { principal }: SubgraphContext,
  ): Promise<Incident> {
    return this.lifecycle.close(input, principal);
  }

  @Access(SUPPORT)
  @Mutation(() => Incident, { description: 'Links the case to a known issue, a new issue-tracker entry or a feature request.' })
  recordRootCause(
    @Arg('input', () => RecordRootCauseInput) input: RecordRootCauseInput,
    @Ctx() { principal }: SubgraphContext,
  ): Promise<Incident> {
    return this.lifecycle.recordRootCause(input, principal);
  }
}
