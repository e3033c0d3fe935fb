import { graphqlData } from '@polyplus/local-stack';
import type { Principal } from '@polyplus/auth';
import type { E2eStack, GatewayAs } from './e2e-stack';

/** A customer with one site, one designated technician, one covered device and one open case. */
export type Tenant = {
  name: string;
  serial: string;
  customerId: string;
  siteId: string;
  contactId: string;
  deviceId: string;
  incidentId: string;
  principal: Principal;
  /** The gateway as the customer's admin. */
  admin: GatewayAs;
};

/** Creates a tenant through the gateway as vendor staff (the demo support engineer). */
export async function createTenant(stack: E2eStack, name: string, serial: string): Promise<Tenant> {
  const staff = stack.gateway;
  const { createCustomer } = await graphqlData<{ createCustomer: { id: string } }>(
    staff,
    'mutation ($name: String!) { createCustomer(input: { name: $name }) { id } }',
    { name },
  );
  const customerId = createCustomer.id;
  const input = (value: Record<string, unknown>) => ({ input: { customerId, ...value } });
  const { createSite } = await graphqlData<{ createSite: { id: string } }>(
    staff,
    'mutation ($input: CreateSiteInput!) { createSite(input: $input) { id } }',
    input({ name: 'HQ', countryCode: 'GB', timeZone: 'Europe/London' }),
  );
  const { addContact } = await graphqlData<{ addContact: { id: string } }>(
    staff,
    'mutation ($input: AddContactInput!) { addContact(input: $input) { id } }',
    input({ email: `tech@${serial.toLowerCase()}.example`, name: 'Tech', role: 'TECHNICIAN', designated: true }),
  );
  const { registerDevice } = await graphqlData<{ registerDevice: { id: string } }>(
    staff,
    'mutation ($input: RegisterDeviceInput!) { registerDevice(input: $input) { id } }',
    input({ siteId: createSite.id, serialNumber: serial, productModel: 'Studio X50' }),
  );
  await graphqlData(
    staff,
    'mutation ($input: CreateContractInput!) { createContract(input: $input) { id } }',
    input({ reference: `PP-${serial}`, startsOn: '2025-01-01', endsOn: '2099-12-31', deviceIds: [registerDevice.id] }),
  );
  const { openIncident } = await graphqlData<{ openIncident: { id: string } }>(
    staff,
    'mutation ($input: OpenIncidentInput!) { openIncident(input: $input) { id } }',
    {
      input: { contactId: addContact.id, deviceId: registerDevice.id, severity: 2, channel: 'WEB', summary: `${name} camera fault` },
    },
  );
  const principal: Principal = { subject: `admin-${serial}`, role: 'CUSTOMER_ADMIN', customerIds: [customerId] };
  return {
    name,
    serial,
    customerId,
    siteId: createSite.id,
    contactId: addContact.id,
    deviceId: registerDevice.id,
    incidentId: openIncident.id,
    admin: await stack.as(principal),
    principal,
  };
}

/** The customer-side principals of a tenant: its admin, its designated technician, and a partner it authorised. */
export function customerSidePrincipals(tenant: Tenant): Principal[] {
  return [
    tenant.principal,
    { subject: `tech-${tenant.serial}`, role: 'CUSTOMER_TECHNICIAN', customerIds: [tenant.customerId], contactId: tenant.contactId },
    { subject: `partner-${tenant.serial}`, role: 'PARTNER', customerIds: [tenant.customerId] },
  ];
}
