import { randomUUID } from 'node:crypto';
import type { DataSource, Repository } from 'typeorm';
import { ReplacementOrder } from './replacement-order.entity';
import { ReplacementOrderStatus } from './replacement-order-status';
import type { OrderReplacementInput } from './dto/order-replacement.input';
import type { IncidentDirectory } from './incident-directory';

export class ReplacementOrderService {
  private readonly orders: Repository<ReplacementOrder>;

  constructor(
    dataSource: DataSource,
    private readonly incidents: IncidentDirectory,
  ) {
    this.orders = dataSource.getRepository(ReplacementOrder);
  }

  async order(input: OrderReplacementInput): Promise<ReplacementOrder> {
    await this.incidents.assertExists(input.incidentId);
    return this.orders.save(
      this.orders.create({ id: randomUUID(), incidentId: input.incidentId, partNumber: input.partNumber, status: ReplacementOrderStatus.ORDERED }),
    );
  }

  findById(id: string): Promise<ReplacementOrder | null> {
    return this.orders.findOneBy({ id });
  }

  listForIncident(incidentId: string): Promise<ReplacementOrder[]> {
    return this.orders.find({ where: { incidentId }, order: { orderedAt: 'ASC' } });
  }
}
