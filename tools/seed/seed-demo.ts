import { graphqlData } from '@polyplus/local-stack';
import { DEMO_CUSTOMERS, DEMO_PRODUCTS, DEMO_PROBLEMS, DEMO_TECHNICIANS } from './demo-data';

type Id = { id: string };

/**
 * Loads the demo data set through the gateway, the same API every client uses, so the demo
 * obeys every rule the product enforces. Does nothing when customers already exist.
 */
export async function seedDemo(gatewayUrl: string, log: (line: string) => void = console.log): Promise<void> {
  const { customers } = await graphqlData<{ customers: Id[] }>(gatewayUrl, '{ customers { id } }');
  if (customers.length > 0) {
    log(`demo data already present (${customers.length} customers)`);
    return;
  }
  for (const technician of DEMO_TECHNICIANS) {
    await graphqlData(gatewayUrl, 'mutation ($input: CreateTechnicianInput!) { createTechnician(input: $input) { id } }', { input: technician });
  }
  let serial = 1000;
  let visits = 0;
  for (const [c, demoCustomer] of DEMO_CUSTOMERS.entries()) {
    const { createCustomer } = await graphqlData<{ createCustomer: Id }>(
      gatewayUrl,
      'mutation ($input: CreateCustomerInput!) { createCustomer(input: $input) { id } }',
      { input: { name: demoCustomer.name } },
    );
    for (const [s, demoSite] of demoCustomer.sites.entries()) {
      const { region, ...siteInput } = demoSite;
      const { createSite } = await graphqlData<{ createSite: Id }>(
        gatewayUrl,
        'mutation ($input: CreateSiteInput!) { createSite(input: $input) { id } }',
        { input: { ...siteInput, customerId: createCustomer.id } },
      );
      for (const [p, productModel] of DEMO_PRODUCTS.entries()) {
        const { registerDevice } = await graphqlData<{ registerDevice: Id }>(
          gatewayUrl,
          'mutation ($input: RegisterDeviceInput!) { registerDevice(input: $input) { id } }',
          { input: { customerId: createCustomer.id, siteId: createSite.id, productModel, serialNumber: `PLY-${String(serial++).padStart(6, '0')}` } },
        );
        // A few devices per site have an open case; the severest ones need a part and a visit.
        const problem = DEMO_PROBLEMS[(c + s + p) % DEMO_PROBLEMS.length];
        if (p % 2 !== 0) continue;
        const { openIncident } = await graphqlData<{ openIncident: Id }>(
          gatewayUrl,
          'mutation ($input: OpenIncidentInput!) { openIncident(input: $input) { id } }',
          { input: { deviceId: registerDevice.id, ...problem } },
        );
        if (problem.severity > 2) continue;
        await graphqlData(gatewayUrl, 'mutation ($input: OrderReplacementInput!) { orderReplacement(input: $input) { id } }', {
          input: { incidentId: openIncident.id, partNumber: `2215-${String(60000 + p).padStart(5, '0')}` },
        });
        await graphqlData(gatewayUrl, 'mutation ($input: RequestOnsiteVisitInput!) { requestOnsiteVisit(input: $input) { id } }', {
          input: { incidentId: openIncident.id, siteId: createSite.id, region },
        });
        visits++;
      }
    }
  }
  log(`demo data loaded: ${DEMO_CUSTOMERS.length} customers, ${serial - 1000} devices, ${visits} onsite visits`);
}
