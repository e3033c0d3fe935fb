import { notFound, sendDocument, serviceDocument, type SubgraphClient } from '@polyplus/subgraph-kit';

export type SiteLocation = { siteId: string; countryCode: string; timeZone: string; subdivision: string | null };

export const DESIGNATED_CONTACT = serviceDocument<{ isDesignatedContact: boolean }, { customerId: string; contactId: string }>(
  'customers',
  'query Designated($customerId: ID!, $contactId: ID!) { isDesignatedContact(customerId: $customerId, contactId: $contactId) }',
);

// The subdivision brings regional holidays (e.g. ENG vs SCT, BY vs BE) into the calendar.
export const SITE_CALENDAR = serviceDocument<
  { site: { id: string; countryCode: string; timeZone: string; subdivision?: string | null } | null },
  { id: string }
>('customers', 'query SiteCalendar($id: ID!) { site(id: $id) { id countryCode timeZone subdivision } }');

/** Asks the customers subgraph about designated contacts and where a site is. */
export class CustomerDirectory {
  constructor(private readonly customers: SubgraphClient) {}

  async isDesignatedContact(customerId: string, contactId: string): Promise<boolean> {
    const data = await sendDocument(this.customers, DESIGNATED_CONTACT, { customerId, contactId });
    return data.isDesignatedContact === true;
  }

  async siteLocation(siteId: string): Promise<SiteLocation> {
    const { site } = await sendDocument(this.customers, SITE_CALENDAR, { id: siteId });
    if (!site) throw notFound('Site', siteId);
    return { siteId: site.id, countryCode: site.countryCode, timeZone: site.timeZone, subdivision: site.subdivision ?? null };
  }
}
