import type { DataSource } from 'typeorm';
import { buildFederatedSchema, createSubgraphClient, subgraphUrl, type SubgraphDefinition } from '@polyplus/subgraph-kit';
import { ReplacementOrder } from './replacement-order/replacement-order.entity';
import {
  IncidentReference,
  IncidentReplacementOrdersResolver,
  ReplacementOrderResolver,
} from './replacement-order/replacement-order.resolver';
import { ReplacementOrderService } from './replacement-order/replacement-order.service';
import { IncidentDirectory } from './replacement-order/incident-directory';
import { CreateReplacementOrders1795533958352 } from './migrations/1795533958352-create-replacement-orders';

export const logisticsSubgraph: SubgraphDefinition = {
  name: 'logistics',
  database: { entities: [ReplacementOrder], migrations: [CreateReplacementOrders1795533958352] },
  build(dataSource: DataSource) {
    const directory = new IncidentDirectory(createSubgraphClient('incidents', subgraphUrl('incidents')));
    const orders = new ReplacementOrderService(dataSource, directory);
    return buildFederatedSchema({
      resolvers: [ReplacementOrderResolver, IncidentReplacementOrdersResolver],
      instances: [new ReplacementOrderResolver(orders), new IncidentReplacementOrdersResolver(orders)],
      references: {
        ReplacementOrder: (reference) => orders.findById(reference.id),
        Incident: (reference) => new IncidentReference(reference.id),
      },
    });
  },
};
