import { Customer } from './customer/customer.entity';
import { Site } from './site/site.entity';
import { Contact } from './contact/contact.entity';
import { Contract } from './contract/contract.entity';
import { ContractDevice } from './contract/contract-device.entity';
import { ServiceDiscount } from './discount/service-discount.entity';
import { SupportChannel } from './support-directory/support-channel.entity';
import { LegalHold } from './privacy/legal-hold.entity';
import { PrivacyAuditEntry } from './privacy/privacy-audit-entry.entity';
import { ContactErasure } from './privacy/contact-erasure.entity';
import { ContactErasureStep } from './privacy/contact-erasure-step.entity';
import { CreateCustomersAndSites1795533852603 } from './migrations/1795533852603-create-customers-and-sites';
import { ContactsContractsDiscounts1795537066505 } from './migrations/1795537066505-contacts-contracts-discounts';
import { SupportDirectoryPremiumFeatures1796168217263 } from './migrations/1796168217263-support-directory-premium-features';
import { LegalHolds1796171433312 } from './migrations/1796171433312-legal-holds';
import { ContactErasure1796173315554 } from './migrations/1796173315554-contact-erasure';

export const CUSTOMERS_ENTITIES = [
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
];

export const CUSTOMERS_MIGRATIONS = [
  CreateCustomersAndSites1795533852603,
  ContactsContractsDiscounts1795537066505,
  SupportDirectoryPremiumFeatures1796168217263,
  LegalHolds1796171433312,
  ContactErasure1796173315554,
];
