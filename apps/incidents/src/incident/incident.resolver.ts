import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import {
  badUserInput,
  entityReference,
  Access,
  CUSTOMER_SIDE,
  CUSTOMER_USERS,
  STAFF,
  SUPPORT,
  type SubgraphContext,
} from '@polyplus/subgraph-kit';
import { Incident } from './incident.entity';
import { IncidentAuditEntry } from './incident-audit-entry.entity';
import { IncidentService } from './incident.service';
import { OpenIncidentInput } from './dto/open-incident.input';
import { Escalation } from '../escalation/escalation.entity';
import { EscalationService } from '../escalation/escalation.service';
import { PartnerIncidentRequest } from '../partner/partner-request.entity';
import { PartnerEntitlementCheck } from '../partner/partner-entitlement-check.entity';
import { PartnerSupportService } from '../partner/partner-support.service';

export const CustomerReference = entityReference('Customer', { resolvable: false });
export const DeviceReference = entityReference('Device', { resolvable: true });

function assertLimit(limit: number): void {
  if (limit < 1 || limit > 500) throw badUserInput('limit must be between 1 and 500', 'limit');
}

@Resolver(() => Incident)
export class IncidentResolver {
  constructor(
    private readonly incidentService: IncidentService,
    private readonly escalationService: EscalationService,
    private readonly partnerSupport: PartnerSupportService,
  ) {}

  @Access(STAFF, CUSTOMER_SIDE)
  @Query(() => Incident, { nullable: true })
  incident(@Arg('id', () => ID) id: string): Promise<Incident | null> {
    return this.incidentService.findById(id);
  }

  @Access(STAFF, CUSTOMER_SIDE)
  @Query(() => [Incident])
  incidents(@Arg('customerId', () => ID) customerId: string): Promise<Incident[]> {
    return this.incidentService.listForCustomer(customerId);
  }

  @Access(STAFF, CUSTOMER_USERS)
  @Query(() => [Incident], { description: 'A customer’s past cases matching the text, most relevant first.' })
  searchIncidents(
    @Arg('customerId', () => ID) customerId: string,
    @Arg('text', () => String) text: string,
    @Arg('limit', () => Int, { defaultValue: 20 }) limit = 20,
  ): Promise<Incident[]> {
    assertLimit(limit);
    if (text.trim().length < 3) throw badUserInput('Search text needs at least one word of three letters or more', 'text');
    return this.incidentService.searchForCustomer(customerId, text, limit);
  }

  @Access(SUPPORT)
  @Query(() => [Incident], { description: 'The support engineers’ queue: open cases, the earliest response due first.' })
  supportQueue(@Arg('limit', () => Int, { defaultValue: 100 }) limit = 100): Promise<Incident[]> {
    assertLimit(limit);
    return this.incidentService.supportQueue(limit);
  }

  @Access(SUPPORT, CUSTOMER_USERS)
  @Mutation(() => Incident, { description: 'Opened by a designated contact for a device covered now.' })
  openIncident(@Arg('input', () => OpenIncidentInput) input: OpenIncidentInput, @Ctx() { principal }: SubgraphContext): Promise<Incident> {
    return this.incidentService.open(input, principal);
  }

  @FieldResolver(() => Int, {
    description: 'Business minutes left until the response is due in the site’s calendar; negative once overdue.',
  })
  businessMinutesRemaining(@Root() incident: Incident): number {
    return this.incidentService.businessMinutesRemaining(incident);
  }

  @FieldResolver(() => [IncidentAuditEntry], { description: 'Every change of the case, oldest first. Append-only.' })
  auditTrail(@Root() incident: Incident): Promise<IncidentAuditEntry[]> {
    return this.incidentService.auditTrail(incident.id);
  }

  // Internal notifications to service management (the description's Escalation Management): staff only.
  @Access(STAFF)
  @FieldResolver(() => [Escalation], {
    description: 'Internal escalations of the case as it aged; vendor staff only (FORBIDDEN to customers and partners).',
  })
  escalations(@Root() incident: Incident): Promise<Escalation[]> {
    return this.escalationService.escalationsOf(incident.id);
  }

  @FieldResolver(() => [PartnerIncidentRequest], { description: 'Incident requests opened with a cloud partner, with their status.' })
  partnerRequests(@Root() incident: Incident): Promise<PartnerIncidentRequest[]> {
    return this.partnerSupport.requestsOf(incident.id);
  }

  @FieldResolver(() => [PartnerEntitlementCheck])
  partnerEntitlementChecks(@Root() incident: Incident): Promise<PartnerEntitlementCheck[]> {
    return this.partnerSupport.entitlementChecksOf(incident.id);
  }

  @FieldResolver(() => DeviceReference)
  device(@Root() incident: Incident) {
    return new DeviceReference(incident.deviceId);
  }

  @FieldResolver(() => CustomerReference)
  customer(@Root() incident: Incident) {
    return new CustomerReference(incident.customerId);
  }
}

/** Contributes `Device.incidents` to the device entity the devices subgraph owns. */
@Resolver(() => DeviceReference)
export class DeviceIncidentsResolver {
  constructor(private readonly incidentService: IncidentService) {}

  @FieldResolver(() => [Incident])
  incidents(@Root() device: InstanceType<typeof DeviceReference>): Promise<Incident[]> {
    return this.incidentService.listForDevice(device.id);
  }
}
