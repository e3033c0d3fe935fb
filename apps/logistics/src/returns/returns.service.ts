import { randomUUID } from 'node:crypto';
import type { DataSource, EntityManager } from 'typeorm';
import { localDate, returnDeadline } from '@polyplus/business-calendar';
import { notFound } from '@polyplus/subgraph-kit';
import { DefectiveReturn } from './defective-return.entity';
import { DefectiveReturnStatus } from './defective-return-status';
import { Invoice, InvoiceKind } from './invoice.entity';
import { ReplacementOrder } from '../replacement-order/replacement-order.entity';
import { destinationCalendarOf } from '../depot/replacement-plan';
import { listPriceOn } from '../catalog/price-list';
import { REPLACEMENT_TOPICS } from '@polyplus/events';
import { publishReplacementEvent } from '../replacement-order/replacement-events';

export type InvoiceOutcome = 'INVOICED' | 'NOT_DUE' | 'NOTHING_OWED';

/** The defective part's way back: a 10-business-day window, an invoice when late, a credit note when it arrives after. */
export class ReturnsService {
  constructor(private readonly dataSource: DataSource) {}

  /** Opens the return window when the replacement is delivered (inside the delivery's transaction). */
  async expectReturn(manager: EntityManager, order: ReplacementOrder, deliveredAt: Date): Promise<DefectiveReturn> {
    const deadline = returnDeadline(destinationCalendarOf(order), deliveredAt);
    return manager.save(
      manager.create(DefectiveReturn, {
        id: randomUUID(),
        orderId: order.id,
        dueDate: deadline.dueDate,
        lateFrom: deadline.lateFrom,
        status: DefectiveReturnStatus.EXPECTED,
      }),
    );
  }

  /**
   * Runs when the deadline job fires, possibly more than once: the row lock and the UNIQUE
   * (return, kind) index make the invoice happen exactly once.
   */
  async invoiceIfLate(returnId: string, now: Date): Promise<InvoiceOutcome> {
    return this.dataSource.transaction(async (manager) => {
      const pending = await manager.findOne(DefectiveReturn, { where: { id: returnId }, lock: { mode: 'pessimistic_write' } });
      if (!pending || pending.status !== DefectiveReturnStatus.EXPECTED) return 'NOTHING_OWED';
      if (now < pending.lateFrom) return 'NOT_DUE';
      const order = await manager.findOneByOrFail(ReplacementOrder, { id: pending.orderId });
      const price = await listPriceOn(manager, order.partId as string, localDate(destinationCalendarOf(order), now));
      if (!price) throw new Error(`No price book in force lists part ${order.partNumber}`);
      const amount = (Number(price.amount) * order.quantity).toFixed(2);
      await manager.insert(Invoice, {
        id: randomUUID(),
        returnId,
        kind: InvoiceKind.INVOICE,
        amount,
        currency: price.currency,
        priceBookId: price.priceBookId,
        issuedAt: now,
      });
      await manager.update(DefectiveReturn, { id: returnId }, { status: DefectiveReturnStatus.INVOICED });
      await publishReplacementEvent(manager, REPLACEMENT_TOPICS.returnInvoiced, order, { returnId, amount, currency: price.currency }, now);
      return 'INVOICED';
    });
  }

  /** The part arrived at the service facility: closes the window, or credits an invoice already issued. */
  async receive(returnId: string, receivedAt: Date): Promise<DefectiveReturn> {
    return this.dataSource.transaction(async (manager) => {
      const pending = await manager.findOne(DefectiveReturn, { where: { id: returnId }, lock: { mode: 'pessimistic_write' } });
      if (!pending) throw notFound('DefectiveReturn', returnId);
      if (pending.status === DefectiveReturnStatus.EXPECTED) {
        await manager.update(DefectiveReturn, { id: returnId }, { status: DefectiveReturnStatus.RECEIVED, receivedAt });
      } else if (pending.status === DefectiveReturnStatus.INVOICED) {
        const invoice = await manager.findOneByOrFail(Invoice, { returnId, kind: InvoiceKind.INVOICE });
        await manager.insert(Invoice, {
          id: randomUUID(),
          returnId,
          kind: InvoiceKind.CREDIT_NOTE,
          amount: (-Number(invoice.amount)).toFixed(2),
          currency: invoice.currency,
          priceBookId: invoice.priceBookId,
          issuedAt: receivedAt,
        });
        await manager.update(DefectiveReturn, { id: returnId }, { status: DefectiveReturnStatus.CREDITED, receivedAt });
      }
      return manager.findOneByOrFail(DefectiveReturn, { id: returnId });
    });
  }

  findForOrder(orderId: string): Promise<DefectiveReturn | null> {
    return this.dataSource.getRepository(DefectiveReturn).findOneBy({ orderId });
  }

  invoicesFor(returnId: string): Promise<Invoice[]> {
    return this.dataSource.getRepository(Invoice).find({ where: { returnId }, order: { issuedAt: 'ASC' } });
  }

  expectedReturns(): Promise<DefectiveReturn[]> {
    return this.dataSource.getRepository(DefectiveReturn).findBy({ status: DefectiveReturnStatus.EXPECTED });
  }
}
