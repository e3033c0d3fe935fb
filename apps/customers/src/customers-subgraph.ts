import { attachmentGroup, readEntry } from '@polyplus/config';
import { authConfig } from '@polyplus/auth';
import { createServiceClock } from '@polyplus/clock';
import type { PersonalDataPeer } from '@polyplus/privacy';
import {
  buildFederatedSchema,
  byIds,
  clockPart,
  createSubgraphClient,
  defineSubgraph,
  subgraphUrl,
  type SubgraphDefinition,
} from '@polyplus/subgraph-kit';
import { CUSTOMERS_ENTITIES, CUSTOMERS_MIGRATIONS } from './customers-database';
import { Customer } from './customer/customer.entity';
import { CustomerResolver } from './customer/customer.resolver';
import { CustomerService } from './customer/customer.service';
import { Site } from './site/site.entity';
import { SiteResolver } from './site/site.resolver';
import { SiteService } from './site/site.service';
import { Contact } from './contact/contact.entity';
import { ContactResolver } from './contact/contact.resolver';
import { ContactService } from './contact/contact.service';
import { Contract } from './contract/contract.entity';
import { ContractResolver } from './contract/contract.resolver';
import { ContractService } from './contract/contract.service';
import { DeviceDirectory } from './contract/device-directory';
import { DiscountResolver } from './discount/discount.resolver';
import { DiscountService } from './discount/discount.service';
import { SupportDirectoryResolver } from './support-directory/support-directory.resolver';
import { SupportDirectoryService } from './support-directory/support-directory.service';
import { LegalHoldService } from './privacy/legal-hold.service';
import { PrivacyResolver } from './privacy/privacy.resolver';
import { ContactErasureService } from './privacy/contact-erasure.service';
import { ExportLinks } from './privacy/export-link';
import { PersonalDataExports } from './privacy/personal-data-exports';
import { personalDataPeers } from './privacy/personal-data-peers';
import { PersonalDataRequestsResolver } from './privacy/personal-data-requests.resolver';
import { personalDataRoutes } from './privacy/personal-data-routes';

/** `now`: default the service clock (system time in production, the stack's test clock elsewhere). */
/** `personalData`: the other services' parts of exports and erasures (default: over HTTP, as a service). */
export type CustomersCollaborators = { devices?: DeviceDirectory; now?: () => Date; personalData?: readonly PersonalDataPeer[] };

/** The customers subgraph; tests pass their own collaborators in place of the devices service. */
export function createCustomersSubgraph(collaborators: CustomersCollaborators = {}): SubgraphDefinition {
  return defineSubgraph({
    name: 'customers',
    database: { entities: CUSTOMERS_ENTITIES, migrations: CUSTOMERS_MIGRATIONS },
    async build(dataSource) {
      const clock = createServiceClock();
      const now = collaborators.now ?? clock.now;
      const devices = collaborators.devices ?? new DeviceDirectory(createSubgraphClient('devices', subgraphUrl('devices')));
      const customers = new CustomerService(dataSource);
      const sites = new SiteService(dataSource);
      const contacts = new ContactService(dataSource);
      const contracts = new ContractService(dataSource, devices);
      const discounts = new DiscountService(dataSource, contracts);
      const supportDirectory = new SupportDirectoryService(dataSource, now);
      const peers = collaborators.personalData ?? personalDataPeers();
      const principalSecrets = authConfig().principalSecrets;
      const exports = new PersonalDataExports(dataSource, peers, new ExportLinks(principalSecrets, now), {
        now,
        publicBaseUrl: readEntry('FILES_PUBLIC_URL', attachmentGroup.FILES_PUBLIC_URL, process.env) ?? '',
      });
      const schema = await buildFederatedSchema({
        ownership: {
          Customer: (customer: Customer) => customer.id,
          Site: (site: Site) => site.customerId,
          Contact: (contact: Contact) => contact.customerId,
          Contract: (contract: Contract) => contract.customerId,
        },
        resolvers: [
          CustomerResolver,
          SiteResolver,
          ContactResolver,
          ContractResolver,
          DiscountResolver,
          SupportDirectoryResolver,
          PrivacyResolver,
          PersonalDataRequestsResolver,
        ],
        instances: [
          new CustomerResolver(customers, sites, contacts, contracts),
          new SiteResolver(sites, customers),
          new ContactResolver(contacts, customers),
          new ContractResolver(contracts, customers),
          new DiscountResolver(discounts),
          new SupportDirectoryResolver(supportDirectory),
          new PrivacyResolver(new LegalHoldService(dataSource, now)),
          new PersonalDataRequestsResolver(exports, new ContactErasureService(dataSource, peers, now)),
        ],
        references: {
          Customer: byIds((ids) => customers.findByIds(ids)),
          Site: byIds((ids) => sites.findByIds(ids)),
          Contact: byIds((ids) => contacts.findByIds(ids)),
          Contract: byIds((ids) => contracts.findByIds(ids)),
        },
      });
      return {
        ...schema,
        routes: personalDataRoutes(exports, { principalSecrets }),
        background: [clockPart(clock)],
      };
    },
  });
}

export const customersSubgraph: SubgraphDefinition = createCustomersSubgraph();
