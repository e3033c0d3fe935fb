import { graphqlData, graphqlRequest } from '@polyplus/local-stack';
import { startE2eStack, type E2eStack } from './support/e2e-stack';

let stack: E2eStack;
let customerId: string;
let siteId: string;

beforeAll(async () => {
  stack = await startE2eStack('e2e_customers_devices');
  const url = stack.gateway;
  ({
    createCustomer: { id: customerId },
  } = await graphqlData<{ createCustomer: { id: string } }>(url, 'mutation { createCustomer(input: { name: "Initech" }) { id } }'));
  ({
    createSite: { id: siteId },
  } = await graphqlData<{ createSite: { id: string } }>(url, 'mutation ($input: CreateSiteInput!) { createSite(input: $input) { id } }', {
    input: {
      customerId,
      name: 'Leeds',
      addressLine: '1 Park Row',
      city: 'Leeds',
      postalCode: 'LS1 5AB',
      countryCode: 'GB',
      subdivision: 'ENG',
      timeZone: 'Europe/London',
      latitude: 53.7997,
      longitude: -1.5492,
    },
  }));
  await graphqlData(url, 'mutation ($input: AddContactInput!) { addContact(input: $input) { id } }', {
    input: { customerId, email: 'admin@initech.example', name: 'Bill Lumbergh', role: 'ADMIN', designated: true },
  });
  const { registerDevices } = await graphqlData<{ registerDevices: { devices: { id: string }[] } }>(
    url,
    'mutation ($input: RegisterDevicesInput!) { registerDevices(input: $input) { devices { id } } }',
    {
      input: {
        customerId,
        siteId,
        devices: [
          { serialNumber: 'E2E-ROOM-01', productModel: 'Studio X50' },
          { serialNumber: 'E2E-HEAD-01', productModel: 'Voyager Focus 2' },
        ],
      },
    },
  );
  await graphqlData(url, 'mutation ($input: CreateContractInput!) { createContract(input: $input) { id } }', {
    input: {
      customerId,
      reference: 'PP-E2E-0001',
      startsOn: '2025-01-01',
      endsOn: '2099-12-31',
      options: ['ONSITE'],
      deviceIds: registerDevices.devices.map((d) => d.id),
    },
  });
  await graphqlData(url, 'mutation { setOnsiteAvailability(input: { countryCode: "GB", productType: ROOM, available: true }) { id } }');
  const { products } = await graphqlData<{ products: { id: string; model: string }[] }>(url, '{ products { id model } }');
  const studio = products.find((p) => p.model === 'Studio X50')!;
  for (const [version, releasedOn] of [
    ['4.1.0', '2025-04-02'],
    ['4.3.0', '2026-05-20'],
    ['4.2.0', '2025-10-14'],
  ]) {
    await graphqlData(url, 'mutation ($input: PublishReleaseInput!) { publishSoftwareRelease(input: $input) { id } }', {
      input: { productId: studio.id, version, releasedOn },
    });
  }
}, 120_000);

afterAll(() => stack?.teardown(), 60_000);

describe('customers and devices through the gateway', () => {
  it('a customer admin reads their devices with site, coverage and available downloads in one request', async () => {
    const data = await graphqlData(
      stack.gateway,
      `query ($customerId: ID!) {
        customer(id: $customerId) { name contacts { email designated } contracts { reference options } }
        devices(customerId: $customerId) {
          serialNumber productModel
          site { name timeZone }
          entitlement { covered options personalDevice advanceReplacementAllowed }
          availableDownloads { version }
        }
      }`,
      { customerId },
    );
    expect(data).toEqual({
      customer: {
        name: 'Initech',
        contacts: [{ email: 'admin@initech.example', designated: true }],
        contracts: [{ reference: 'PP-E2E-0001', options: ['ONSITE'] }],
      },
      devices: [
        {
          serialNumber: 'E2E-HEAD-01',
          productModel: 'Voyager Focus 2',
          site: { name: 'Leeds', timeZone: 'Europe/London' },
          entitlement: { covered: true, options: [], personalDevice: true, advanceReplacementAllowed: true },
          availableDownloads: [],
        },
        {
          serialNumber: 'E2E-ROOM-01',
          productModel: 'Studio X50',
          site: { name: 'Leeds', timeZone: 'Europe/London' },
          entitlement: { covered: true, options: ['ONSITE'], personalDevice: false, advanceReplacementAllowed: true },
          availableDownloads: [{ version: '4.3.0' }, { version: '4.2.0' }],
        },
      ],
    });
  });

  it('the entitlement query other subgraphs call answers for an instant outside the contract', async () => {
    const { devices } = await graphqlData<{ devices: { id: string }[] }>(
      stack.gateway,
      'query ($c: ID!) { devices(customerId: $c) { id } }',
      { c: customerId },
    );
    const data = await graphqlData(
      stack.gateway,
      'query ($d: ID!) { deviceEntitlement(deviceId: $d, at: "2024-12-31T12:00:00Z") { covered contractId options } }',
      { d: devices[0].id },
    );
    expect(data).toEqual({ deviceEntitlement: { covered: false, contractId: null, options: [] } });
  });

  it('a bulk registration with a malformed serial is BAD_USER_INPUT naming the row, and registers nothing', async () => {
    const result = await graphqlRequest(
      stack.gateway,
      'mutation ($input: RegisterDevicesInput!) { registerDevices(input: $input) { registeredCount } }',
      {
        input: {
          customerId,
          siteId,
          devices: [
            { serialNumber: 'E2E-GOOD-01', productModel: 'G7500' },
            { serialNumber: 'bad serial!', productModel: 'G7500' },
          ],
        },
      },
    );
    expect(result.errors?.[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      rows: [{ row: 2, field: 'serialNumber', problem: 'INVALID_SERIAL_NUMBER' }],
    });
    const { deviceBySerialNumber } = await graphqlData(stack.gateway, '{ deviceBySerialNumber(serialNumber: "E2E-GOOD-01") { id } }');
    expect(deviceBySerialNumber).toBeNull();
  });

  it('a site with an invalid time zone is BAD_USER_INPUT naming timeZone, and no site is written', async () => {
    const result = await graphqlRequest(stack.gateway, 'mutation ($input: CreateSiteInput!) { createSite(input: $input) { id } }', {
      input: { customerId, name: 'Nowhere', countryCode: 'GB', timeZone: 'Europe/Atlantis' },
    });
    expect(result.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ field: 'timeZone' }] });
    const { customer } = await graphqlData<{ customer: { sites: { name: string }[] } }>(
      stack.gateway,
      'query ($c: ID!) { customer(id: $c) { sites { name } } }',
      { c: customerId },
    );
    expect(customer.sites.map((s) => s.name)).toEqual(['Leeds']);
  });
});
