import { Arg, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { entityReference } from '@polyplus/subgraph-kit';
import { Incident } from './incident.entity';
import { IncidentService } from './incident.service';
import { OpenIncidentInput } from './dto/open-incident.input';

export const CustomerReference = entityReference('Customer', { resolvable: false });
export const DeviceReference = entityReference('Device', { resolvable: true });

@Resolver(() => Incident)
export class IncidentResolver {
  constructor(private readonly incidentService: IncidentService) {}

  @Query(() => Incident, { nullable: true })
  incident(@Arg('id', () => ID) id: string): Promise<Incident | null> {
    return this.incidentService.findById(id);
  }

  @Query(() => [Incident])
  incidents(@Arg('customerId', () => ID) customerId: string): Promise<Incident[]> {
    return this.incidentService.listForCustomer(customerId);
  }

  @Mutation(() => Incident)
  openIncident(@Arg('input', () => OpenIncidentInput) input: OpenIncidentInput): Promise<Incident> {
    return this.incidentService.open(input);
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
