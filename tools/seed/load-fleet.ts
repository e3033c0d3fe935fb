// Loads a generated fleet through a running gateway (the benchmarks' data set):
//   node -r @swc-node/register tools/seed/load-fleet.ts [seed] [customers] [devices] [today yyyy-mm-dd]
// GATEWAY_URL defaults to http://127.0.0.1:4000/graphql.
import { DEMO_ENGINEER, graphqlData, tokenFor, type GraphQLTarget } from '@polyplus/local-stack';
import { generateFleet, type Fleet } from './generate-fleet';

type Id = { id: string };
const BATCH = 1_000;

export async function loadFleet(gateway: GraphQLTarget, fleet: Fleet, log: (line: string) => void = console.log): Promise<void> {
  let devices = 0;
  for (const customer of fleet.customers) {
    const { createCustomer } = await graphqlData<{ createCustomer: Id }>(
      gateway,
      'mutation ($input: CreateCustomerInput!) { createCustomer(input: $input) { id } }',
      {
        input: { name: customer.name },
      },
    );
    for (const contact of customer.contacts) {
      await graphqlData(gateway, 'mutation ($input: AddContactInput!) { addContact(input: $input) { id } }', {
        input: { ...contact, customerId: createCustomer.id },
      });
    }
    const deviceIds: string[] = [];
    for (const { key, ...site } of customer.sites) {
      const { createSite } = await graphqlData<{ createSite: Id }>(
        gateway,
        'mutation ($input: CreateSiteInput!) { createSite(input: $input) { id } }',
        {
          input: { ...site, customerId: createCustomer.id },
        },
      );
      const rows = customer.devices
        .filter((device) => device.siteKey === key)
        .map(({ serialNumber, productModel }) => ({ serialNumber, productModel }));
      for (let i = 0; i < rows.length; i += BATCH) {
        const { registerDevices } = await graphqlData<{ registerDevices: { devices: Id[] } }>(
          gateway,
          'mutation ($input: RegisterDevicesInput!) { registerDevices(input: $input) { devices { id } } }',
          { input: { customerId: createCustomer.id, siteId: createSite.id, devices: rows.slice(i, i + BATCH) } },
        );
        deviceIds.push(...registerDevices.devices.map((device) => device.id));
      }
    }
    for (const contract of customer.contracts) {
      await graphqlData(gateway, 'mutation ($input: CreateContractInput!) { createContract(input: $input) { id } }', {
        input: { ...contract, customerId: createCustomer.id, deviceIds },
      });
    }
    devices += deviceIds.length;
  }
  log(`fleet ${fleet.seed} loaded: ${fleet.customers.length} customers, ${devices} devices`);
}

if (require.main === module) {
  const [seed = '1', customers, devices, today] = process.argv.slice(2);
  const fleet = generateFleet({
    seed: Number(seed),
    customers: customers ? Number(customers) : undefined,
    devices: devices ? Number(devices) : undefined,
    today,
  });
  tokenFor(DEMO_ENGINEER)
    .then((token) => loadFleet({ url: process.env.GATEWAY_URL ?? 'http://127.0.0.1:4000/graphql', token }, fleet))
    .catch((error) => {
      console.error(error instanceof Error ? error.message : error);
      process.exit(1);
    });
}
