import { randomUUID } from 'node:crypto';
import type { DataSource, Repository } from 'typeorm';
import { badUserInput, conflict, notFound } from '@polyplus/subgraph-kit';
import { isDuplicateEntry } from '@polyplus/persistence';
import { Customer } from '../customer/customer.entity';
import { Site } from './site.entity';
import type { CreateSiteInput } from './dto/create-site.input';

function isKnownTimeZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone });
    return true;
  } catch {
    return false;
  }
}

export class SiteService {
  private readonly sites: Repository<Site>;

  constructor(private readonly dataSource: DataSource) {
    this.sites = dataSource.getRepository(Site);
  }

  async create(input: CreateSiteInput): Promise<Site> {
    if (!isKnownTimeZone(input.timeZone)) throw badUserInput(`timeZone ${input.timeZone} is not an IANA time zone`, 'timeZone');
    return this.dataSource.transaction(async (manager) => {
      // Lock the customer row so a concurrent delete cannot orphan the new site.
      const customer = await manager.findOne(Customer, { where: { id: input.customerId }, lock: { mode: 'pessimistic_write' } });
      if (!customer) throw notFound('Customer', input.customerId);
      const site = manager.create(Site, { id: randomUUID(), ...input, name: input.name.trim() });
      try {
        return await manager.save(site);
      } catch (error) {
        if (isDuplicateEntry(error)) throw conflict(`Customer ${input.customerId} already has a site named ${input.name}`);
        throw error;
      }
    });
  }

  findById(id: string): Promise<Site | null> {
    return this.sites.findOneBy({ id });
  }

  listForCustomer(customerId: string): Promise<Site[]> {
    return this.sites.find({ where: { customerId }, order: { name: 'ASC' } });
  }
}
