import { randomUUID } from 'node:crypto';
import { In, IsNull, type DataSource, type EntityManager } from 'typeorm';
import { actorOf, isCustomerScoped, type Principal } from '@polyplus/auth';
import { appendToOutbox, SECURITY_NOTICE_PUBLISHED, type EventPayloadInput } from '@polyplus/events';
import { badUserInput, conflict, notFound } from '@polyplus/subgraph-kit';
import type { CustomerRegistry } from './customer-registry';
import { SecurityNotice } from './security-notice.entity';
import { SecurityNoticeRecipient } from './security-notice-recipient.entity';
import { SecurityNoticeStatus } from './security-notice-enums';
import type { RecordSecurityNoticeInput } from './dto/record-security-notice.input';

/** Clock skew allowed for a detection time given by staff. */
const FUTURE_TOLERANCE_MS = 5 * 60_000;
const INSERT_CHUNK = 500;
export const MAX_NOTICES = 200;

export type NoticeFilter = { customerId?: string | null; status?: SecurityNoticeStatus | null; first: number };

/**
 * Security and privacy incident notices (ISMS: "the Customer will be notified in a timely
 * fashion"): staff record one with the customers it affects and publish it; publishing notifies
 * each affected customer through the outbox; the customers' admins and technicians see and
 * acknowledge it; nobody else sees it.
 */
