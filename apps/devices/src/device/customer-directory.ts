import { badUserInput, fetchById, notFound, type SubgraphClient } from '@polyplus/subgraph-kit';

/** Asks the customers subgraph (it owns sites) whether a site exists and belongs to a customer. */
export class CustomerDirectory {
  constructor(private readonly customers: SubgraphClient) {}

  async assertSiteOfCustomer(siteId: string, customerId: string): Promise<void> {
    const site = await fetchById<{ id: string; customer: { id: string } }>(this.customers, 'site', siteId, 'id customer { id }');
    if (!site) throw notFound('Site', siteId);
    if (site.customer.id !== customerId) throw badUserInput(`Site ${siteId} does not belong to customer ${customerId}`, 'siteId');
  }
}
