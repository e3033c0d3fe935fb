import { fetchById, notFound, type SubgraphClient } from '@polyplus/subgraph-kit';

export type SiteLocation = { siteId: string; countryCode: string; timeZone: string; subdivision: string | null };

/** Asks the customers subgraph about designated contacts and where a site is. */
export class CustomerDirectory {
  constructor(private readonly customers: SubgraphClient) {}

  async isDesignatedContact(customerId: string, contactId: string): Promise<boolean> {
    const data = await this.customers.request<{ isDesignatedContact: boolean }>(
      'query Designated($customerId: ID!, $contactId: ID!) { isDesignatedContact(customerId: $customerId, contactId: $contactId) }',
      { customerId, contactId },
    );
    return data.isDesignatedContact === true;
  }

  async siteLocation(siteId: string): Promise<SiteLocation> {
    // The subdivision brings regional holidays (e.g. ENG vs SCT, BY vs BE) into the calendar.
    const site = await fetchById<{ id: string; countryCode: string; timeZone: string; subdivision?: string | null }>(
      this.customers, 'site', siteId, 'id countryCode timeZone subdivision',
    );
    if (!site) throw notFound('Site', siteId);
    return { siteId: site.id, countryCode: site.countryCode, timeZone: site.timeZone, subdivision: site.subdivision ?? null };
  }
}
