import { graphqlData, graphqlRequest } from '@polyplus/local-stack';
import { authConfig, signPrincipal } from '@polyplus/auth';
import { startE2eStack, type E2eStack } from './support/e2e-stack';
import { createTenant, type Tenant } from './support/tenants';

let stack: E2eStack;
const tenants: Record<'a' | 'b', Tenant> = {} as never;

beforeAll(async () => {
  stack = await startE2eStack('e2e_tenants');
  tenants.a = await createTenant(stack, 'Tenant A', 'TENANT-A-01');
  tenants.b = await createTenant(stack, 'Tenant B', 'TENANT-B-01');
}, 120_000);

afterAll(() => stack?.teardown(), 60_000);

describe('a customer sees only its own data', () => {
  it('tenant A reads its own incident with device and customer', async () => {
    const { incident } = await graphqlData<{ incident: unknown }>(
      tenants.a.admin,
      'query ($id: ID!) { incident(id: $id) { id device { serialNumber } customer { name } } }',
      { id: tenants.a.incidentId },
    );
    expect(incident).toEqual({ id: tenants.a.incidentId, device: { serialNumber: 'TENANT-A-01' }, customer: { name: 'Tenant A' } });
  });

  it('tenant A gets nothing of B’s incident by id', async () => {
    const result = await graphqlRequest<{ incident: unknown }>(tenants.a.admin, 'query ($id: ID!) { incident(id: $id) { id summary } }', {
      id: tenants.b.incidentId,
    });
    expect(result.data?.incident).toBeNull();
  });

  it('tenant A gets nothing of B’s incidents by list: naming B’s customer id is FORBIDDEN', async () => {
    const result = await graphqlRequest<{ incidents: unknown[] }>(
      tenants.a.admin,
      'query ($id: ID!) { incidents(customerId: $id) { id } }',
      { id: tenants.b.customerId },
    );
    expect(result.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect(result.data?.incidents ?? null).toBeNull();
    const { customers } = await graphqlData<{ customers: { id: string }[] }>(tenants.a.admin, '{ customers { id } }');
    expect(customers).toEqual([{ id: tenants.a.customerId }]);
  });

  it('tenant A gets nothing of B through Device.incidents or B’s device', async () => {
    const result = await graphqlRequest<{ device: unknown }>(
      tenants.a.admin,
      'query ($id: ID!) { device(id: $id) { serialNumber incidents { id } } }',
      { id: tenants.b.deviceId },
    );
    expect(result.data?.device ?? null).toBeNull();
  });

  it('an _entities look-up signed for tenant A and sent straight to a subgraph returns nothing of B', async () => {
    const [secret] = authConfig(stack.env).principalSecrets;
    const response = await fetch(stack.env.INCIDENTS_URL as string, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...signPrincipal(tenants.a.principal, secret) },
      body: JSON.stringify({
        query: 'query ($r: [_Any!]!) { _entities(representations: $r) { ... on Incident { id summary } } }',
        variables: {
          r: [
            { __typename: 'Incident', id: tenants.b.incidentId },
            { __typename: 'Incident', id: tenants.a.incidentId },
          ],
        },
      }),
    });
    const body = (await response.json()) as { data: { _entities: ({ id: string } | null)[] } };
    expect(body.data._entities.map((entity) => entity?.id ?? null)).toEqual([null, tenants.a.incidentId]);
  });

  it('a customer principal may not run vendor-staff mutations', async () => {
    const result = await graphqlRequest(tenants.a.admin, 'mutation { createCustomer(input: { name: "Sneaky" }) { id } }');
    expect(result.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });

  it('a customer admin may register devices only for its own customer', async () => {
    const register = (customerId: string, serialNumber: string) =>
      graphqlRequest(tenants.a.admin, 'mutation ($input: RegisterDeviceInput!) { registerDevice(input: $input) { id } }', {
        input: { customerId, siteId: '6d1f5c2a-0000-4000-8000-000000000000', serialNumber, productModel: 'Studio X50' },
      });
    expect((await register(tenants.b.customerId, 'TENANT-A-99')).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect((await register(tenants.a.customerId, 'TENANT-A-98')).errors?.[0].extensions?.code).not.toBe('FORBIDDEN');
  });

  it('a technician opens cases only as themself', async () => {
    const technician = await stack.as({
      subject: 'tech-a',
      role: 'CUSTOMER_TECHNICIAN',
      customerIds: [tenants.a.customerId],
      contactId: 'someone-else',
    });
    const result = await graphqlRequest(technician, 'mutation ($input: OpenIncidentInput!) { openIncident(input: $input) { id } }', {
      input: { contactId: tenants.a.contactId, deviceId: tenants.a.deviceId, severity: 3, channel: 'WEB', summary: 'impersonation' },
    });
    expect(result.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const self = await stack.as({
      subject: 'tech-a',
      role: 'CUSTOMER_TECHNICIAN',
      customerIds: [tenants.a.customerId],
      contactId: tenants.a.contactId,
    });
    const own = await graphqlData<{ openIncident: { id: string } }>(
      self,
      'mutation ($input: OpenIncidentInput!) { openIncident(input: $input) { id } }',
      {
        input: {
          contactId: tenants.a.contactId,
          deviceId: tenants.a.deviceId,
          severity: 3,
          channel: 'WEB',
          summary: 'reported by the technician',
        },
      },
    );
    expect(own.openIncident.id).toBeDefined();
  });

  it('tenant A gets nothing of B through side queries: entitlement, licences, discounts, devices behind', async () => {
    const codeOf = async (query: string, variables: Record<string, unknown>) =>
      (await graphqlRequest(tenants.a.admin, query, variables)).errors?.[0].extensions?.code;
    const at = new Date().toISOString();
    expect(
      await codeOf('query ($d: ID!, $at: DateTimeISO!) { deviceEntitlement(deviceId: $d, at: $at) { covered } }', {
        d: tenants.b.deviceId,
        at,
      }),
    ).toBe('NOT_FOUND');
    expect(await codeOf('query ($s: String!) { licencesBySerialNumber(serialNumber: $s) { licenceKey } }', { s: 'TENANT-B-01' })).toBe(
      'NOT_FOUND',
    );
    expect(
      await codeOf('query ($c: ID!) { discountEligibility(customerId: $c, on: "2026-06-01") { eligible } }', { c: tenants.b.customerId }),
    ).toBe('FORBIDDEN');
    expect(await codeOf('query ($c: ID!) { devicesBehind(customerId: $c) { id } }', { c: tenants.b.customerId })).toBe('FORBIDDEN');
    const own = await graphqlData<{ deviceEntitlement: { covered: boolean } }>(
      tenants.a.admin,
      'query ($d: ID!, $at: DateTimeISO!) { deviceEntitlement(deviceId: $d, at: $at) { covered } }',
      { d: tenants.a.deviceId, at },
    );
    expect(own.deviceEntitlement.covered).toBe(true);
  });

  it('service look-ups and the support queue are closed to customer principals', async () => {
    for (const query of [
      'query ($d: ID!) { deviceCoverage(deviceIds: [$d]) { deviceId } }',
      'query ($c: ID!) { isDesignatedContact(contactId: "x", customerId: $c) }',
      'query { supportQueue { id } }',
    ]) {
      const result = await graphqlRequest(tenants.a.admin, query, { d: tenants.a.deviceId, c: tenants.a.customerId });
      expect({ query, code: result.errors?.[0].extensions?.code }).toEqual({ query, code: 'FORBIDDEN' });
    }
  });

  it('a dispatch planner reads cases but may not change cases, customers or devices (least privilege)', async () => {
    const planner = await stack.as({ subject: 'planner-1', role: 'DISPATCH_PLANNER', customerIds: [] });
    const { incident } = await graphqlData<{ incident: { id: string } }>(planner, 'query ($id: ID!) { incident(id: $id) { id } }', {
      id: tenants.b.incidentId,
    });
    expect(incident.id).toBe(tenants.b.incidentId);
    for (const mutation of [
      'mutation { createCustomer(input: { name: "Planner Co" }) { id } }',
      `mutation { startWorkOnIncident(input: { incidentId: "${tenants.a.incidentId}", expectedVersion: 1, engineer: "planner-1" }) { id } }`,
    ]) {
      const result = await graphqlRequest(planner, mutation);
      expect({ mutation, code: result.errors?.[0].extensions?.code }).toEqual({ mutation, code: 'FORBIDDEN' });
    }
  });

  it('vendor staff see every customer', async () => {
    const { customers } = await graphqlData<{ customers: { id: string }[] }>(stack.gateway, '{ customers { id } }');
    expect(customers.map((c) => c.id).sort()).toEqual([tenants.a.customerId, tenants.b.customerId].sort());
  });
});
