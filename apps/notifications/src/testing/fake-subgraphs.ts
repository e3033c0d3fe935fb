// Test doubles for the customers, incidents, devices and logistics subgraphs, answering the
// queries the notifications directories send (the devices registration itself is the real subgraph).
import { randomUUID } from 'node:crypto';
import type { SubgraphClient } from '@polyplus/subgraph-kit';
import type { DirectoryContact, DirectorySite } from '../directory/customer-directory';

export type FakeIncident = {
  id: string;
  customerId: string;
  contactId: string;
  siteId: string;
  deviceId: string;
  summary: string;
  severity: number;
  status: string;
  reportedAt: string;
  responseDueAt: string;
  respondedAt: string | null;
  workaround: string | null;
  fixExpectedInRelease: string | null;
  resolution: string | null;
  resolvedAt: string | null;
};

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

  contact(customer: FakeCustomer, fields: { name: string; email: string; role?: 'ADMIN' | 'TECHNICIAN'; designated?: boolean }): DirectoryContact {
    const contact: DirectoryContact = { id: randomUUID(), customerId: customer.id, email: fields.email, name: fields.name, role: fields.role ?? 'TECHNICIAN', designated: fields.designated ?? true };
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
    return { id: contact.id, email: contact.email, name: contact.name, role: contact.role, designated: contact.designated, customer: { id: contact.customerId } };
  }

  readonly customersClient: SubgraphClient = {
    request: async <T>(query: string, variables: Record<string, unknown> = {}): Promise<T> => {
      const all = [...this.customers.values()];
      if (query.includes('contactsByEmail')) {
        const email = String(variables.email).toLowerCase();
        return { contactsByEmail: all.flatMap((customer) => customer.contacts).filter((contact) => contact.email.toLowerCase() === email).map((contact) => this.contactReply(contact)) } as T;
      }
      if (query.includes('AllCustomers')) return { customers: all.map((customer) => ({ id: customer.id })) } as T;
      if (query.includes('contact(id')) {
        const contact = all.flatMap((customer) => customer.contacts).find((candidate) => candidate.id === variables.id);
        return { contact: contact ? this.contactReply(contact) : null } as T;
      }
      if (query.includes('site(id')) return { site: all.flatMap((customer) => customer.sites).find((site) => site.id === variables.id) ?? null } as T;
      const customer = this.customers.get(String(variables.id));
      return { customer: customer ? { id: customer.id, name: customer.name, contacts: customer.contacts.map(({ customerId: _c, ...contact }) => contact), sites: customer.sites } : null } as T;
    },
  };

  readonly securityNotices = new Map<string, string>();

  readonly incidentsClient: SubgraphClient = {
    request: async <T>(query: string, variables: Record<string, unknown> = {}): Promise<T> => {
      if (query.includes('securityNotice')) {
        const summary = this.securityNotices.get(String(variables.id));
        return { securityNotice: summary ? { summary } : null } as T;
      }
      const incident = this.incidents.get(String(variables.id));
      if (!incident) return { incident: null } as T;
      const { customerId, deviceId, ...fields } = incident;
      return { incident: { ...fields, customer: { id: customerId }, device: { id: deviceId } } } as T;
    },
  };

  readonly devicesClient: SubgraphClient = {
    request: async <T>(_query: string, variables: Record<string, unknown> = {}): Promise<T> => ({ device: this.devices.get(String(variables.id)) ?? null }) as T,
  };

  readonly logisticsClient: SubgraphClient = {
    request: async <T>(_query: string, variables: Record<string, unknown> = {}): Promise<T> => {
      const order = this.orders.get(String(variables.id));
      if (!order) return { replacementOrder: null } as T;
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
          shipment: order.carrier ? { carrier: order.carrier, trackingNumber: order.trackingNumber, shippedOn: '2026-03-03', deliveredAt: null } : null,
          defectiveReturn: order.returnStatus ? { id: randomUUID(), dueDate: order.returnDueDate, lateFrom: order.returnLateFrom, status: order.returnStatus } : null,
        },
      } as T;
    },
  };
}
