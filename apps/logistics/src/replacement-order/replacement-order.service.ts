import { randomUUID } from 'node:crypto';
import { In, type DataSource, type Repository } from 'typeorm';
import { notFound } from '@polyplus/subgraph-kit';
import { ReplacementOrder } from './replacement-order.entity';
import { ReplacementOrderStatus } from './replacement-order-status';
import type { OrderReplacementInput } from './dto/order-replacement.input';
import type { DestinationDirectory } from './destination-directory';
import { Part } from '../catalog/part.entity';
import { ShippingTerms } from '../depot/shipping-terms.entity';
import { reserveStock } from '../depot/stock-allocator';
import { customerIsImporterOfRecord, planReplacementFrom } from '../depot/replacement-plan';
import { REPLACEMENT_TOPICS } from '@polyplus/events';
import { publishReplacementEvent } from './replacement-events';

export class ReplacementOrderService {
  private readonly orders: Repository<ReplacementOrder>;

  constructor(
    private readonly dataSource: DataSource,
    private readonly destinations: DestinationDirectory,
    private readonly now: () => Date = () => new Date(),
  ) {
    this.orders = dataSource.getRepository(ReplacementOrder);
  }

  /**
   * The support engineer decided a part is needed: check entitlement, reserve stock at the
   * nearest depot that has it (or back-order), and plan next-business-day shipping.
   */
  async order(input: OrderReplacementInput): Promise<ReplacementOrder> {
    const part = await this.dataSource.getRepository(Part).findOneBy({ partNumber: input.partNumber });
    if (!part) throw notFound('Part', input.partNumber);
    const receivedAt = this.now();
    const destination = await this.destinations.destinationOf(input.incidentId);
    await this.destinations.assertAdvanceReplacementAllowed(destination.deviceId, receivedAt);

    return this.dataSource.transaction(async (manager) => {
      const terms = await manager.findOneBy(ShippingTerms, { countryCode: destination.countryCode });
      const depot = await reserveStock(manager, destination.countryCode, part.id, input.quantity);
      const order = manager.create(ReplacementOrder, {
        id: randomUUID(),
        incidentId: input.incidentId,
        customerId: destination.customerId,
        partId: part.id,
        partNumber: part.partNumber,
        quantity: input.quantity,
        siteId: destination.siteId,
        destinationCountry: destination.countryCode,
        destinationSubdivision: destination.subdivision,
        destinationTimeZone: destination.timeZone,
        orderReceivedAt: receivedAt,
        customerIsImporterOfRecord: customerIsImporterOfRecord(terms),
        customerFreightCharge: '0.00',
      });
      if (depot) {
        const plan = planReplacementFrom(depot, destination, terms, receivedAt);
        Object.assign(order, {
          status: ReplacementOrderStatus.ORDERED,
          depotId: depot.id,
          shipDate: plan.shipDate,
          expectedDelivery: plan.deliveryDate,
          expectedDeliveryAt: plan.expectedDeliveryAt,
        });
      } else {
        Object.assign(order, {
          status: ReplacementOrderStatus.BACKORDERED,
          backorderReason: `No depot serving ${destination.countryCode} has ${part.partNumber} in stock`,
        });
      }
      const saved = await manager.save(order);
      await publishReplacementEvent(manager, REPLACEMENT_TOPICS.ordered, saved, {}, receivedAt);
      return saved;
    });
  }

  findById(id: string): Promise<ReplacementOrder | null> {
    return this.orders.findOneBy({ id });
  }

  findByIds(ids: string[]): Promise<ReplacementOrder[]> {
    return ids.length === 0 ? Promise.resolve([]) : this.orders.findBy({ id: In(ids) });
  }

  listForIncident(incidentId: string): Promise<ReplacementOrder[]> {
    return this.orders.find({ where: { incidentId }, order: { orderedAt: 'ASC' } });
  }
}
