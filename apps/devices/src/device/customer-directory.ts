import { badUserInput, notFound, sendDocument, serviceDocument, type SubgraphClient } from '@polyplus/subgraph-kit';

export const SITE_OWNER = serviceDocument<{ site: { id: string; customer: { id: string } } | null }, { id: string }>(
  'customers',
  'query SiteOwner($id: ID!) { site(id: $id) { id customer { id } } }',
);

/** Asks the customers subgraph (it owns sites) whether a site exists and belongs to a customer. */
export class CustomerDirectory {
  constructor(private readonly customers: SubgraphClient) {}

  async assertSiteOfCustomer(siteId: string, customerId: string): Promise<void> {
    const { site } = await sendDocument(this.customers, SITE_OWNER, { id: siteId });
    if (!site) throw notFound('Site', siteId);
    if (site.customer.id !== customerId) throw badUserInput(`Site ${siteId} does not belong to customer ${customerId}`, 'siteId');
  }
}
