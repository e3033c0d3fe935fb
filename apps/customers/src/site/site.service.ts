import { randomUUID } from 'node:crypto';
import { In, type DataSource, type Repository } from 'typeorm';
import { badUserInput, conflict, notFound } from '@polyplus/subgraph-kit';
import { isDuplicateEntry } from '@polyplus/persistence';
import { Customer } from '../customer/customer.entity';
import { Site } from './site.entity';
import type { CreateSiteInput } from './dto/create-site.input';
import { assertTimeZoneOfCountry } from './site-time-zone';

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
    // Business hours, holidays and dispatch all read the site's zone: it must be one of its country's.
    assertTimeZoneOfCountry(input.timeZone, input.countryCode);
    // Dispatch needs a point, not half of one.
    if ((input.latitude == null) !== (input.longitude == null)) {
      throw badUserInput('latitude and longitude must be given together', input.latitude == null ? 'latitude' : 'longitude');
    }
    return this.dataSource.transaction(async (manager) => {
      // Lock the customer row so a concurrent delete cannot orphan the new site.
      const customer = await manager.findOne(Customer, { where: { id: input.customerId }, lock: { mode: 'pessimistic_write' } });
      if (!customer) throw notFound('Customer', input.customerId);
      const site = manager.create(Site, {
        id: randomUUID(),
        customerId: input.customerId,
        name: input.name.trim(),
        addressLine: input.addressLine?.trim() ?? null,
        city: input.city?.trim() ?? null,
        postalCode: input.postalCode?.trim() || null,
        countryCode: input.countryCode,
        subdivision: input.subdivision ?? null,
        timeZone: input.timeZone,
        latitude: input.latitude ?? null,
        longitude: input.longitude ?? null,
      });
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

  findByIds(ids: string[]): Promise<Site[]> {
    return ids.length === 0 ? Promise.resolve([]) : this.sites.findBy({ id: In(ids) });
  }

  listForCustomer(customerId: string): Promise<Site[]> {
    return this.sites.find({ where: { customerId }, order: { name: 'ASC' } });
  }
}
