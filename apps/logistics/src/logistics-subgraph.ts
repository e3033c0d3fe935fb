import type { DataSource } from 'typeorm';
import { createRedis, startOutboxRelay, waitForRedis, type OutboxRelay, type RedisConnection } from '@polyplus/events';
import { buildFederatedSchema, createSubgraphClient, subgraphUrl, type SubgraphDefinition } from '@polyplus/subgraph-kit';
import { LOGISTICS_ENTITIES, LOGISTICS_MIGRATIONS } from './logistics-database';
import { IncidentReference, IncidentReplacementOrdersResolver, ReplacementOrderResolver } from './replacement-order/replacement-order.resolver';
import { ReplacementOrderService } from './replacement-order/replacement-order.service';
import { ReplacementOrder } from './replacement-order/replacement-order.entity';
import { DestinationDirectory } from './replacement-order/destination-directory';
import { CatalogResolver } from './catalog/catalog.resolver';
import { CatalogService } from './catalog/catalog.service';
import { ShipmentResolver } from './shipment/shipment.resolver';
import { ShipmentService } from './shipment/shipment.service';
import { ReturnsResolver } from './returns/returns.resolver';
import { ReturnsService } from './returns/returns.service';
import { ReturnDeadlines } from './returns/return-deadline-queue';
import { ReplacementTermsResolver } from './replacement-terms/replacement-terms.resolver';
import { ReplacementTermsService } from './replacement-terms/replacement-terms.service';

export const logisticsSubgraph: SubgraphDefinition = {
  name: 'logistics',
  database: { entities: LOGISTICS_ENTITIES, migrations: LOGISTICS_MIGRATIONS },
  async build(dataSource: DataSource) {
    const destinations = new DestinationDirectory(
      createSubgraphClient('incidents', subgraphUrl('incidents')),
      createSubgraphClient('devices', subgraphUrl('devices')),
      createSubgraphClient('customers', subgraphUrl('customers')),
    );
    // One "now" for orders and the published terms: what is published is what an order gets.
    const now = () => new Date();
    const catalog = new CatalogService(dataSource);
    const orders = new ReplacementOrderService(dataSource, destinations, now);
    const returns = new ReturnsService(dataSource);
    const deadlines = new ReturnDeadlines(returns);
    const shipments = new ShipmentService(dataSource, returns, deadlines);
    const replacementTerms = new ReplacementTermsService(dataSource, now);
    const federated = await buildFederatedSchema({
      ownership: { ReplacementOrder: (order: ReplacementOrder) => order.customerId },
      resolvers: [ReplacementOrderResolver, IncidentReplacementOrdersResolver, CatalogResolver, ShipmentResolver, ReturnsResolver, ReplacementTermsResolver],
      instances: [
        new ReplacementOrderResolver(orders, catalog, shipments, returns),
        new IncidentReplacementOrdersResolver(orders),
        new CatalogResolver(catalog),
        new ShipmentResolver(shipments),
        new ReturnsResolver(returns, deadlines),
        new ReplacementTermsResolver(replacementTerms),
      ],
      references: {
        ReplacementOrder: (reference) => orders.findById(reference.id),
        Part: (reference) => catalog.findPart(reference.id),
        Incident: (reference) => new IncidentReference(reference.id),
      },
    });
    let relay: OutboxRelay | undefined;
    let producer: RedisConnection | undefined;
    return {
      ...federated,
      start: async () => {
        producer = createRedis('producer');
        producer.on('error', () => undefined); // the relay reports and retries
        await waitForRedis(producer);
        relay = startOutboxRelay({ dataSource, redis: producer, source: 'logistics' });
        await deadlines.start();
      },
      close: async () => {
        await deadlines.close();
        await relay?.stop();
        producer?.disconnect();
      },
    };
  },
};