export class SecurityNoticeService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly customers: CustomerRegistry,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async record(input: RecordSecurityNoticeInput, principal: Principal): Promise<SecurityNotice> {
    const now = this.now();
    if (input.detectedAt.getTime() > now.getTime() + FUTURE_TOLERANCE_MS)
      throw badUserInput('detectedAt must not be in the future', 'detectedAt');
    const customerIds = input.affectedCustomerIds.map((id) => id.toLowerCase());
    const [unknown] = await this.customers.unknownOf(customerIds);
    if (unknown) throw notFound('Customer', unknown);
    const notice = Object.assign(new SecurityNotice(), {
      id: randomUUID(),
      kind: input.kind,
      severity: input.severity,
      title: input.title.trim(),
      summary: input.summary,
      detectedAt: input.detectedAt,
      status: SecurityNoticeStatus.DRAFT,
      notifiedAt: null,
      recordedAt: now,
      recordedBy: actorOf(principal),
      publishedBy: null,
    });
    await this.dataSource.transaction(async (manager) => {
      await manager.insert(SecurityNotice, notice);
      for (let i = 0; i < customerIds.length; i += INSERT_CHUNK) {
        await manager.insert(
          SecurityNoticeRecipient,
          customerIds
            .slice(i, i + INSERT_CHUNK)
            .map((customerId) => ({ noticeId: notice.id, customerId, acknowledgedAt: null, acknowledgedBy: null })),
        );
      }
    });
    return notice;
  }

  /**
   * Publishes a draft: it becomes visible to the affected customers, and one event per affected
   * customer is written to the outbox in the same transaction (subscriptions, webhooks).
   */
  async publish(id: string, principal: Principal): Promise<SecurityNotice> {
    return this.dataSource.transaction(async (manager) => {
      const notice = await manager.findOne(SecurityNotice, { where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!notice) throw notFound('SecurityNotice', id);
      if (notice.status !== SecurityNoticeStatus.DRAFT) throw conflict(`Security notice ${id} is already published`);
      Object.assign(notice, { status: SecurityNoticeStatus.PUBLISHED, notifiedAt: this.now(), publishedBy: actorOf(principal) });
      await manager.update(
        SecurityNotice,
        { id, status: SecurityNoticeStatus.DRAFT },
        { status: notice.status, notifiedAt: notice.notifiedAt, publishedBy: notice.publishedBy },
      );
      await this.announce(manager, notice);
      return notice;
    });
  }

  private async announce(manager: EntityManager, notice: SecurityNotice): Promise<void> {
    const recipients = await manager.find(SecurityNoticeRecipient, { where: { noticeId: notice.id }, order: { customerId: 'ASC' } });
    for (const { customerId } of recipients) {
      const payload: EventPayloadInput<typeof SECURITY_NOTICE_PUBLISHED> = {
        noticeId: notice.id,
        customerId,
        kind: notice.kind,
        severity: notice.severity,
        title: notice.title,
        notifiedAt: (notice.notifiedAt as Date).toISOString(),
      };
      await appendToOutbox(manager, { topic: SECURITY_NOTICE_PUBLISHED, key: notice.id, payload, occurredAt: notice.notifiedAt as Date });
    }
  }

  /**
   * Acknowledges a published notice for the caller's affected customers (or the one named). The
   * first acknowledgement of each customer is kept; acknowledging again changes nothing.
   */
  async acknowledge(principal: Principal, noticeId: string, customerId?: string | null): Promise<SecurityNotice> {
    const notice = await this.findVisible(principal, noticeId);
    if (!notice || notice.status !== SecurityNoticeStatus.PUBLISHED) throw notFound('SecurityNotice', noticeId);
    const mine = customerId ? [customerId] : principal.customerIds;
    const affected = await this.dataSource.getRepository(SecurityNoticeRecipient).findBy({ noticeId, customerId: In(mine) });
    if (affected.length === 0) throw notFound('SecurityNotice', noticeId);
    await this.dataSource
      .getRepository(SecurityNoticeRecipient)
      .update(
        { noticeId, customerId: In(affected.map((recipient) => recipient.customerId)), acknowledgedAt: IsNull() },
        { acknowledgedAt: this.now(), acknowledgedBy: actorOf(principal) },
      );
    return notice;
  }

  /** A notice as the caller may see it: customers only published notices that affect one of their customers. */
  async findVisible(principal: Principal, id: string): Promise<SecurityNotice | null> {
    const notice = await this.dataSource.getRepository(SecurityNotice).findOneBy({ id });
    if (!notice || !isCustomerScoped(principal)) return notice;
    if (notice.status !== SecurityNoticeStatus.PUBLISHED || principal.customerIds.length === 0) return null;
    const affects = await this.dataSource
      .getRepository(SecurityNoticeRecipient)
      .existsBy({ noticeId: id, customerId: In(principal.customerIds) });
    return affects ? notice : null;
  }

  /** Newest first: customers see published notices affecting them; staff see every notice, drafts included. */
  async list(principal: Principal, filter: NoticeFilter): Promise<SecurityNotice[]> {
    const customerScoped = isCustomerScoped(principal);
    if (customerScoped && filter.status === SecurityNoticeStatus.DRAFT) return [];
    const customers = filter.customerId ? [filter.customerId] : customerScoped ? principal.customerIds : undefined;
    if (customers?.length === 0) return [];
    const query = this.dataSource.getRepository(SecurityNotice).createQueryBuilder('notice');
    if (customers) {
      query.where('notice.id IN (SELECT r.noticeId FROM security_notice_recipient r WHERE r.customerId IN (:...customers))', { customers });
    }
    const status = customerScoped ? SecurityNoticeStatus.PUBLISHED : filter.status;
    if (status) query.andWhere('notice.status = :status', { status });
    // Drafts (not yet notified) first for staff, then by notification time.
    return query
      .orderBy('notice.notifiedAt IS NULL', 'DESC')
      .addOrderBy('notice.notifiedAt', 'DESC')
      .addOrderBy('notice.recordedAt', 'DESC')
      .take(filter.first)
      .getMany();
  }

  /** Every affected customer with its acknowledgement (the tenant scope leaves a customer only its own). */
  recipientsOf(noticeId: string): Promise<SecurityNoticeRecipient[]> {
    return this.dataSource.getRepository(SecurityNoticeRecipient).find({ where: { noticeId }, order: { customerId: 'ASC' } });
  }

  assertFirst(first: number): void {
    if (first < 1 || first > MAX_NOTICES) throw badUserInput(`first must be between 1 and ${MAX_NOTICES}`, 'first');
  }
}
