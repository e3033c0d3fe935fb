import { randomUUID } from 'node:crypto';
import { In, type DataSource, type Repository } from 'typeorm';
import { conflict, notFound } from '@polyplus/subgraph-kit';
import { isDuplicateEntry } from '@polyplus/persistence';
import { canSeeCustomer, type Principal } from '@polyplus/auth';
import { Customer } from '../customer/customer.entity';
import { Contact } from './contact.entity';
import type { AddContactInput } from './dto/add-contact.input';

export class ContactService {
  private readonly contacts: Repository<Contact>;

  constructor(private readonly dataSource: DataSource) {
    this.contacts = dataSource.getRepository(Contact);
  }

  async add(input: AddContactInput): Promise<Contact> {
    return this.dataSource.transaction(async (manager) => {
      const customer = await manager.findOne(Customer, { where: { id: input.customerId }, lock: { mode: 'pessimistic_write' } });
      if (!customer) throw notFound('Customer', input.customerId);
      const contact = manager.create(Contact, {
        id: randomUUID(),
        customerId: input.customerId,
        // Emails compare case-insensitively in practice; store one spelling so the UNIQUE index holds.
        email: input.email.trim().toLowerCase(),
        name: input.name.trim(),
        role: input.role,
        designated: input.designated ?? false,
      });
      try {
        return await manager.save(contact);
      } catch (error) {
        if (isDuplicateEntry(error)) throw conflict(`Customer ${input.customerId} already has a contact ${contact.email}`);
        throw error;
      }
    });
  }

  /** A customer admin designates only its own customer's contacts; another's answers as unknown. */
  async setDesignated(principal: Principal, contactId: string, designated: boolean): Promise<Contact> {
    const contact = await this.contacts.findOneBy({ id: contactId });
    if (!contact || !canSeeCustomer(principal, contact.customerId)) throw notFound('Contact', contactId);
    await this.contacts.update({ id: contactId }, { designated });
    return this.contacts.merge(contact, { designated });
  }

  /** The rule the incidents subgraph enforces: the contact belongs to this customer and is designated. */
  async isDesignated(customerId: string, contactId: string): Promise<boolean> {
    return this.contacts.existsBy({ id: contactId, customerId, designated: true });
  }

  /** Addresses are stored lower-cased (see add), so the match ignores case as mail does. */
  findByEmail(email: string): Promise<Contact[]> {
    return this.contacts.find({ where: { email: email.trim().toLowerCase() }, order: { customerId: 'ASC', id: 'ASC' } });
  }

  findById(id: string): Promise<Contact | null> {
    return this.contacts.findOneBy({ id });
  }

  findByIds(ids: string[]): Promise<Contact[]> {
    return ids.length === 0 ? Promise.resolve([]) : this.contacts.findBy({ id: In(ids) });
  }

  listForCustomer(customerId: string): Promise<Contact[]> {
    return this.contacts.find({ where: { customerId }, order: { name: 'ASC' } });
  }
}
