import type { DataSource } from 'typeorm';
import { buildFederatedSchema, type SubgraphDefinition } from '@polyplus/subgraph-kit';
import { Customer } from './customer/customer.entity';
import { CustomerResolver } from './customer/customer.resolver';
import { CustomerService } from './customer/customer.service';
import { Site } from './site/site.entity';
import { SiteResolver } from './site/site.resolver';
import { SiteService } from './site/site.service';
import { CreateCustomersAndSites1795533852603 } from './migrations/1795533852603-create-customers-and-sites';

export const customersSubgraph: SubgraphDefinition = {
  name: 'customers',
  database: { entities: [Customer, Site], migrations: [CreateCustomersAndSites1795533852603] },
  build(dataSource: DataSource) {
    const customers = new CustomerService(dataSource);
    const sites = new SiteService(dataSource);
    return buildFederatedSchema({
      resolvers: [CustomerResolver, SiteResolver],
      instances: [new CustomerResolver(customers, sites), new SiteResolver(sites, customers)],
      references: {
        Customer: (reference) => customers.findById(reference.id),
        Site: (reference) => sites.findById(reference.id),
      },
    });
  },
};
