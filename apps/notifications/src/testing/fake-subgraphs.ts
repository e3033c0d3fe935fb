// Test doubles for the customers, incidents, devices and logistics subgraphs, answering the
// documents the notifications directories send (the devices registration itself is the real subgraph).
import { randomUUID } from 'node:crypto';
import type { SubgraphClient } from '@polyplus/subgraph-kit';
import { answer, fakeSubgraphClient } from '@polyplus/testing';
import {
  ALL_CUSTOMERS,
  CONTACT,
  CONTACT_ENTITIES,
  CONTACTS_BY_EMAIL,
  CUSTOMER_AUDIENCE,
  SITE,
  type DirectoryContact,
  type DirectorySite,
} from '../directory/customer-directory';
import { CASE_FACTS, DEVICE_MODEL, SECURITY_NOTICE_SUMMARY, type CaseFacts } from '../directory/case-directory';
import { ORDER_FACTS } from '../directory/order-directory';

// A case as the incidents subgraph holds it: what a case mail reads, on the device it names.
export type FakeIncident = Omit<CaseFacts, 'deviceSerialNumber' | 'productModel'> & { deviceId: string };

export type FakeOrder = {
  id: string;
  incidentId: string;
  partNumber: string;
  partName: string;
  carrier: string | null;
  trackingNumber: string | null;
  expectedDeliveryAt: string | null;
  returnDueDate: string | null;
  returnLateFrom: string | null;
  returnStatus: string | null;
};

type FakeCustomer = { id: string; name: string; contacts: DirectoryContact[]; sites: DirectorySite[] };

export class FakeSubgraphs {
  readonly customers = new Map<string, FakeCustomer>();
  readonly incidents = new Map<string, FakeIncident>();
  readonly orders = new Map<string, FakeOrder>();
  readonly devices = new Map<string, { serialNumber: string; productModel: string }>();

  customer(name: string, sites: { name: string; timeZone: string; countryCode?: string }[]): FakeCustomer {
    const customer: FakeCustomer = {
      id: randomUUID(),
      name,
      contacts: [],
      sites: sites.map((site) => ({ id: randomUUID(), name: site.name, timeZone: site.timeZone, countryCode: site.countryCode ?? 'GB' })),
    };
    this.customers.set(customer.id, customer);
    return customer;
  }

  contact(
    customer: FakeCustomer,
    fields: { name: string; email: string; role?: 'ADMIN' | 'TECHNICIAN'; designated?: boolean },
  ): DirectoryContact {
    const contact: DirectoryContact = {
      id: randomUUID(),
      customerId: customer.id,
      email: fields.email,
      name: fields.name,
      role: fields.role ?? 'TECHNICIAN',
      designated: fields.designated ?? true,
    };
    customer.contacts.push(contact);
    return contact;
  }

  incident(customer: FakeCustomer, contact: DirectoryContact, site: DirectorySite, fields: Partial<FakeIncident> = {}): FakeIncident {
    const deviceId = randomUUID();
    this.devices.set(deviceId, { serialNumber: 'X50-0000123', productModel: 'Studio X50' });
    const incident: FakeIncident = {
      id: randomUUID(),
      customerId: customer.id,
      contactId: contact.id,
      siteId: site.id,
      deviceId,
      summary: 'Video freezes in calls',
      severity: 2,
      status: 'NEW',
      reportedAt: '2026-03-03T09:00:00.000Z',
      responseDueAt: '2026-03-03T10:00:00.000Z',
      respondedAt: null,
      workaround: null,
      fixExpectedInRelease: null,
      resolution: null,
      resolvedAt: null,
      ...fields,
    };
    this.incidents.set(incident.id, incident);
    return incident;
  }

