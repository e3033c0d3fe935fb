import { serviceLogger } from '@polyplus/logger';
import type { Queue } from 'bullmq';
import type { DataSource } from 'typeorm';
import type { ProductEvent } from '@polyplus/events';
import { DomainError } from '@polyplus/subgraph-kit';
import type { CaseDirectory, CaseFacts } from '../directory/case-directory';
import type { CustomerDirectory, DirectorySite } from '../directory/customer-directory';
import type { OrderDirectory } from '../directory/order-directory';
import type { NotificationFanout } from '../delivery/notification-fanout';
import { enqueueDeliveries, scheduleReturnReminder, type MailJob, type RetrySettings } from '../delivery/mail-queue';
import { caseNotice, partNotice, securityNotice, visitNotice } from '../notice/notice-builders';
import type { Notice } from '../notice/notice';
import { VisitNoticeState } from '../notice/visit-notice-state.entity';
import { triggerOf, type Trigger, type VisitPayload } from './notification-topics';
import { visitNoticeKind } from './visit-change-rule';

/** Worth retrying: another service is unreachable or answered oddly. Anything else would fail again. */
function isTransient(error: unknown): boolean {
  return !(error instanceof DomainError) || error.code === 'SERVICE_UNAVAILABLE' || error.code === 'INTERNAL_SERVER_ERROR';
}

/** How long before a defective part would be invoiced its reminder goes out. */
export const RETURN_REMINDER_LEAD_MS = 2 * 24 * 3600_000;

export type NotificationDirectories = { customers: CustomerDirectory; cases: CaseDirectory; orders: OrderDirectory };

/**
 * Turns stream events into notices and hands them to the fan-out. A transient failure throws
 * (the entry stays pending and is retried); a permanent one is logged and skipped, so one bad
 * event cannot stall the stream.
 */
export class NotificationEventHandler {
  constructor(
    private readonly dataSource: DataSource,
    private readonly directories: NotificationDirectories,
    private readonly fanout: NotificationFanout,
    private readonly queue: Queue<MailJob>,
    private readonly retry: RetrySettings,
    private readonly now: () => Date = () => new Date(),
    private readonly log: (message: string) => void = (message) => serviceLogger('events').warn(message),
  ) {}

  readonly handle = async (event: ProductEvent): Promise<void> => {
    const trigger = triggerOf(event);
    if (!trigger) return;
    try {
      await this.apply(event, trigger);
    } catch (error) {
      if (isTransient(error)) throw error;
      this.log(`[notifications] ${event.topic} ${event.id} skipped: ${(error as Error).message}`);
    }
  };

  /** A defective part still expected two days before it would be invoiced: remind the customer. */
  readonly returnReminder = async ({ orderId }: { orderId: string }): Promise<void> => {
    const order = await this.directories.orders.orderFacts(orderId);
    if (!order || order.returnStatus !== 'EXPECTED') return;
    const facts = await this.caseFacts(order.incidentId);
    if (!facts) return;
    await this.send(`return-due:${orderId}`, partNotice('RETURN_DUE_SOON', order, facts, await this.site(facts), this.now().toISOString()));
  };

  private async apply(event: ProductEvent, trigger: Trigger): Promise<void> {
    const occurredAt = event.occurredAt || this.now().toISOString();
    switch (trigger.type) {
      case 'case': {
        const facts = await this.caseFacts(trigger.incidentId);
        if (!facts) return;
        await this.send(event.id, caseNotice(trigger.kind, facts, await this.site(facts), occurredAt));
        return;
      }
      case 'part': {
        const order = await this.directories.orders.orderFacts(trigger.orderId);
        if (!order) return;
        const facts = await this.caseFacts(order.incidentId);
        if (!facts) return;
        await this.send(event.id, partNotice(trigger.kind, order, facts, await this.site(facts), occurredAt, trigger));
        if (trigger.kind === 'PART_DELIVERED' && order.returnLateFrom && order.returnStatus === 'EXPECTED') {
          const remindAt = new Date(new Date(order.returnLateFrom).getTime() - RETURN_REMINDER_LEAD_MS);
          await scheduleReturnReminder(this.queue, order.id, remindAt, this.now());
        }
        return;
      }
      case 'visit':
        await this.visitChanged(event.id, trigger.visit, occurredAt);
        return;
      case 'security': {
        const customerIds = trigger.notice.customerIds ?? (await this.directories.customers.allCustomerIds());
        const summary = trigger.notice.summary ?? (await this.directories.cases.securityNoticeSummary(trigger.notice.noticeId));
        for (const customerId of customerIds)
          await this.send(event.id, securityNotice(customerId, { ...trigger.notice, summary }, occurredAt));
        return;
      }
    }
  }

  private async visitChanged(eventId: string, visit: VisitPayload, occurredAt: string): Promise<void> {
    const states = this.dataSource.getRepository(VisitNoticeState);
    const told = await states.findOneBy({ visitId: visit.visitId });
    const kind = visitNoticeKind(visit, told);
    if (kind) {
      const facts = await this.caseFacts(visit.incidentId);
      if (!facts) return;
      const previous = told
        ? { windowStart: told.windowStart?.toISOString() ?? null, windowEnd: told.windowEnd?.toISOString() ?? null }
        : null;
      await this.send(eventId, visitNotice(kind, facts, await this.site(facts), visit, occurredAt, previous));
    }
    // After the mail is recorded: a crash in between repeats the same decision, and the UNIQUE key keeps it one mail.
    if (kind || !told) {
      await states.upsert(
        {
          visitId: visit.visitId,
          windowStart: visit.windowStart ? new Date(visit.windowStart) : null,
          windowEnd: visit.windowEnd ? new Date(visit.windowEnd) : null,
          status: visit.status === 'CANCELLED' || visit.change === 'CANCELLED' ? 'CANCELLED' : visit.status,
          updatedAt: this.now(),
        },
        ['visitId'],
      );
    }
  }

  private caseFacts(incidentId: string): Promise<CaseFacts | null> {
    return this.directories.cases.caseFacts(incidentId);
  }

  private site(facts: CaseFacts): Promise<DirectorySite | null> {
    return this.directories.customers.site(facts.siteId);
  }

  private async send(eventId: string, notice: Notice): Promise<void> {
    const waiting = await this.fanout.deliver(eventId, notice);
    await enqueueDeliveries(this.queue, waiting, this.retry);
  }
}
