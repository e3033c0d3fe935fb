import { Arg, Ctx, FieldResolver, ID, Mutation, Resolver, Root } from 'type-graphql';
import { badUserInput, Access, SUPPORT, type SubgraphContext } from '@polyplus/subgraph-kit';
import { Incident } from '../incident/incident.entity';
import { MarkPartnerCausedInput } from './dto/mark-partner-caused.input';
import { OpenPartnerRequestInput } from './dto/open-partner-request.input';
import { PartnerStatusInput } from './dto/partner-status.input';
import { VerifyPartnerEntitlementInput } from './dto/verify-partner-entitlement.input';
import { PartnerIncidentRequest } from './partner-request.entity';
import { PartnerStatusUpdate } from './partner-status-update.entity';
import { PartnerEntitlementCheck } from './partner-entitlement-check.entity';
import { PartnerSupportService } from './partner-support.service';

@Resolver(() => PartnerIncidentRequest)
export class PartnerSupportResolver {
  constructor(private readonly partnerSupport: PartnerSupportService) {}

  @Access(SUPPORT)
  @Mutation(() => Incident, { description: 'Records that the cause lies in an approved cloud partner’s environment.' })
  markPartnerCaused(
    @Arg('input', () => MarkPartnerCausedInput) input: MarkPartnerCausedInput,
    @Ctx() { principal }: SubgraphContext,
  ): Promise<Incident> {
    return this.partnerSupport.markPartnerCaused(input, principal);
  }

  @Access(SUPPORT)
  @Mutation(() => PartnerIncidentRequest)
  openPartnerRequest(
    @Arg('input', () => OpenPartnerRequestInput) input: OpenPartnerRequestInput,
    @Ctx() { principal }: SubgraphContext,
  ): Promise<PartnerIncidentRequest> {
    return this.partnerSupport.openRequest(input, principal);
  }

  @Access(SUPPORT)
  @Mutation(() => PartnerIncidentRequest, { description: 'A status the partner reported; relayed to the customer’s view and published.' })
  recordPartnerStatus(
    @Arg('input', () => PartnerStatusInput) input: PartnerStatusInput,
    @Ctx() { principal }: SubgraphContext,
  ): Promise<PartnerIncidentRequest> {
    return this.partnerSupport.recordStatus(input, principal);
  }

  @Access(SUPPORT)
  @Mutation(() => PartnerIncidentRequest)
  closePartnerRequest(
    @Arg('requestId', () => ID) requestId: string,
    @Ctx() { principal }: SubgraphContext,
    @Arg('engineer', () => String, {
      nullable: true,
      deprecationReason: 'The record names the verified caller; a name given here is only shown in the audit note.',
    })
    engineer?: string | null,
  ): Promise<PartnerIncidentRequest> {
    if (engineer && engineer.length > 100) throw badUserInput('engineer is at most 100 characters', 'engineer');
    return this.partnerSupport.closeRequest(requestId, principal, engineer);
  }

  @Access(SUPPORT)
  @Mutation(() => PartnerEntitlementCheck, {
    description: 'Records the result of verifying the customer’s entitlement and term with a partner.',
  })
  verifyPartnerEntitlement(
    @Arg('input', () => VerifyPartnerEntitlementInput) input: VerifyPartnerEntitlementInput,
    @Ctx() { principal }: SubgraphContext,
  ): Promise<PartnerEntitlementCheck> {
    return this.partnerSupport.verifyEntitlement(input, principal);
  }

  @FieldResolver(() => [PartnerStatusUpdate], { description: 'Status history as the partner reported it, oldest first.' })
  updates(@Root() request: PartnerIncidentRequest): Promise<PartnerStatusUpdate[]> {
    return this.partnerSupport.statusUpdatesOf(request.id);
  }
}
