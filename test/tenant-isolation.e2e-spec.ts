import { graphqlData, graphqlRequest } from '@polyplus/local-stack';
import { authConfig, signPrincipal, type Principal } from '@polyplus/auth';
import { startE2eStack, type E2eStack, type GatewayAs } from './support/e2e-stack';

type Tenant = { customerId: string; deviceId: string; incidentId: string; admin: GatewayAs; principal: Principal };

let stack: E2eStack;
const tenants: Record<'a' | 'b', Tenant> = {} as never;

async function createTenant(name: string, serial: string): Promise<Tenant> {
  const staff = stack.gateway;
  const { createCustomer } = await graphqlData<{ createCustomer: { id: string } }>(staff, 'mutation ($name: String!) { createCustomer(input: { name: $name }) { id } }', { name });
  const customerId = createCustomer.id;
  const input = (value: Record<string, unknown>) => ({ input: { customerId, ...value } });
  const { createSite } = await graphqlData<{ createSite: { id: string } }>(staff, 'mutation ($input: CreateSiteInput!) { createSite(input: $input) { id } }', input({ name: 'HQ', countryCode: 'GB', timeZone: 'Europe/London' }));
  const { addContact } = await graphqlData<{ addContact: { id: string } }>(staff, 'mutation ($input: AddContactInput!) { addContact(input: $input) { id } }', input({ email: `tech@${serial.toLowerCase()}.example`, name: 'Tech', role: 'TECHNICIAN', designated: true }));
  const { registerDevice } = await graphqlData<{ registerDevice: { id: string } }>(staff, 'mutation ($input: RegisterDeviceInput!) { registerDevice(input: $input) { id } }', input({ siteId: createSite.id, serialNumber: serial, productModel: 'Studio X50' }));
  await graphqlData(staff, 'mutation ($input: CreateContractInput!) { createContract(input: $input) { id } }', input({ reference: `PP-${serial}`, startsOn: '2025-01-01', endsOn: '2099-12-31', deviceIds: [registerDevice.id] }));
  const { openIncident } = await graphqlData<{ openIncident: { id: string } }>(staff, 'mutation ($input: OpenIncidentInput!) { openIncident(input: $input) { id } }', {
    input: { contactId: addContact.id, deviceId: registerDevice.id, severity: 2, channel: 'WEB', summary: `${name} camera fault` },
  });
  const principal: Principal = { subject: `admin-${serial}`, role: 'CUSTOMER_ADMIN', customerIds: [customerId] };
  return { customerId, deviceId: registerDevice.id, incidentId: openIncident.id, admin: await stack.as(principal), principal };
}

beforeAll(async () => {
  stack = await startE2eStack('e2e_tenants');
  tenants.a = await createTenant('Tenant A', 'TENANT-A-01');
  tenants.b = await createTenant('Tenant B', 'TENANT-B-01');
}, 120_000);

afterAll(() => stack?.teardown(), 60_000);

describe('a customer sees only its own data', () => {
  it('tenant A reads its own incident with device and customer', async () => {
    const { incident } = await graphqlData<{ incident: unknown }>(tenants.a.admin, 'query ($id: ID!) { incident(id: $id) { id device { serialNumber } customer { name } } }', { id: tenants.a.incidentId });
    expect(incident).toEqual({ id: tenants.a.incidentId, device: { serialNumber: 'TENANT-A-01' }, customer: { name: 'Tenant A' } });
  });

  it('tenant A gets nothing of B’s incident by id', async () => {
    const result = await graphqlRequest<{ incident: unknown }>(tenants.a.admin, 'query ($id: ID!) { incident(id: $id) { id summary } }', { id: tenants.b.incidentId });
    expect(result.data?.incident).toBeNull();
  });

  it('tenant A gets nothing of B’s incidents by list', async () => {
    const { incidents } = await graphqlData<{ incidents: unknown[] }>(tenants.a.admin, 'query ($id: ID!) { incidents(customerId: $id) { id } }', { id: tenants.b.customerId });
    expect(incidents).toEqual([]);
    const { customers } = await graphqlData<{ customers: { id: string }[] }>(tenants.a.admin, '{ customers { id } }');
    expect(customers).toEqual([{ id: tenants.a.customerId }]);
  });

  it('tenant A gets nothing of B through Device.incidents or B’s device', async () => {
    const result = await graphqlRequest<{ device: unknown }>(tenants.a.admin, 'query ($id: ID!) { device(id: $id) { serialNumber incidents { id } } }', { id: tenants.b.deviceId });
    expect(result.data?.device ?? null).toBeNull();
  });

  it('an _entities look-up signed for tenant A and sent straight to a subgraph returns nothing of B', async () => {
    const [secret] = authConfig(stack.env).principalSecrets;
    const response = await fetch(stack.env.INCIDENTS_URL as string, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...signPrincipal(tenants.a.principal, secret) },
      body: JSON.stringify({
        query: 'query ($r: [_Any!]!) { _entities(representations: $r) { ... on Incident { id summary } } }',
        variables: { r: [{ __typename: 'Incident', id: tenants.b.incidentId }, { __typename: 'Incident', id: tenants.a.incidentId }] },
      }),
    });
    const body = (await response.json()) as { data: { _entities: ({ id: string } | null)[] } };
    expect(body.data._entities.map((entity) => entity?.id ?? null)).toEqual([null, tenants.a.incidentId]);
  });

  it('vendor staff see every customer', async () => {
    const { customers } = await graphqlData<{ customers: { id: string }[] }>(stack.gateway, '{ customers { id } }');
    expect(customers.map((c) => c.id).sort()).toEqual([tenants.a.customerId, tenants.b.customerId].sort());
  });
});
