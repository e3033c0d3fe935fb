import { serviceLogger } from '@polyplus/logger';
import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { localDate, placeCalendar } from '@polyplus/business-calendar';
import { badUserInput, conflict, notFound } from '@polyplus/subgraph-kit';
import { isDuplicateEntry } from '@polyplus/persistence';
import { Shipment } from './shipment.entity';
import { ShipmentEvent } from './shipment-event.entity';
import { canMove, ShipmentStatus } from './shipment-status';
import { implausibleTrackingTime } from './tracking-event-time';
import type { ShipOrderInput } from './dto/ship-order.input';
import type { RecordTrackingEventInput } from './dto/record-tracking-event.input';
import { ReplacementOrder } from '../replacement-order/replacement-order.entity';
import { ReplacementOrderStatus } from '../replacement-order/replacement-order-status';
import { Depot } from '../depot/depot.entity';
import type { ReturnsService } from '../returns/returns.service';
import type { ReturnDeadlines } from '../returns/return-deadline-queue';
import { REPLACEMENT_TOPICS } from '@polyplus/events';
import { publishReplacementEvent } from '../replacement-order/replacement-events';

export class ShipmentService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly returns: ReturnsService,
    private readonly deadlines: Pick<ReturnDeadlines, 'schedule'>,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** The depot hands the part to the carrier. */
  async ship(input: ShipOrderInput): Promise<Shipment> {
    return this.dataSource.transaction(async (manager) => {
      const order = await manager.findOne(ReplacementOrder, { where: { id: input.orderId }, lock: { mode: 'pessimistic_write' } });
      if (!order) throw notFound('ReplacementOrder', input.orderId);
      if (order.status !== ReplacementOrderStatus.ORDERED)
        throw conflict(`Order ${order.id} is ${order.status}; only an ORDERED order ships`);
      const depot = await manager.findOneByOrFail(Depot, { id: order.depotId as string });
      const shipment = manager.create(Shipment, {
        id: randomUUID(),
        orderId: order.id,
        carrier: input.carrier,
        trackingNumber: input.trackingNumber,
        partSerialNumber: input.partSerialNumber,
        status: ShipmentStatus.CREATED,
        shippedOn: localDate(placeCalendar(depot), this.now()),
        deliveredAt: null,
      });
      try {
        await manager.insert(Shipment, shipment);
      } catch (error) {
        if (isDuplicateEntry(error)) throw conflict(`Tracking number ${input.carrier} ${input.trackingNumber} is already in use`);
        throw error;
      }
      await manager.insert(ShipmentEvent, {
        id: randomUUID(),
        shipmentId: shipment.id,
        at: this.now(),
        status: ShipmentStatus.CREATED,
        eta: null,
        note: null,
      });
      await manager.update(ReplacementOrder, { id: order.id }, { status: ReplacementOrderStatus.SHIPPED });
      await publishReplacementEvent(
        manager,
        REPLACEMENT_TOPICS.shipped,
        { ...order, status: ReplacementOrderStatus.SHIPPED },
        { carrier: input.carrier, trackingNumber: input.trackingNumber },
        this.now(),
      );
      return shipment;
    });
  }

  /**
   * A carrier integration or staff reports a tracking event; a new ETA moves the expected delivery.
   * An event dated in the future, before the order, before shipping or before the last event
   * contradicts what is known: BAD_USER_INPUT naming `at`, and nothing is written.
   */
  async recordTrackingEvent(input: RecordTrackingEventInput): Promise<Shipment> {
    const now = this.now();
    const future = implausibleTrackingTime(input.at, now);
    if (future) throw badUserInput(future, 'at');
    const delivered = await this.dataSource.transaction(async (manager) => {
      const shipment = await manager.findOne(Shipment, {
        where: { carrier: input.carrier, trackingNumber: input.trackingNumber },
        lock: { mode: 'pessimistic_write' },
      });
      if (!shipment) throw notFound('Shipment', `${input.carrier} ${input.trackingNumber}`);
      if (!canMove(shipment.status, input.status)) {
        throw conflict(`A ${input.status} event cannot follow ${shipment.status} for shipment ${input.trackingNumber}`);
      }
      const order = await manager.findOneByOrFail(ReplacementOrder, { id: shipment.orderId });
      const history = await manager.find(ShipmentEvent, { where: { shipmentId: shipment.id }, order: { at: 'ASC' } });
      const orderedAt = order.orderReceivedAt ?? order.orderedAt;
      const shippedAt = history.find((event) => event.status === ShipmentStatus.CREATED)?.at ?? orderedAt;
      const lastEventAt = history.at(-1)?.at ?? shippedAt;
      const implausible = implausibleTrackingTime(input.at, now, { orderedAt, shippedAt, lastEventAt });
      if (implausible) throw badUserInput(implausible, 'at');
      await manager.insert(ShipmentEvent, {
        id: randomUUID(),
        shipmentId: shipment.id,
        at: input.at,
        status: input.status,
        eta: input.eta ?? null,
        note: input.note ?? null,
      });
      await manager.update(
        Shipment,
        { id: shipment.id },
        { status: input.status, deliveredAt: input.status === ShipmentStatus.DELIVERED ? input.at : null },
      );
      if (input.status === ShipmentStatus.DELIVERED) {
        Object.assign(order, { status: ReplacementOrderStatus.DELIVERED, expectedDeliveryAt: input.at });
        await manager.save(order);
        await publishReplacementEvent(manager, REPLACEMENT_TOPICS.delivered, order, { deliveredAt: input.at.toISOString() }, now);
        return this.returns.expectReturn(manager, order, input.at);
      }
      if (input.eta && input.eta.getTime() !== order.expectedDeliveryAt?.getTime()) {
        // The carrier moved the arrival: the onsite visit planned on it must move too.
        order.expectedDeliveryAt = input.eta;
        await manager.save(order);
        await publishReplacementEvent(manager, REPLACEMENT_TOPICS.etaChanged, order, { shipmentStatus: input.status }, now);
      }
      return null;
    });
    // After commit: the timer lives in Redis; if Redis is down this fails fast and the periodic sweep arms it later.
    if (delivered)
      await this.deadlines
        .schedule(delivered.id, delivered.lateFrom)
        .catch((error: Error) => serviceLogger('returns').error({ err: error, returnId: delivered.id }, 'return timer not armed'));
    return this.dataSource.getRepository(Shipment).findOneByOrFail({ carrier: input.carrier, trackingNumber: input.trackingNumber });
  }

  findForOrder(orderId: string): Promise<Shipment | null> {
    return this.dataSource.getRepository(Shipment).findOneBy({ orderId });
  }

  findByPartSerial(partSerialNumber: string): Promise<Shipment | null> {
    return this.dataSource.getRepository(Shipment).findOneBy({ partSerialNumber });
  }

  /** The customer a shipment went to, through its replacement order. */
  async customerOf(shipment: Shipment): Promise<string | null> {
    const order = await this.dataSource
      .getRepository(ReplacementOrder)
      .findOneOrFail({ where: { id: shipment.orderId }, select: { id: true, customerId: true } });
    return order.customerId;
  }

  events(shipmentId: string): Promise<ShipmentEvent[]> {
    return this.dataSource.getRepository(ShipmentEvent).find({ where: { shipmentId }, order: { at: 'ASC' } });
  }
}
