import { graphqlData, graphqlRequest } from '@polyplus/local-stack';
import { connectToMysql } from '@polyplus/testing';
import { startE2eStack, type E2eStack } from './support/e2e-stack';

let stack: E2eStack;
let ids: { customerId: string; siteId: string; deviceId: string; contactId: string; incidentId: string };

async function countRows(database: string, table: string): Promise<number> {
  const connection = await connectToMysql(database);
  try {
    const [rows] = await connection.query(`SELECT COUNT(*) AS n FROM \`${table}\``);
    return Number((rows as { n: number }[])[0].n);
  } finally {
    await connection.end();
  }
}

beforeAll(async () => {
  stack = await startE2eStack('e2e_skeleton');
  const url = stack.gateway;
  const { createCustomer } = await graphqlData<{ createCustomer: { id: string } }>(
    url,
    'mutation { createCustomer(input: { name: "Acme Ltd" }) { id } }',
  );
  const { createSite } = await graphqlData<{ createSite: { id: string } }>(
    url,
    'mutation ($customerId: ID!) { createSite(input: { customerId: $customerId, name: "Leeds", countryCode: "GB", timeZone: "Europe/London" }) { id } }',
    { customerId: createCustomer.id },
  );
  const { registerDevice } = await graphqlData<{ registerDevice: { id: string } }>(
    url,
    'mutation ($customerId: ID!, $siteId: ID!) { registerDevice(input: { customerId: $customerId, siteId: $siteId, serialNumber: "8G1234ABCD", productModel: "Studio X50" }) { id } }',
    { customerId: createCustomer.id, siteId: createSite.id },
  );
  // Only a designated contact may open a case, and only for a device under contract.
  const { addContact } = await graphqlData<{ addContact: { id: string } }>(
    url,
    'mutation ($customerId: ID!) { addContact(input: { customerId: $customerId, email: "it@acme.example", name: "Ada", role: TECHNICIAN, designated: true }) { id } }',
    { customerId: createCustomer.id },
  );
  await graphqlData(
    url,
    'mutation ($customerId: ID!, $deviceId: ID!) { createContract(input: { customerId: $customerId, reference: "PP-SKELETON", startsOn: "2025-01-01", endsOn: "2099-12-31", deviceIds: [$deviceId] }) { id } }',
    { customerId: createCustomer.id, deviceId: registerDevice.id },
  );
  const { openIncident } = await graphqlData<{ openIncident: { id: string } }>(
    url,
    'mutation ($deviceId: ID!, $contactId: ID!) { openIncident(input: { contactId: $contactId, deviceId: $deviceId, severity: 2, channel: PHONE, summary: "Camera freezes in calls" }) { id } }',
    { deviceId: registerDevice.id, contactId: addContact.id },
  );
  ids = {
    customerId: createCustomer.id,
    siteId: createSite.id,
    deviceId: registerDevice.id,
    contactId: addContact.id,
    incidentId: openIncident.id,
  };
}, 120_000);

afterAll(() => stack?.teardown(), 60_000);

describe('walking skeleton through the gateway', () => {
  it('reads an incident with its device and the device owner in one query across three subgraphs', async () => {
    const data = await graphqlData(
      stack.gateway,
      'query ($id: ID!) { incident(id: $id) { severity status device { serialNumber customer { name } } } }',
      { id: ids.incidentId },
    );
    expect(data).toEqual({
      incident: { severity: 2, status: 'NEW', device: { serialNumber: '8G1234ABCD', customer: { name: 'Acme Ltd' } } },
    });
  });

  it('lists a device’s incidents through the field the incidents subgraph contributes to Device', async () => {
    const data = await graphqlData<{ device: { incidents: { id: string }[] } }>(
      stack.gateway,
      'query ($id: ID!) { device(id: $id) { incidents { id } } }',
      { id: ids.deviceId },
    );
    expect(data.device.incidents).toEqual([{ id: ids.incidentId }]);
  });

  it('refuses a severity of 7 with BAD_USER_INPUT naming the field, and writes no incident', async () => {
    const before = await countRows(`${stack.prefix}incidents`, 'incident');
    const result = await graphqlRequest(
      stack.gateway,
      'mutation ($deviceId: ID!, $contactId: ID!) { openIncident(input: { contactId: $contactId, deviceId: $deviceId, severity: 7, channel: WEB, summary: "x" }) { id } }',
      { deviceId: ids.deviceId, contactId: ids.contactId },
    );
    expect(result.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(result.errors?.[0].extensions?.fields).toEqual([{ field: 'severity', problems: ['severity must not be greater than 3'] }]);
    expect(await countRows(`${stack.prefix}incidents`, 'incident')).toBe(before);
  });

  it('refuses an unknown device id with NOT_FOUND, and writes no incident', async () => {
    const before = await countRows(`${stack.prefix}incidents`, 'incident');
    const result = await graphqlRequest(
      stack.gateway,
      'mutation ($contactId: ID!) { openIncident(input: { contactId: $contactId, deviceId: "6d1f5c2a-0000-4000-8000-000000000000", severity: 1, channel: WEB, summary: "x" }) { id } }',
      { contactId: ids.contactId },
    );
    expect(result.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    expect(result.data).toBeNull();
    expect(await countRows(`${stack.prefix}incidents`, 'incident')).toBe(before);
  });

  it('a requested onsite visit reaches the scheduler through the queue and a new region plan is committed', async () => {
    await graphqlData(
      stack.gateway,
      'mutation ($incidentId: ID!, $siteId: ID!) { requestOnsiteVisit(input: { incidentId: $incidentId, siteId: $siteId, region: "UK-NORTH" }) { id } }',
      { incidentId: ids.incidentId, siteId: ids.siteId },
    );
    let plan: { version: number; openVisits: number } | null = null;
    for (let attempt = 0; attempt < 50 && !plan; attempt++) {
      await new Promise((resolve) => setTimeout(resolve, 200));
      ({ regionPlan: plan } = await graphqlData<{ regionPlan: typeof plan }>(
        stack.gateway,
        '{ regionPlan(region: "UK-NORTH") { version openVisits } }',
      ));
    }
    expect(plan).toEqual({ version: 1, openVisits: 1 });
  });
});

describe('subgraphs trust only the gateway', () => {
  const entities = '{ _entities(representations: [{ __typename: "Customer", id: "x" }]) { ... on Customer { name } } }';

  it('a subgraph called directly without the gateway signature refuses every operation, _entities included', async () => {
    const result = await graphqlRequest(stack.env.CUSTOMERS_URL as string, entities);
    expect(result.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    expect(result.data ?? null).toBeNull();
  });

  it('a subgraph refuses a principal header the gateway did not sign', async () => {
    const forged = Buffer.from(JSON.stringify({ subject: 'x', role: 'SUPPORT_ENGINEER', customerIds: [] })).toString('base64url');
    const response = await fetch(stack.env.CUSTOMERS_URL as string, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'x-polyplus-principal': forged,
        'x-polyplus-signature': `t=${Math.floor(Date.now() / 1000)},v1=${'0'.repeat(64)}`,
      },
      body: JSON.stringify({ query: entities }),
    });
    expect(response.status).toBe(401);
    expect(((await response.json()) as { errors: { extensions: { code: string } }[] }).errors[0].extensions.code).toBe('UNAUTHENTICATED');
  });

  it('the gateway answers a request without a bearer token as the anonymous caller: customer data is FORBIDDEN', async () => {
    const result = await graphqlRequest(stack.gatewayUrl, '{ customers { id } }');
    expect(result.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect(result.data?.customers ?? null).toBeNull();
  });
});
