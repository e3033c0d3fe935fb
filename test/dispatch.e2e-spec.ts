import { graphqlData, graphqlRequest } from '@polyplus/local-stack';
import { until } from '@polyplus/polling';
import { startE2eStack, type E2eStack } from './support/e2e-stack';

let stack: E2eStack;
let ids: { incidentId: string; siteId: string; technicianId: string; customerId: string };

async function setUp(): Promise<void> {
  const url = stack.gateway;
  const { createCustomer } = await graphqlData<{ createCustomer: { id: string } }>(
    url,
    'mutation { createCustomer(input: { name: "Dispatch Ltd" }) { id } }',
  );
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
    'mutation ($customerId: ID!, $deviceId: ID!) { createContract(input: { customerId: $customerId, reference: "PP-DISPATCH", startsOn: "2025-01-01", endsOn: "2099-12-31", options: [ONSITE], deviceIds: [$deviceId] }) { id } }',
    { customerId: createCustomer.id, deviceId: registerDevice.id },
  );
  const { openIncident } = await graphqlData<{ openIncident: { id: string } }>(
    url,
    'mutation ($deviceId: ID!, $contactId: ID!) { openIncident(input: { contactId: $contactId, deviceId: $deviceId, severity: 2, channel: PHONE, summary: "Display dead" }) { id } }',
    { deviceId: registerDevice.id, contactId: addContact.id },
  );
  const { createTechnician } = await graphqlData<{ createTechnician: { id: string } }>(
    url,
    'mutation { createTechnician(input: { name: "Tess", region: "UK-E2E", skills: ["ROOM"], homeLatitude: 51.45, homeLongitude: -0.1, timeZone: "Europe/London" }) { id } }',
  );
  // The onsite option is delivered for room systems in Great Britain; logistics stocks the part at a London depot.
  await graphqlData(url, 'mutation { setOnsiteAvailability(input: { countryCode: "GB", productType: ROOM, available: true }) { id } }');
  await graphqlData(
    url,
    'mutation { createPart(input: { partNumber: "2215-DISP1", name: "Studio X50 camera module", productModel: "Studio X50" }) { id } }',
  );
  const { createDepot } = await graphqlData<{ createDepot: { id: string } }>(
    url,
    'mutation { createDepot(input: { code: "LCY", countryCode: "GB", subdivision: "ENG", timeZone: "Europe/London", servesCountries: ["GB"] }) { id } }',
  );
  await graphqlData(url, 'mutation ($depotId: ID!) { setStock(input: { depotId: $depotId, partNumber: "2215-DISP1", quantity: 5 }) }', {
    depotId: createDepot.id,
  });
  ids = { incidentId: openIncident.id, siteId: createSite.id, technicianId: createTechnician.id, customerId: createCustomer.id };
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
      ({
        onsiteVisit: { status },
      } = await graphqlData<{ onsiteVisit: { status: string } }>(stack.gateway, 'query ($id: ID!) { onsiteVisit(id: $id) { status } }', {
        id: requestOnsiteVisit.id,
      }));
    }
    const from = new Date().toISOString();
    const to = new Date(Date.now() + 8 * 86_400_000).toISOString();
    const { technicianSchedule } = await graphqlData<{
      technicianSchedule: { stops: { visit: unknown; arrival: string; start: string; end: string }[] };
    }>(
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
    const { regionBoard } = await graphqlData<{
      regionBoard: { schedules: { technician: { id: string }; stops: { visit: { id: string } }[] }[]; unassigned: unknown[] };
    }>(
      stack.gateway,
      'query ($date: String!) { regionBoard(region: "UK-E2E", date: $date) { planVersion schedules { technician { id } stops { visit { id } start } } unassigned { id unassignedReason } } }',
      { date },
    );
    expect(regionBoard.schedules).toEqual([
      { technician: { id: ids.technicianId }, stops: [expect.objectContaining({ visit: { id: requestOnsiteVisit.id } })] },
    ]);
    expect(regionBoard.unassigned).toEqual([]);
  }, 60_000);

  type EventVisit = {
    id: string;
    replacementOrderId: string | null;
    status: string;
    releaseAt: string | null;
    windowStart: string | null;
    technician: { id: string } | null;
  };

  const visitForOrder = async (orderId: string): Promise<EventVisit | undefined> => {
    const { incident } = await graphqlData<{ incident: { onsiteVisits: EventVisit[] } }>(
      stack.gateway,
      'query ($id: ID!) { incident(id: $id) { onsiteVisits { id replacementOrderId status releaseAt windowStart technician { id } } } }',
      { id: ids.incidentId },
    );
    return incident.onsiteVisits.find((visit) => visit.replacementOrderId === orderId);
  };
  // Each step of the pipeline polls every 250 ms for up to 40 s; the error names the step that never got there.
  const pipelineStep = { timeoutMs: 40_000, everyMs: 250 };

  it('a replacement ordered on an onsite contract becomes a visit planned no earlier than the part’s delivery; a carrier exception re-plans it after the new ETA, an absence moves it to another technician, a resolved case cancels it', async () => {
    const { orderReplacement: order } = await graphqlData<{ orderReplacement: { id: string; expectedDeliveryAt: string } }>(
      stack.gateway,
      'mutation ($incidentId: ID!) { orderReplacement(input: { incidentId: $incidentId, partNumber: "2215-DISP1" }) { id expectedDeliveryAt } }',
      { incidentId: ids.incidentId },
    );
    const planned = await until(() => visitForOrder(order.id), 'visit planned', {
      ...pipelineStep,
      holds: (visit) => visit.status === 'PLANNED',
    });
    expect(planned.releaseAt).toBe(order.expectedDeliveryAt);
    expect(Date.parse(planned.windowStart as string)).toBeGreaterThanOrEqual(Date.parse(order.expectedDeliveryAt));
    expect(planned.technician).toEqual({ id: ids.technicianId });

    // The carrier reports an exception and a new arrival two days later: no planner involved.
    const eta = new Date(Date.parse(order.expectedDeliveryAt) + 2 * 86_400_000).toISOString();
    await graphqlData(
      stack.gateway,
      'mutation ($orderId: ID!) { shipReplacement(input: { orderId: $orderId, carrier: "DHL", trackingNumber: "JD0DISP01", partSerialNumber: "PS-DISP-1" }) { id } }',
      { orderId: order.id },
    );
    await graphqlData(
      stack.gateway,
      'mutation ($at: DateTimeISO!, $eta: DateTimeISO!) { recordTrackingEvent(input: { carrier: "DHL", trackingNumber: "JD0DISP01", status: EXCEPTION, at: $at, eta: $eta, note: "Missed connection" }) { status } }',
      {
        at: new Date().toISOString(),
        eta,
      },
    );
    const moved = await until(() => visitForOrder(order.id), 're-planned after the new ETA', {
      ...pipelineStep,
      holds: (visit) => visit.releaseAt === eta && visit.status === 'PLANNED' && Date.parse(visit.windowStart as string) >= Date.parse(eta),
    });
    expect(moved.technician).toEqual({ id: ids.technicianId });

    // Tess is on holiday for the next fortnight: the visit goes to the other technician of the region.
    const { createTechnician: uma } = await graphqlData<{ createTechnician: { id: string } }>(
      stack.gateway,
      'mutation { createTechnician(input: { name: "Uma", region: "UK-E2E", skills: ["ROOM"], homeLatitude: 51.6, homeLongitude: -0.3, timeZone: "Europe/London" }) { id } }',
    );
    await graphqlData(stack.gateway, 'mutation ($input: RecordTechnicianAbsenceInput!) { recordTechnicianAbsence(input: $input) { id } }', {
      input: {
        technicianId: ids.technicianId,
        startsAt: new Date().toISOString(),
        endsAt: new Date(Date.now() + 14 * 86_400_000).toISOString(),
        kind: 'HOLIDAY',
      },
    });
    await until(() => visitForOrder(order.id), 'moved to Uma', {
      ...pipelineStep,
      holds: (visit) => visit.status === 'PLANNED' && visit.technician?.id === uma.id,
    });

    // The customer sees its own visit; another customer does not.
    const own = await stack.as({ subject: 'ada', role: 'CUSTOMER_ADMIN', customerIds: [ids.customerId] });
    const other = await stack.as({ subject: 'eve', role: 'CUSTOMER_ADMIN', customerIds: ['00000000-0000-4000-8000-000000000000'] });
    const query = 'query ($id: ID!) { onsiteVisit(id: $id) { id customerId } }';
    expect(await graphqlData(own, query, { id: planned.id })).toEqual({ onsiteVisit: { id: planned.id, customerId: ids.customerId } });
    expect(await graphqlData(other, query, { id: planned.id })).toEqual({ onsiteVisit: null });

    // A planner's move to a Saturday is refused with the reason, and nothing moves.
    const saturday = new Date(Date.parse(eta) + ((6 - new Date(eta).getUTCDay() + 7) % 7 || 7) * 86_400_000);
    saturday.setUTCHours(10, 0, 0, 0);
    const refused = await graphqlRequest(
      stack.gateway,
      'mutation ($id: ID!, $technicianId: ID!, $start: DateTimeISO!) { moveOnsiteVisit(id: $id, technicianId: $technicianId, start: $start) { id } }',
      {
        id: planned.id,
        technicianId: uma.id,
        start: saturday.toISOString(),
      },
    );
    expect(refused.errors?.[0]).toMatchObject({ extensions: { code: 'CONFLICT' }, message: expect.stringContaining('business hours') });

    const { incident } = await graphqlData<{ incident: { version: number } }>(
      stack.gateway,
      'query ($id: ID!) { incident(id: $id) { version } }',
      { id: ids.incidentId },
    );
    const { respondToIncident } = await graphqlData<{ respondToIncident: { version: number } }>(
      stack.gateway,
      'mutation ($id: ID!, $version: Int!) { respondToIncident(input: { incidentId: $id, expectedVersion: $version }) { version } }',
      { id: ids.incidentId, version: incident.version },
    );
    await graphqlData(
      stack.gateway,
      'mutation ($id: ID!, $version: Int!) { resolveIncident(input: { incidentId: $id, expectedVersion: $version, resolution: "Fixed remotely after all" }) { status } }',
      {
        id: ids.incidentId,
        version: respondToIncident.version,
      },
    );
    await until(() => visitForOrder(order.id), 'cancelled', { ...pipelineStep, holds: (visit) => visit.status === 'CANCELLED' });
  }, 120_000);

  it('a planner sets a technician’s week per weekday through the gateway and reads it back; a bad weekday is BAD_USER_INPUT naming the field; a customer may not change it', async () => {
    const planner = await stack.as({ subject: 'pat', role: 'DISPATCH_PLANNER', customerIds: [] });
    const { createTechnician: sam } = await graphqlData<{ createTechnician: { id: string; workingHours: unknown[] } }>(
      planner,
      'mutation { createTechnician(input: { name: "Sam", region: "UK-E2E-WEEK", skills: ["ROOM"], timeZone: "Europe/London", workFrom: "07:00", workTo: "15:00" }) { id workingHours { weekday from to } } }',
    );
    expect(sam.workingHours).toEqual([1, 2, 3, 4, 5].map((weekday) => ({ weekday, from: '07:00', to: '15:00' })));
    const set =
      'mutation ($id: ID!, $days: [WorkingDayInput!]!) { setTechnicianWorkingHours(technicianId: $id, workingHours: $days) { id workFrom workTo workingHours { weekday from to } } }';
    const week = [
      { weekday: 6, from: '09:00', to: '13:00' },
      { weekday: 5, from: '08:00', to: '13:00' },
    ];
    const { setTechnicianWorkingHours } = await graphqlData<{ setTechnicianWorkingHours: unknown }>(planner, set, {
      id: sam.id,
      days: week,
    });
    expect(setTechnicianWorkingHours).toEqual({ id: sam.id, workFrom: '07:00', workTo: '15:00', workingHours: [week[1], week[0]] });
    const { technicians } = await graphqlData<{ technicians: unknown[] }>(
      planner,
      'query { technicians(region: "UK-E2E-WEEK") { workingHours { weekday from to } } }',
    );
    expect(technicians).toEqual([{ workingHours: [week[1], week[0]] }]);

    const invalid = await graphqlRequest(planner, set, { id: sam.id, days: [{ weekday: 9, from: '08:00', to: '13:00' }] });
    expect(invalid.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', field: 'workingHours[0].weekday' } });
    const customer = await stack.as({ subject: 'ada', role: 'CUSTOMER_ADMIN', customerIds: [ids.customerId] });
    expect((await graphqlRequest(customer, set, { id: sam.id, days: week })).errors?.[0]).toMatchObject({
      extensions: { code: 'FORBIDDEN' },
    });
  }, 60_000);
});