  order(incident: FakeIncident, fields: Partial<FakeOrder> = {}): FakeOrder {
    const order: FakeOrder = {
      id: randomUUID(),
      incidentId: incident.id,
      partNumber: '2215-86840-001',
      partName: 'Studio X50 camera module',
      carrier: 'DHL',
      trackingNumber: '1234567890',
      expectedDeliveryAt: '2026-03-04T10:30:00.000Z',
      returnDueDate: null,
      returnLateFrom: null,
      returnStatus: null,
      ...fields,
    };
    this.orders.set(order.id, order);
    return order;
  }

  private contactReply(contact: DirectoryContact) {
    return {
      id: contact.id,
      email: contact.email,
      name: contact.name,
      role: contact.role,
      designated: contact.designated,
      customer: { id: contact.customerId },
    };
  }

  private contactReplyFor(id: string) {
    const contact = [...this.customers.values()].flatMap((customer) => customer.contacts).find((candidate) => candidate.id === id);
    return contact ? this.contactReply(contact) : null;
  }

  readonly customersClient: SubgraphClient = fakeSubgraphClient(
    answer(CONTACTS_BY_EMAIL, ({ email }) => ({
      contactsByEmail: [...this.customers.values()]
        .flatMap((customer) => customer.contacts)
        .filter((contact) => contact.email.toLowerCase() === email.toLowerCase())
        .map((contact) => this.contactReply(contact)),
    })),
    answer(ALL_CUSTOMERS, () => ({ customers: [...this.customers.values()].map((customer) => ({ id: customer.id })) })),
    answer(CONTACT_ENTITIES, ({ representations }) => ({ _entities: representations.map(({ id }) => this.contactReplyFor(id)) })),
    answer(CONTACT, ({ id }) => ({ contact: this.contactReplyFor(id) })),
    answer(SITE, ({ id }) => ({
      site: [...this.customers.values()].flatMap((customer) => customer.sites).find((site) => site.id === id) ?? null,
    })),
    answer(CUSTOMER_AUDIENCE, ({ id }) => {
      const customer = this.customers.get(id);
      return {
        customer: customer
          ? {
              id: customer.id,
              name: customer.name,
              contacts: customer.contacts.map(({ customerId: _c, ...contact }) => contact),
              sites: customer.sites,
            }
          : null,
      };
    }),
  );

  readonly securityNotices = new Map<string, string>();

  readonly incidentsClient: SubgraphClient = fakeSubgraphClient(
    answer(SECURITY_NOTICE_SUMMARY, ({ id }) => {
      const summary = this.securityNotices.get(id);
      return { securityNotice: summary ? { summary } : null };
    }),
    answer(CASE_FACTS, ({ id }) => {
      const incident = this.incidents.get(id);
      if (!incident) return { incident: null };
      const { customerId, deviceId, ...fields } = incident;
      return { incident: { ...fields, customer: { id: customerId }, device: { id: deviceId } } };
    }),
  );

  readonly devicesClient: SubgraphClient = fakeSubgraphClient(answer(DEVICE_MODEL, ({ id }) => ({ device: this.devices.get(id) ?? null })));

  readonly logisticsClient: SubgraphClient = fakeSubgraphClient(
    answer(ORDER_FACTS, ({ id }) => {
      const order = this.orders.get(id);
      if (!order) return { replacementOrder: null };
      return {
        replacementOrder: {
          id: order.id,
          partNumber: order.partNumber,
          quantity: 1,
          status: 'SHIPPED',
          expectedDelivery: null,
          expectedDeliveryAt: order.expectedDeliveryAt,
          incident: { id: order.incidentId },
          part: { name: order.partName },
          shipment:
            order.carrier && order.trackingNumber
              ? { carrier: order.carrier, trackingNumber: order.trackingNumber, shippedOn: '2026-03-03', deliveredAt: null }
              : null,
          defectiveReturn:
            order.returnStatus && order.returnDueDate && order.returnLateFrom
              ? { id: randomUUID(), dueDate: order.returnDueDate, lateFrom: order.returnLateFrom, status: order.returnStatus }
              : null,
        },
      };
    }),
  );
}
