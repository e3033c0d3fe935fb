import type { DataSource, EntityManager } from 'typeorm';
import { actorOf, type Principal } from '@polyplus/auth';
import { applyErasurePlan, pseudonymsFor, withoutContact, type ErasureSubject, type PersonalDataPeer } from '@polyplus/privacy';
import { DomainError, notFound } from '@polyplus/subgraph-kit';
import { Customer } from '../customer/customer.entity';
import { Contact } from '../contact/contact.entity';
import { ContactErasure } from './contact-erasure.entity';
import { ContactErasureStep } from './contact-erasure-step.entity';
import { CUSTOMERS_PERSONAL_DATA } from './customers-personal-data';
import { LegalHold } from './legal-hold.entity';
import { PrivacyAuditEntry } from './privacy-audit-entry.entity';
import { checkedReason } from './privacy-reason';

export const legalHoldRefusal = (customerId: string) =>
  new DomainError(
    'CONFLICT',
    `Customer ${customerId} is under a legal hold: its contacts’ personal data is kept until the hold is released`,
    { reason: 'LEGAL_HOLD' },
  );

/**
 * Erases a contact's personal data everywhere the product holds it: each other service erases it
 * from its own tables (in order, each recorded as a step so a retry resumes after the last one that
 * finished), then this service pseudonymises the contact row itself — last, because until then the
 * contact's name and address are what the services search for. Refused while the customer is
 * under a legal hold; an erasure already completed is answered as it is, changing nothing.
 */
export class ContactErasureService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly peers: readonly PersonalDataPeer[],
    private readonly now: () => Date = () => new Date(),
  ) {}

  async erase(principal: Principal, contactId: string, reason: string): Promise<ContactErasure> {
    const why = checkedReason(reason);
    const erasedBy = actorOf(principal);
    const { erasure, contact } = await this.start(contactId, why, erasedBy);
    if (erasure.completedAt) return this.withSteps(erasure);
    const subject: ErasureSubject = {
      customerId: contact.customerId,
      contactId: contact.id,
      email: contact.email,
      name: contact.name,
      erasedBy,
    };
    const finished = new Set((await this.dataSource.getRepository(ContactErasureStep).findBy({ contactId })).map((step) => step.service));
    for (const peer of this.peers) {
      if (finished.has(peer.service)) continue;
      // A hold set while the erasure is under way stops it before the next service.
      if (await this.dataSource.getRepository(LegalHold).existsBy({ customerId: contact.customerId }))
        throw legalHoldRefusal(contact.customerId);
      const result = await peer.erase(subject);
      await this.recordStep(this.dataSource.manager, contactId, peer.service, result);
    }
    await this.finish(subject);
    return this.withSteps(await this.dataSource.getRepository(ContactErasure).findOneByOrFail({ contactId }));
  }

  async find(contactId: string): Promise<ContactErasure | null> {
    const erasure = await this.dataSource.getRepository(ContactErasure).findOneBy({ contactId });
    return erasure && this.withSteps(erasure);
  }

  /** Records the erasure (once), under the customer's lock so it never interleaves with a hold being set. */
  private start(contactId: string, reason: string, erasedBy: string): Promise<{ erasure: ContactErasure; contact: Contact }> {
    return this.dataSource.transaction(async (manager) => {
      const found = await manager.findOneBy(Contact, { id: contactId });
      if (!found) throw notFound('Contact', contactId);
      await manager.findOne(Customer, { where: { id: found.customerId }, lock: { mode: 'pessimistic_write' } });
      const contact = await manager.findOneByOrFail(Contact, { id: contactId });
      const existing = await manager.findOne(ContactErasure, { where: { contactId }, lock: { mode: 'pessimistic_write' } });
      if (existing?.completedAt) return { erasure: existing, contact };
      if (await manager.existsBy(LegalHold, { customerId: contact.customerId })) throw legalHoldRefusal(contact.customerId);
      if (existing) return { erasure: existing, contact };
      const erasure = Object.assign(new ContactErasure(), {
        contactId,
        customerId: contact.customerId,
        pseudonym: pseudonymsFor(contactId).name,
        reason: withoutContact(reason, { contactId, email: contact.email, name: contact.name }),
        requestedBy: erasedBy,
        requestedAt: this.now(),
        completedAt: null,
      });
      await manager.insert(ContactErasure, erasure);
      // From now on the contact opens no cases and sends no serial lists: nothing new of theirs
      // reaches the services while they are erased one after another.
      await manager.update(Contact, { id: contactId }, { designated: false });
      return { erasure, contact };
    });
  }

  /** This service's own tables, the contact row last of all, and the one audit line — once. */
  private finish(subject: ErasureSubject): Promise<void> {
    return this.dataSource.transaction(async (manager) => {
      await manager.findOne(Customer, { where: { id: subject.customerId }, lock: { mode: 'pessimistic_write' } });
      const erasure = await manager.findOneOrFail(ContactErasure, {
        where: { contactId: subject.contactId },
        lock: { mode: 'pessimistic_write' },
      });
      if (erasure.completedAt) return;
      if (await manager.existsBy(LegalHold, { customerId: subject.customerId })) throw legalHoldRefusal(subject.customerId);
      let changedRows = await applyErasurePlan(manager, CUSTOMERS_PERSONAL_DATA, subject);
      // Undesignated when the erasure started; once more in case staff designated them since.
      changedRows += (await manager.update(Contact, { id: subject.contactId, designated: true }, { designated: false })).affected ?? 0;
      const at = this.now();
      await manager.update(ContactErasure, { contactId: subject.contactId }, { completedAt: at });
      await this.recordStep(manager, subject.contactId, 'customers', { changedRows, deletedFiles: 0 });
      await manager.insert(PrivacyAuditEntry, {
        at,
        actor: subject.erasedBy,
        action: 'CONTACT_ERASED',
        customerId: subject.customerId,
        contactId: subject.contactId,
        reason: erasure.reason,
      });
    });
  }

  private async recordStep(
    manager: EntityManager,
    contactId: string,
    service: string,
    result: { changedRows: number; deletedFiles: number },
  ): Promise<void> {
    // Two erasures running at once may both finish a step: the first record stands.
    await manager
      .createQueryBuilder()
      .insert()
      .into(ContactErasureStep)
      .values({ contactId, service, completedAt: this.now(), ...result })
      .orIgnore()
      .execute();
  }

  private async withSteps(erasure: ContactErasure): Promise<ContactErasure> {
    const order = [...this.peers.map((peer) => peer.service), 'customers'];
    const steps = await this.dataSource.getRepository(ContactErasureStep).findBy({ contactId: erasure.contactId });
    return Object.assign(erasure, { steps: steps.sort((a, b) => order.indexOf(a.service) - order.indexOf(b.service)) });
  }
}
