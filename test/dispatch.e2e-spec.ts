import { graphqlData } from '@polyplus/local-stack';
import { startE2eStack, type E2eStack } from './support/e2e-stack';

let stack: E2eStack;
let ids: { incidentId: string; siteId: string; technicianId: string };

async function setUp(): Promise<void> {
  const url = stack.gateway;
  const { createCustomer } = await graphqlData<{ createCustomer: { id: string } }>(url, 'mutation { createCustomer(input: { name: "Dispatch Ltd" }) { id } }');
  const { createSite } = await graphqlData<{ createSite: { id: string } }>(
    url,
    'mutation ($customerId: ID!) { createSite(input: { customerId: $customerId, name: "London HQ", countryCode: "GB", subdivision: "ENG", timeZone: "Europe/London", latitude: 51.5072, longitude: -0.1276 }) { id } }',
    { customerId: createCustomer.id },
  );
  const { registerDevice } = await graphqlData<{ registerDevice: { id: string } }>(
    url,
    'mutation ($customerId: ID!, $siteId: ID!) { registerDevice(input: { customerId: $customerId, siteId: $siteId, serialNumber: "8G9999DISP", productModel: "Studio X50" }) { id } }',
    { customerId: createCustomer.id, siteId: createSite.id },
  );
  const { addContact } = await graphqlData<{ addContact: { id: string } }>(
    url,
    'mutation ($customerId: ID!) { addContact(input: { customerId: $customerId, email: "it@dispatch.example", name: "Ada", role: TECHNICIAN, designated: true }) { id } }',
    { customerId: createCustomer.id },
  );
  await graphqlData(
    url,
    'mutation ($customerId: ID!, $deviceId: ID!) { createContract(input: { customerId: $customerId, reference: "PP-DISPATCH", startsOn: "2025-01-01", endsOn: "2099-12-31", deviceIds: [$deviceId] }) { id } }',
    { customerId: createCustomer.id, deviceId: registerDevice.id },
  );
  const { openIncident } = await graphqlData<{ openIncident: { id: string } }>(
    url,
    'mutation ($deviceId: ID!, $contactId: ID!) { openIncident(input: { contactId: $contactId, deviceId: $deviceId, severity: 2, channel: PHONE, summary: "Display dead" }) { id } }',
    { deviceId: registerDevice.id, contactId: addContact.id },
  );
  const { createTechnician } = await graphqlData<{ createTechnician: { id: string } }>(
    url,
    'mutation { createTechnician(input: { name: "Tess", region: "UK-E2E", homeLatitude: 51.45, homeLongitude: -0.1, timeZone: "Europe/London" }) { id } }',
  );
  ids = { incidentId: openIncident.id, siteId: createSite.id, technicianId: createTechnician.id };
}

beforeAll(async () => {
  stack = await startE2eStack('e2e_dispatch');
  await setUp();
}, 120_000);

afterAll(() => stack?.teardown(), 60_000);

describe('onsite dispatch through the gateway', () => {
  it('a requested visit is planned by the scheduler and shows on the technician’s schedule with its case, device and site', async () => {
    const { requestOnsiteVisit } = await graphqlData<{ requestOnsiteVisit: { id: string } }>(
      stack.gateway,
      'mutation ($incidentId: ID!, $siteId: ID!) { requestOnsiteVisit(input: { incidentId: $incidentId, siteId: $siteId, region: "UK-E2E" }) { id } }',
      { incidentId: ids.incidentId, siteId: ids.siteId },
    );
    let status = 'UNPLANNED';
    while (status !== 'PLANNED') {
      await new Promise((resolve) => setTimeout(resolve, 250));
      ({ onsiteVisit: { status } } = await graphqlData<{ onsiteVisit: { status: string } }>(stack.gateway, 'query ($id: ID!) { onsiteVisit(id: $id) { status } }', { id: requestOnsiteVisit.id }));
    }
    const from = new Date().toISOString();
    const to = new Date(Date.now() + 8 * 86_400_000).toISOString();
    const { technicianSchedule } = await graphqlData<{ technicianSchedule: { stops: { visit: unknown; arrival: string; start: string; end: string }[] } }>(
      stack.gateway,
      'query ($technicianId: ID!, $from: DateTimeISO!, $to: DateTimeISO!) { technicianSchedule(technicianId: $technicianId, from: $from, to: $to) { stops { visit { incident { severity device { serialNumber } } site { name } } arrival start end } } }',
      { technicianId: ids.technicianId, from, to },
    );
    expect(technicianSchedule.stops).toHaveLength(1);
    const [stop] = technicianSchedule.stops;
    expect(stop.visit).toEqual({ incident: { severity: 2, device: { serialNumber: '8G9999DISP' } }, site: { name: 'London HQ' } });
    expect(Date.parse(stop.arrival)).toBeLessThanOrEqual(Date.parse(stop.start));
    expect(Date.parse(stop.end)).toBeGreaterThan(Date.parse(stop.start));

    const date = stop.start.slice(0, 10);
    const { regionBoard } = await graphqlData<{ regionBoard: { schedules: { technician: { id: string }; stops: { visit: { id: string } }[] }[]; unassigned: unknown[] } }>(
      stack.gateway,
      'query ($date: String!) { regionBoard(region: "UK-E2E", date: $date) { planVersion schedules { technician { id } stops { visit { id } start } } unassigned { id unassignedReason } } }',
      { date },
    );
    expect(regionBoard.schedules).toEqual([{ technician: { id: ids.technicianId }, stops: [expect.objectContaining({ visit: { id: requestOnsiteVisit.id } })] }]);
    expect(regionBoard.unassigned).toEqual([]);
  }, 60_000);
});
