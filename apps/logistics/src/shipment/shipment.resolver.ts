import { Arg, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from 'type-graphql';
import { Access, CUSTOMER_USERS, STAFF, SUPPORT } from '@polyplus/subgraph-kit';
import { canSeeCustomer, isCustomerScoped } from '@polyplus/auth';
import type { SubgraphContext } from '@polyplus/subgraph-kit';
import { isUnderWarranty, replacementWarranty } from '@polyplus/business-calendar';
import { Shipment } from './shipment.entity';
import { ShipmentEvent } from './shipment-event.entity';
import { ShipmentService } from './shipment.service';
import { PartWarranty } from './part-warranty';
import { ShipOrderInput } from './dto/ship-order.input';
import { RecordTrackingEventInput } from './dto/record-tracking-event.input';

@Resolver(() => Shipment)
export class ShipmentResolver {
  constructor(
    private readonly shipments: ShipmentService,
    private readonly today: () => string = () => new Date().toISOString().slice(0, 10),
  ) {}

  @Access(SUPPORT)
  @Mutation(() => Shipment, { description: 'The depot hands an ORDERED replacement to the carrier.' })
  shipReplacement(@Arg('input', () => ShipOrderInput) input: ShipOrderInput): Promise<Shipment> {
    return this.shipments.ship(input);
  }

  @Access(SUPPORT)
  @Mutation(() => Shipment, {
    description:
      'A carrier or staff tracking event; a new ETA moves the expected delivery. Dated no earlier than the hand-over to the carrier and the last event, and not in the future (5 minutes of clock skew): BAD_USER_INPUT naming at otherwise.',
  })
  recordTrackingEvent(@Arg('input', () => RecordTrackingEventInput) input: RecordTrackingEventInput): Promise<Shipment> {
    return this.shipments.recordTrackingEvent(input);
  }

  @Access(STAFF, CUSTOMER_USERS)
  @Query(() => PartWarranty, { nullable: true, description: 'Warranty of a shipped replacement part, by its serial number.' })
  async partWarranty(
    @Arg('partSerialNumber', () => String) partSerialNumber: string,
    @Ctx() { principal }: SubgraphContext,
  ): Promise<PartWarranty | null> {
    const shipment = await this.shipments.findByPartSerial(partSerialNumber);
    if (!shipment) return null;
    // Another customer's part answers exactly as an unknown serial does.
    const owner = await this.shipments.customerOf(shipment);
    if (principal && isCustomerScoped(principal) && (owner === null || !canSeeCustomer(principal, owner))) return null;
    const { warrantyEnd } = replacementWarranty({ shipDate: shipment.shippedOn });
    return Object.assign(new PartWarranty(), {
      partSerialNumber,
      shippedOn: shipment.shippedOn,
      warrantyEnd,
      underWarranty: isUnderWarranty(warrantyEnd, this.today()),
    });
  }

  @FieldResolver(() => [ShipmentEvent])
  events(@Root() shipment: Shipment): Promise<ShipmentEvent[]> {
    return this.shipments.events(shipment.id);
  }
}
