import type { DataSource, ObjectLiteral } from 'typeorm';
import {
  exportedCases,
  MappedPersonalData,
  ofCustomer,
  OUTBOX_EVENT_PERSONAL_DATA,
  personalDataResolver,
  querySection,
  type ExportSection,
  type ExportSubject,
  type PersonalDataMap,
} from '@polyplus/privacy';
import { ReplacementOrder } from '../replacement-order/replacement-order.entity';
import { Shipment } from '../shipment/shipment.entity';
import { ShipmentEvent } from '../shipment/shipment-event.entity';
import { DefectiveReturn } from '../returns/defective-return.entity';
import { Invoice } from '../returns/invoice.entity';

/** Every table of the logistics service: where a contact's name or address may be, and why the others hold none. */
export const LOGISTICS_PERSONAL_DATA: PersonalDataMap = [
  // Staff notes on the customer's orders and shipments may name the contact.
  { table: 'replacement_order', scope: ofCustomer, key: 'id', text: ['backorderReason'] },
  {
    table: 'shipment_event',
    scope: (subject) => ({
      sql: '`shipmentId` IN (SELECT s.`id` FROM `shipment` s JOIN `replacement_order` o ON o.`id` = s.`orderId` WHERE o.`customerId` = ?)',
      params: [subject.customerId],
    }),
    key: 'id',
    text: ['note'],
  },
  OUTBOX_EVENT_PERSONAL_DATA,
  { table: 'shipment', holdsNoPersonalData: 'carrier, tracking and part serial numbers of the customer’s orders' },
  { table: 'defective_return', holdsNoPersonalData: 'return due dates and receipts' },
  { table: 'invoice', holdsNoPersonalData: 'amounts invoiced for late returns' },
  { table: 'part', holdsNoPersonalData: 'the parts catalogue' },
  { table: 'price_book', holdsNoPersonalData: 'price books' },
  { table: 'price_book_entry', holdsNoPersonalData: 'list prices' },
  { table: 'depot', holdsNoPersonalData: 'regional parts depots' },
  { table: 'depot_coverage', holdsNoPersonalData: 'which depot serves which country' },
  { table: 'depot_stock', holdsNoPersonalData: 'stock per depot' },
  { table: 'shipping_terms', holdsNoPersonalData: 'published shipping terms per country' },
];

/**
 * The logistics service's sections of an export: the replacement orders of the customer's cases
 * (for a contact, of the cases they reported), with their shipments, tracking, returns and invoices.
 */
export function logisticsExportSections(dataSource: DataSource, subject: ExportSubject): ExportSection[] {
  const cases = exportedCases(subject);
  // A contact with no cases has no orders.
  if (!cases) return [];
  const { contact, incidentIds } = cases;
  const params = { customerId: subject.customerId, incidentIds };
  const orders = `SELECT scoped_order.\`id\` FROM \`replacement_order\` scoped_order WHERE scoped_order.\`customerId\` = :customerId${contact ? ' AND scoped_order.`incidentId` IN (:...incidentIds)' : ''}`;
  const builder = <T extends ObjectLiteral>(entity: new () => T, alias: string) =>
    dataSource.getRepository(entity).createQueryBuilder(alias).setParameters(params);
  return [
    querySection('replacementOrders', {
      key: 'id',
      query: () => builder(ReplacementOrder, 'replacementOrder').where(`replacementOrder.id IN (${orders})`),
    }),
    querySection('shipments', { key: 'id', query: () => builder(Shipment, 'shipment').where(`shipment.orderId IN (${orders})`) }),
    querySection('shipmentEvents', {
      key: 'id',
      query: () =>
        builder(ShipmentEvent, 'shipmentEvent').where(
          `shipmentEvent.shipmentId IN (SELECT scoped_shipment.\`id\` FROM \`shipment\` scoped_shipment WHERE scoped_shipment.\`orderId\` IN (${orders}))`,
        ),
    }),
    querySection('defectiveReturns', {
      key: 'id',
      query: () => builder(DefectiveReturn, 'defectiveReturn').where(`defectiveReturn.orderId IN (${orders})`),
    }),
    querySection('invoices', {
      key: 'id',
      query: () =>
        builder(Invoice, 'invoice').where(
          `invoice.returnId IN (SELECT scoped_return.\`id\` FROM \`defective_return\` scoped_return WHERE scoped_return.\`orderId\` IN (${orders}))`,
        ),
    }),
  ];
}

/** The logistics service's part of personal-data exports and erasures. */
export class LogisticsPersonalData extends MappedPersonalData {
  constructor(dataSource: DataSource) {
    super(dataSource, LOGISTICS_PERSONAL_DATA, logisticsExportSections);
  }
}

export const LogisticsPersonalDataResolver = personalDataResolver('logistics');
