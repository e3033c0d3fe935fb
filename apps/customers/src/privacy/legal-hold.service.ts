import type { DataSource } from 'typeorm';
import { In } from 'typeorm';
import { actorOf, type Principal } from '@polyplus/auth';
import { badUserInput, notFound } from '@polyplus/subgraph-kit';
import { Customer } from '../customer/customer.entity';
import { LegalHold } from './legal-hold.entity';
import { PrivacyAuditEntry } from './privacy-audit-entry.entity';
import { checkedReason } from './privacy-reason';

export const MAX_HOLD_LOOKUP = 500;

/** Legal holds on customers, set and released by support staff with a reason, each change audited. */
export class LegalHoldService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** Sets (hold) or releases a customer's legal hold; resolves with the hold in force afterwards (null when none). */
  async set(principal: Principal, customerId: string, hold: boolean, reason: string): Promise<LegalHold | null> {
    const why = checkedReason(reason);
    const actor = actorOf(principal);
    const at = this.now();
    return this.dataSource.transaction(async (manager) => {
      // Serialised per customer: a hold and an erasure of one of its contacts never interleave.
      const customer = await manager.findOne(Customer, { where: { id: customerId }, lock: { mode: 'pessimistic_write' } });
      if (!customer) throw notFound('Customer', customerId);
      await manager.insert(PrivacyAuditEntry, {
        at,
        actor,
        action: hold ? 'LEGAL_HOLD_SET' : 'LEGAL_HOLD_RELEASED',
        customerId,
        contactId: null,
        reason: why,
      });
      if (!hold) {
        await manager.delete(LegalHold, { customerId });
        return null;
      }
      const held = Object.assign(new LegalHold(), { customerId, reason: why, setBy: actor, setAt: at });
      await manager.upsert(LegalHold, held, ['customerId']);
      return held;
    });
  }

  find(customerId: string): Promise<LegalHold | null> {
    return this.dataSource.getRepository(LegalHold).findOneBy({ customerId });
  }

  /** Which of these customers are under a legal hold (the retention purge asks before deleting). */
  async heldAmong(customerIds: string[]): Promise<string[]> {
    if (customerIds.length > MAX_HOLD_LOOKUP) throw badUserInput(`at most ${MAX_HOLD_LOOKUP} customer ids at a time`, 'customerIds');
    if (customerIds.length === 0) return [];
    const holds = await this.dataSource.getRepository(LegalHold).findBy({ customerId: In(customerIds) });
    return holds.map((held) => held.customerId);
  }
}
