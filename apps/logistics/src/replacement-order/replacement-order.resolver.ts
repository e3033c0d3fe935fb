import { Arg, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { entityReference } from '@polyplus/subgraph-kit';
import { ReplacementOrder } from './replacement-order.entity';
import { ReplacementOrderService } from './replacement-order.service';
import { OrderReplacementInput } from './dto/order-replacement.input';

export const IncidentReference = entityReference('Incident', { resolvable: true });

@Resolver(() => ReplacementOrder)
export class ReplacementOrderResolver {
  constructor(private readonly orders: ReplacementOrderService) {}

  @Query(() => ReplacementOrder, { nullable: true })
  replacementOrder(@Arg('id', () => ID) id: string): Promise<ReplacementOrder | null> {
    return this.orders.findById(id);
  }

  @Mutation(() => ReplacementOrder)
  orderReplacement(@Arg('input', () => OrderReplacementInput) input: OrderReplacementInput): Promise<ReplacementOrder> {
    return this.orders.order(input);
  }

  @FieldResolver(() => IncidentReference)
  incident(@Root() order: ReplacementOrder) {
    return new IncidentReference(order.incidentId);
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
