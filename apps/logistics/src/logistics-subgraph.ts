import { serviceLogger } from '@polyplus/logger';
import type { DataSource } from 'typeorm';
import { createRedis, startOutboxRelay, waitForRedis, type OutboxRelay, type RedisConnection } from '@polyplus/events';
import { buildFederatedSchema, byIds, createSubgraphClient, subgraphUrl, type SubgraphDefinition } from '@polyplus/subgraph-kit';
import { createServiceClock } from '@polyplus/clock';
import { LOGISTICS_ENTITIES, LOGISTICS_MIGRATIONS } from './logistics-database';
import { LogisticsPersonalData, LogisticsPersonalDataResolver } from './privacy/logistics-personal-data';
import {
  IncidentReference,
  IncidentReplacementOrdersResolver,
  ReplacementOrderResolver,
} from './replacement-order/replacement-order.resolver';
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
    // One "now" for orders, shipments, returns and the published terms: what is published is what
    // an order gets. System time in production; outside it the stack's test clock may move it.
    const clock = createServiceClock();
    const now = clock.now;
    const catalog = new CatalogService(dataSource);
    const orders = new ReplacementOrderService(dataSource, destinations, now);
    const returns = new ReturnsService(dataSource);
    const deadlines = new ReturnDeadlines(returns, { now });
    const shipments = new ShipmentService(dataSource, returns, deadlines, now);
    const replacementTerms = new ReplacementTermsService(dataSource, now);
    const federated = await buildFederatedSchema({
      ownership: { ReplacementOrder: (order: ReplacementOrder) => order.customerId },
      resolvers: [
        ReplacementOrderResolver,
        IncidentReplacementOrdersResolver,
        CatalogResolver,
        ShipmentResolver,
        ReturnsResolver,
        ReplacementTermsResolver,
        LogisticsPersonalDataResolver,
      ],
      instances: [
        new ReplacementOrderResolver(orders, catalog, shipments, returns),
        new IncidentReplacementOrdersResolver(orders),
        new CatalogResolver(catalog),
        new ShipmentResolver(shipments, () => now().toISOString().slice(0, 10)),
        new ReturnsResolver(returns, deadlines, now),
        new ReplacementTermsResolver(replacementTerms),
        new LogisticsPersonalDataResolver(new LogisticsPersonalData(dataSource)),
      ],
      references: {
        ReplacementOrder: byIds((ids) => orders.findByIds(ids)),
        Part: byIds((ids) => catalog.findParts(ids)),
        Incident: (reference) => new IncidentReference(reference.id),
      },
    });
    let relay: OutboxRelay | undefined;
    let producer: RedisConnection | undefined;
    let stopFollowingClock: (() => void) | undefined;
    return {
      ...federated,
      start: async () => {
        await clock.start();
        producer = createRedis('producer');
        producer.on('error', () => undefined); // the relay reports and retries
        await waitForRedis(producer);
        relay = startOutboxRelay({ dataSource, redis: producer, source: 'logistics' });
        await deadlines.start();
        // Return timers count real time: when the test clock moves, their delays are recomputed.
        stopFollowingClock = clock.onChange(
          () =>
            void deadlines
              .rearm()
              .catch((error: Error) => serviceLogger('returns').error({ err: error }, 're-arming return timers failed')),
        );
      },
      close: async () => {
        stopFollowingClock?.();
        await deadlines.close();
        await relay?.stop();
        producer?.disconnect();
        await clock.close();
      },
    };
  },
};
