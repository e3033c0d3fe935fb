import type { DataSource } from 'typeorm';
import { isContactExport, ofCustomer, querySection, type ExportSection, type ExportSubject, type PersonalDataMap } from '@polyplus/privacy';
import { Customer } from '../customer/customer.entity';
import { Site } from '../site/site.entity';
import { Contact } from '../contact/contact.entity';
import { Contract } from '../contract/contract.entity';

/** Every table of the customers service: where a contact's personal data is, and why the others hold none. */
export const CUSTOMERS_PERSONAL_DATA: PersonalDataMap = [
  {
    table: 'contact',
    scope: ofCustomer,
    own: { where: (subject) => ({ sql: '`id` = ?', params: [subject.contactId] }), set: { name: 'name', email: 'email' } },
  },
  // Reasons staff typed for holds, exports and erasures may name the contact.
  { table: 'privacy_audit_entry', scope: ofCustomer, key: 'sequence', actors: ['actor'], text: ['reason'] },
  { table: 'customer_legal_hold', scope: ofCustomer, key: 'customerId', actors: ['setBy'], text: ['reason'] },
  { table: 'contact_erasure', scope: ofCustomer, key: 'contactId', text: ['reason'] },
  { table: 'contact_erasure_step', holdsNoPersonalData: 'which services finished an erasure' },
  { table: 'customer', holdsNoPersonalData: 'the customer organisation' },
  { table: 'site', holdsNoPersonalData: 'the customer’s premises' },
  { table: 'contract', holdsNoPersonalData: 'the customer’s contracts' },
  { table: 'contract_device', holdsNoPersonalData: 'devices a contract covers' },
  { table: 'service_discount', holdsNoPersonalData: 'discounts offered to every customer' },
  { table: 'support_channel', holdsNoPersonalData: 'the public support directory, maintained by vendor staff' },
];

/** A contract's covered devices, paged by `contractId|deviceId`. */
function contractDevicesSection(dataSource: DataSource, customerId: string): ExportSection {
  return {
    name: 'contractDevices',
    async read(after, limit) {
      const rows: { contractId: string; deviceId: string; k: string }[] = await dataSource.query(
        "SELECT cd.`contractId`, cd.`deviceId`, CONCAT(cd.`contractId`, '|', cd.`deviceId`) AS k FROM `contract_device` cd JOIN `contract` c ON c.`id` = cd.`contractId` WHERE c.`customerId` = ? AND CONCAT(cd.`contractId`, '|', cd.`deviceId`) > ? ORDER BY k LIMIT ?",
        [customerId, after ?? '', limit],
      );
      return rows.map(({ k, ...covered }) => ({ key: k, record: covered }));
    },
  };
}

/**
 * The customers service's sections of an export: for a contact, the contact and the customer they
 * belong to; for a customer, the customer, its sites, contacts and contracts with their devices.
 */
export function customersExportSections(dataSource: DataSource, subject: ExportSubject): ExportSection[] {
  const customer = querySection('customer', {
    key: 'id',
    query: () => dataSource.getRepository(Customer).createQueryBuilder('customer').where('customer.id = :id', { id: subject.customerId }),
  });
  const contacts = () =>
    dataSource
      .getRepository(Contact)
      .createQueryBuilder('contact')
      .where('contact.customerId = :customerId', { customerId: subject.customerId });
  if (isContactExport(subject)) {
    return [
      customer,
      querySection('contacts', {
        key: 'id',
        query: () => contacts().andWhere('contact.id = :contactId', { contactId: subject.contactId }),
      }),
    ];
  }
  return [
    customer,
    querySection('sites', {
      key: 'id',
      query: () =>
        dataSource
          .getRepository(Site)
          .createQueryBuilder('site')
          .where('site.customerId = :customerId', { customerId: subject.customerId }),
    }),
    querySection('contacts', { key: 'id', query: contacts }),
    querySection('contracts', {
      key: 'id',
      query: () =>
        dataSource
          .getRepository(Contract)
          .createQueryBuilder('contract')
          .where('contract.customerId = :customerId', { customerId: subject.customerId }),
    }),
    contractDevicesSection(dataSource, subject.customerId),
  ];
}
