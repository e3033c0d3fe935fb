import { serviceLogger } from '@polyplus/logger';
import {
  backgroundPart,
  buildFederatedSchema,
  byIds,
  clockPart,
  createSubgraphClient,
  defineSubgraph,
  outboxRelayPart,
  subgraphUrl,
  type SubgraphClient,
  type SubgraphDefinition,
} from '@polyplus/subgraph-kit';
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

export type LogisticsSubgraphOptions = {
  /** The incidents, devices and customers subgraphs; default: over HTTP at their configured URLs. */
  incidents?: SubgraphClient;
  devices?: SubgraphClient;
  customers?: SubgraphClient;
};

/** The logistics subgraph; its background work (outbox relay, return deadlines) runs only with the server. */
export function createLogisticsSubgraph(options: LogisticsSubgraphOptions = {}): SubgraphDefinition {
  return defineSubgraph({
    name: 'logistics',
    database: { entities: LOGISTICS_ENTITIES, migrations: LOGISTICS_MIGRATIONS },
    async build(dataSource) {
      const destinations = new DestinationDirectory(
        options.incidents ?? createSubgraphClient('incidents', subgraphUrl('incidents')),
        options.devices ?? createSubgraphClient('devices', subgraphUrl('devices')),
        options.customers ?? createSubgraphClient('customers', subgraphUrl('customers')),
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
      return {
        ...federated,
        background: [
          clockPart(clock),
          outboxRelayPart(dataSource, { service: 'logistics' }),
          // Building the schema opens nothing: the timers' connections open here and close with the server.
          { name: 'return deadlines', start: () => deadlines.start(), stop: () => deadlines.close() },
          // Return timers count real time: when the test clock moves, their delays are recomputed.
          backgroundPart('return timers follow the clock', () =>
            clock.onChange(
              () =>
                void deadlines
                  .rearm()
                  .catch((error: Error) => serviceLogger('returns').error({ err: error }, 're-arming return timers failed')),
            ),
          ),
        ],
      };
    },
  });
}

export const logisticsSubgraph: SubgraphDefinition = createLogisticsSubgraph();
