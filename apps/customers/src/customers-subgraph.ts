import { attachmentGroup, readEntry } from '@polyplus/config';
import type { DataSource } from 'typeorm';
import { authConfig } from '@polyplus/auth';
import { createServiceClock } from '@polyplus/clock';
import type { PersonalDataPeer } from '@polyplus/privacy';
import { buildFederatedSchema, byIds, createSubgraphClient, subgraphUrl, type SubgraphDefinition } from '@polyplus/subgraph-kit';
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
import { ContractDevice } from './contract/contract-device.entity';
import { ContractResolver } from './contract/contract.resolver';
import { ContractService } from './contract/contract.service';
import { DeviceDirectory } from './contract/device-directory';
import { ServiceDiscount } from './discount/service-discount.entity';
import { DiscountResolver } from './discount/discount.resolver';
import { DiscountService } from './discount/discount.service';
import { SupportChannel } from './support-directory/support-channel.entity';
import { SupportDirectoryResolver } from './support-directory/support-directory.resolver';
import { SupportDirectoryService } from './support-directory/support-directory.service';
import { CreateCustomersAndSites1795533852603 } from './migrations/1795533852603-create-customers-and-sites';
import { ContactsContractsDiscounts1795537066505 } from './migrations/1795537066505-contacts-contracts-discounts';
import { SupportDirectoryPremiumFeatures1796168217263 } from './migrations/1796168217263-support-directory-premium-features';
import { LegalHolds1796171433312 } from './migrations/1796171433312-legal-holds';
import { ContactErasure1796173315554 } from './migrations/1796173315554-contact-erasure';
import { LegalHold } from './privacy/legal-hold.entity';
import { PrivacyAuditEntry } from './privacy/privacy-audit-entry.entity';
import { LegalHoldService } from './privacy/legal-hold.service';
import { PrivacyResolver } from './privacy/privacy.resolver';
import { ContactErasure } from './privacy/contact-erasure.entity';
import { ContactErasureStep } from './privacy/contact-erasure-step.entity';
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
  return {
    name: 'customers',
    database: {
      entities: [
        Customer,
        Site,
        Contact,
        Contract,
        ContractDevice,
        ServiceDiscount,
        SupportChannel,
        LegalHold,
        PrivacyAuditEntry,
        ContactErasure,
        ContactErasureStep,
      ],
      migrations: [
        CreateCustomersAndSites1795533852603,
        ContactsContractsDiscounts1795537066505,
        SupportDirectoryPremiumFeatures1796168217263,
        LegalHolds1796171433312,
        ContactErasure1796173315554,
      ],
    },
    async build(dataSource: DataSource) {
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
        start: () => clock.start(),
        close: () => clock.close(),
      };
    },
  };
}

export const customersSubgraph: SubgraphDefinition = createCustomersSubgraph();
