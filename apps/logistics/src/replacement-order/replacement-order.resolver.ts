import { Arg, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { entityReference, Access, CUSTOMER_USERS, STAFF, SUPPORT } from '@polyplus/subgraph-kit';
import { ReplacementOrder } from './replacement-order.entity';
import { ReplacementOrderService } from './replacement-order.service';
import { OrderReplacementInput } from './dto/order-replacement.input';
import { Part } from '../catalog/part.entity';
import { CatalogService } from '../catalog/catalog.service';
import { Shipment } from '../shipment/shipment.entity';
import { ShipmentService } from '../shipment/shipment.service';
import { DefectiveReturn } from '../returns/defective-return.entity';
import { ReturnsService } from '../returns/returns.service';

export const IncidentReference = entityReference('Incident', { resolvable: true });

@Resolver(() => ReplacementOrder)
export class ReplacementOrderResolver {
  constructor(
    private readonly orders: ReplacementOrderService,
    private readonly catalog: CatalogService,
    private readonly shipments: ShipmentService,
    private readonly returns: ReturnsService,
  ) {}

  @Access(STAFF, CUSTOMER_USERS)
  @Query(() => ReplacementOrder, { nullable: true })
  replacementOrder(@Arg('id', () => ID) id: string): Promise<ReplacementOrder | null> {
    return this.orders.findById(id);
  }

  @Access(SUPPORT)
  @Mutation(() => ReplacementOrder, { description: 'Orders an advance replacement part for a support case.' })
  orderReplacement(@Arg('input', () => OrderReplacementInput) input: OrderReplacementInput): Promise<ReplacementOrder> {
    return this.orders.order(input);
  }

  @FieldResolver(() => IncidentReference)
  incident(@Root() order: ReplacementOrder) {
    return new IncidentReference(order.incidentId);
  }

  @FieldResolver(() => Part, { nullable: true })
  part(@Root() order: ReplacementOrder): Promise<Part | null> {
    return order.partId ? this.catalog.findPart(order.partId) : Promise.resolve(null);
  }

  @FieldResolver(() => Shipment, { nullable: true })
  shipment(@Root() order: ReplacementOrder): Promise<Shipment | null> {
    return this.shipments.findForOrder(order.id);
  }

  @FieldResolver(() => DefectiveReturn, { nullable: true, description: 'The defective part owed back, once the replacement is delivered.' })
  defectiveReturn(@Root() order: ReplacementOrder): Promise<DefectiveReturn | null> {
    return this.returns.findForOrder(order.id);
  }

  @FieldResolver(() => Date, { nullable: true, description: 'When the defective part becomes late (and is invoiced).' })
  async returnDueAt(@Root() order: ReplacementOrder): Promise<Date | null> {
    return (await this.returns.findForOrder(order.id))?.lateFrom ?? null;
  }
}

/** Contributes `Incident.replacementOrders` to the support case the incidents subgraph owns. */
@Resolver(() => IncidentReference)
export class IncidentReplacementOrdersResolver {
  constructor(private readonly orders: ReplacementOrderService) {}

  @FieldResolver(() => [ReplacementOrder])
  replacementOrders(@Root() incident: InstanceType<typeof IncidentReference>): Promise<ReplacementOrder[]> {
    return this.orders.listForIncident(incident.id);
  }
}
