// Seeds the benchmark's customers through the gateway, as the demo support engineer: each customer gets
// a site, a designated technician, devices under one contract and an open case per device.
import { graphqlData } from '@polyplus/local-stack';

type Gateway = { url: string; token: string };

export type SeededCustomer = { customerId: string; incidentIds: string[] };

export async function seedCustomer(gateway: Gateway, name: string, cases: number): Promise<SeededCustomer> {
  const { createCustomer } = await graphqlData<{ createCustomer: { id: string } }>(
    gateway,
    'mutation ($name: String!) { createCustomer(input: { name: $name }) { id } }',
    { name },
  );
  const customerId = createCustomer.id;
  // Serial numbers and contract references are capital letters, digits and hyphens, unique per customer.
  const tag = customerId.slice(0, 8).toUpperCase();
  const input = (value: Record<string, unknown>) => ({ input: { customerId, ...value } });
  const { createSite } = await graphqlData<{ createSite: { id: string } }>(
    gateway,
    'mutation ($input: CreateSiteInput!) { createSite(input: $input) { id } }',
    input({ name: 'HQ', countryCode: 'GB', timeZone: 'Europe/London' }),
  );
  const { addContact } = await graphqlData<{ addContact: { id: string } }>(
    gateway,
    'mutation ($input: AddContactInput!) { addContact(input: $input) { id } }',
    input({ email: `tech@${customerId}.example`, name: 'Tech', role: 'TECHNICIAN', designated: true }),
  );
  const deviceIds: string[] = [];
  for (let i = 1; i <= cases; i++) {
    const serialNumber = `BENCH-${tag}-${String(i).padStart(3, '0')}`;
    const { registerDevice } = await graphqlData<{ registerDevice: { id: string } }>(
      gateway,
      'mutation ($input: RegisterDeviceInput!) { registerDevice(input: $input) { id } }',
      input({ siteId: createSite.id, serialNumber, productModel: 'Studio X50' }),
    );
    deviceIds.push(registerDevice.id);
  }
  await graphqlData(
    gateway,
    'mutation ($input: CreateContractInput!) { createContract(input: $input) { id } }',
    input({ reference: `PP-${tag}`, startsOn: '2025-01-01', endsOn: '2099-12-31', deviceIds }),
  );
  const incidentIds: string[] = [];
  for (const deviceId of deviceIds) {
    const { openIncident } = await graphqlData<{ openIncident: { id: string } }>(
      gateway,
      'mutation ($input: OpenIncidentInput!) { openIncident(input: $input) { id } }',
      {
        input: { contactId: addContact.id, deviceId, severity: 2, channel: 'WEB', summary: 'Camera does not start' },
      },
    );
    incidentIds.push(openIncident.id);
  }
  return { customerId, incidentIds };
}
