import { graphqlData, type GraphQLTarget } from '@polyplus/local-stack';
import { DEMO_PARTS, seedLogistics } from './seed-logistics';
import { releaseDownloadUrl, seedOnlineSupport } from './seed-online-support';
import {
  DEMO_CUSTOMERS,
  DEMO_DISCOUNTS,
  DEMO_ONSITE_RULES,
  DEMO_PRODUCTS,
  DEMO_PROBLEMS,
  DEMO_RELEASES,
  DEMO_TECHNICIANS,
} from './demo-data';

type Id = { id: string };

/** Catalog-wide demo data: software releases, onsite rules, discount offers. */
async function seedCatalog(gateway: GraphQLTarget): Promise<void> {
  const { products } = await graphqlData<{ products: { id: string; model: string }[] }>(gateway, '{ products { id model } }');
  for (const { id, model } of products) {
    for (const release of DEMO_RELEASES[model] ?? []) {
      await graphqlData(gateway, 'mutation ($input: PublishReleaseInput!) { publishSoftwareRelease(input: $input) { id } }', {
        input: { productId: id, ...release, downloadUrl: releaseDownloadUrl(model, release.version) },
      });
    }
  }
  for (const rule of DEMO_ONSITE_RULES) {
    await graphqlData(gateway, 'mutation ($input: SetOnsiteAvailabilityInput!) { setOnsiteAvailability(input: $input) { id } }', {
      input: rule,
    });
  }
  for (const discount of DEMO_DISCOUNTS) {
    await graphqlData(gateway, 'mutation ($input: CreateServiceDiscountInput!) { createServiceDiscount(input: $input) { id } }', {
      input: discount,
    });
  }
}

/**
 * Loads the demo data set through the gateway, the same API every client uses, so the demo
 * obeys every rule the product enforces. Does nothing when customers already exist.
 */
export async function seedDemo(gateway: GraphQLTarget, log: (line: string) => void = console.log): Promise<void> {
  const { customers } = await graphqlData<{ customers: Id[] }>(gateway, '{ customers { id } }');
  if (customers.length > 0) {
    log(`demo data already present (${customers.length} customers)`);
    return;
  }
  await seedCatalog(gateway);
  await seedLogistics(gateway);
  for (const technician of DEMO_TECHNICIANS) {
    await graphqlData(gateway, 'mutation ($input: CreateTechnicianInput!) { createTechnician(input: $input) { id } }', {
      input: technician,
    });
  }
  let serial = 1000;
  let replacements = 0;
  for (const [c, demoCustomer] of DEMO_CUSTOMERS.entries()) {
    const { createCustomer } = await graphqlData<{ createCustomer: Id }>(
      gateway,
      'mutation ($input: CreateCustomerInput!) { createCustomer(input: $input) { id } }',
      { input: { name: demoCustomer.name } },
    );
    // Cases are opened by a designated contact: the first one of each customer reports them.
    let reporterId = '';
    for (const contact of demoCustomer.contacts) {
      const { addContact } = await graphqlData<{ addContact: Id }>(
        gateway,
        'mutation ($input: AddContactInput!) { addContact(input: $input) { id } }',
        {
          input: { ...contact, customerId: createCustomer.id },
        },
      );
      if (contact.designated && !reporterId) reporterId = addContact.id;
    }
    const placed: { deviceId: string; s: number; p: number }[] = [];
    for (const [s, demoSite] of demoCustomer.sites.entries()) {
      const { createSite } = await graphqlData<{ createSite: Id }>(
        gateway,
        'mutation ($input: CreateSiteInput!) { createSite(input: $input) { id } }',
        { input: { ...demoSite, customerId: createCustomer.id } },
      );
      const rows = DEMO_PRODUCTS.map((productModel) => ({ productModel, serialNumber: `PLY-${String(serial++).padStart(6, '0')}` }));
      const { registerDevices } = await graphqlData<{ registerDevices: { devices: { id: string; serialNumber: string }[] } }>(
        gateway,
        'mutation ($input: RegisterDevicesInput!) { registerDevices(input: $input) { devices { id serialNumber } } }',
        { input: { customerId: createCustomer.id, siteId: createSite.id, devices: rows } },
      );
      const idOf = new Map(registerDevices.devices.map((device) => [device.serialNumber, device.id]));
      rows.forEach((row, p) => placed.push({ deviceId: idOf.get(row.serialNumber)!, s, p }));
    }
    await graphqlData(gateway, 'mutation ($input: CreateContractInput!) { createContract(input: $input) { id } }', {
      input: { ...demoCustomer.contract, customerId: createCustomer.id, deviceIds: placed.map((device) => device.deviceId) },
    });
    // Every other device reports the version before the latest: "devices behind" has something to show.
    for (const { deviceId, p } of placed) {
      const releases = DEMO_RELEASES[DEMO_PRODUCTS[p]] ?? [];
      const installed = releases[releases.length - 1 - (p % 2)] ?? releases[0];
      if (!installed) continue;
      await graphqlData(gateway, 'mutation ($d: ID!, $v: String!) { reportInstalledVersion(deviceId: $d, version: $v) { id } }', {
        d: deviceId,
        v: installed.version,
      });
    }
    // A few devices per site have an open case; the severest ones need a part. On a contract with the
    // onsite option, dispatch creates the technician visit from the replacement order by itself.
    for (const { deviceId, s, p } of placed) {
      const problem = DEMO_PROBLEMS[(c + s + p) % DEMO_PROBLEMS.length];
      if (p % 2 !== 0) continue;
      const { openIncident } = await graphqlData<{ openIncident: Id }>(
        gateway,
        'mutation ($input: OpenIncidentInput!) { openIncident(input: $input) { id } }',
        { input: { deviceId, contactId: reporterId, channel: 'PHONE', ...problem } },
      );
      if (problem.severity > 2) continue;
      await graphqlData(gateway, 'mutation ($input: OrderReplacementInput!) { orderReplacement(input: $input) { id } }', {
        input: { incidentId: openIncident.id, partNumber: DEMO_PARTS.find((part) => part.productModel === DEMO_PRODUCTS[p])!.partNumber },
      });
      replacements++;
    }
  }
  const support = await seedOnlineSupport(gateway);
  log(
    `demo data loaded: ${DEMO_CUSTOMERS.length} customers, ${serial - 1000} devices, ${replacements} replacement orders, ${support.channels} support channels, ${support.documents} documents`,
  );
}
