import { graphqlData } from '@polyplus/local-stack';
import type { Principal } from '@polyplus/auth';
import { createCoveredCustomer } from '@polyplus/testing';
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
  const { customerId, siteId, contactId, deviceId } = await createCoveredCustomer(staff, { name, serial });
  const { openIncident } = await graphqlData<{ openIncident: { id: string } }>(
    staff,
    'mutation ($input: OpenIncidentInput!) { openIncident(input: $input) { id } }',
    {
      input: { contactId, deviceId, severity: 2, channel: 'WEB', summary: `${name} camera fault` },
    },
  );
  const principal: Principal = { subject: `admin-${serial}`, role: 'CUSTOMER_ADMIN', customerIds: [customerId] };
  return {
    name,
    serial,
    customerId,
    siteId,
    contactId,
    deviceId,
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
