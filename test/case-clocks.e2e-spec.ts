import { graphqlData, graphqlRequest } from '@polyplus/local-stack';
import { until } from '@polyplus/polling';
import { createCoveredCustomer } from '@polyplus/testing';
import { startE2eStack, type E2eStack } from './support/e2e-stack';

// Friday 5 March 2027, 15:01 in London (GMT, so UTC): one minute after the depot's 15:00 cut-off.
// No English holiday falls on that Friday or the Monday and Tuesday after it.
const FRIDAY_AFTER_CUTOFF = '2027-03-05T15:01:00.000Z';

let stack: E2eStack;
let ids: { customerId: string; siteId: string; contactId: string; deviceId: string; technicianId: string };

const mutate = <T>(query: string, input: Record<string, unknown>) => graphqlData<T>(stack.gateway, query, { input });

// The pipeline's steps poll every 250 ms for up to a minute each; the error names the step that never got there.
const PIPELINE_STEP = { timeoutMs: 60_000, everyMs: 250 };

beforeAll(async () => {
  stack = await startE2eStack('e2e_case_clocks');
  const customer = await createCoveredCustomer(stack.gateway, {
    name: 'Clockwork Ltd',
    serial: '8G9999CLCK',
    site: { name: 'London HQ', subdivision: 'ENG', latitude: 51.5072, longitude: -0.1276 },
    technician: { name: 'Ada', email: 'it@clockwork.example' },
    contract: { reference: 'PP-CLOCKWORK', options: ['ONSITE'] },
  });
  const { createTechnician } = await mutate<{ createTechnician: { id: string } }>(
    'mutation ($input: CreateTechnicianInput!) { createTechnician(input: $input) { id } }',
    {
      name: 'Tess',
      region: 'UK-CLOCK',
      skills: ['ROOM'],
      homeLatitude: 51.45,
      homeLongitude: -0.1,
      timeZone: 'Europe/London',
    },
  );
  await graphqlData(
    stack.gateway,
    'mutation { setOnsiteAvailability(input: { countryCode: "GB", productType: ROOM, available: true }) { id } }',
  );
  await mutate('mutation ($input: CreatePartInput!) { createPart(input: $input) { id } }', {
    partNumber: '2215-CLCK1',
    name: 'Studio X50 camera module',
    productModel: 'Studio X50',
  });
  const { createDepot } = await mutate<{ createDepot: { id: string } }>(
    'mutation ($input: CreateDepotInput!) { createDepot(input: $input) { id } }',
    {
      code: 'LCY',
      countryCode: 'GB',
      subdivision: 'ENG',
      timeZone: 'Europe/London',
      servesCountries: ['GB'],
    },
  );
  await graphqlData(
    stack.gateway,
    'mutation ($depotId: ID!) { setStock(input: { depotId: $depotId, partNumber: "2215-CLCK1", quantity: 5 }) }',
    { depotId: createDepot.id },
  );
  ids = { ...customer, technicianId: createTechnician.id };
}, 600_000);

afterAll(() => stack?.teardown(), 120_000);

describe('case clocks through the gateway, on the stack’s test clock', () => {
  it('a part ordered on a Friday at 15:01 depot time ships Monday, arrives Tuesday, and the onsite visit is planned no earlier than Tuesday; the case waits on the part', async () => {
    const { setTestClock } = await graphqlData<{ setTestClock: { mode: string; now: string; appliedBy: number; listening: number } }>(
      stack.gateway,
      'mutation ($at: DateTimeISO!) { setTestClock(input: { frozenAt: $at }) { mode now appliedBy listening } }',
      { at: FRIDAY_AFTER_CUTOFF },
    );
    expect(setTestClock).toMatchObject({ mode: 'FROZEN', now: FRIDAY_AFTER_CUTOFF });
    // Every process of the stack that reads "now" (incidents, devices, logistics, the scheduler) applied it before the answer.
    expect(setTestClock.listening).toBeGreaterThanOrEqual(4);
    expect(setTestClock.appliedBy).toBe(setTestClock.listening);

    // The customer phoned at 14:50; support logs it now, on the frozen Friday.
    const { openIncident } = await mutate<{ openIncident: { id: string; reportedAt: string; contactedAt: string; responseDueAt: string } }>(
      'mutation ($input: OpenIncidentInput!) { openIncident(input: $input) { id reportedAt contactedAt responseDueAt } }',
      {
        contactId: ids.contactId,
        deviceId: ids.deviceId,
        severity: 2,
        channel: 'PHONE',
        contactedAt: '2027-03-05T14:50:00Z',
        summary: 'Camera module dead',
      },
    );
    expect(openIncident).toMatchObject({
      reportedAt: FRIDAY_AFTER_CUTOFF,
      contactedAt: '2027-03-05T14:50:00.000Z',
      responseDueAt: '2027-03-05T15:50:00.000Z',
    });

    const { orderReplacement: order } = await mutate<{
      orderReplacement: { id: string; orderReceivedAt: string; shipDate: string; expectedDelivery: string; expectedDeliveryAt: string };
    }>(
      'mutation ($input: OrderReplacementInput!) { orderReplacement(input: $input) { id orderReceivedAt shipDate expectedDelivery expectedDeliveryAt } }',
      { incidentId: openIncident.id, partNumber: '2215-CLCK1' },
    );
    expect(order).toMatchObject({ orderReceivedAt: FRIDAY_AFTER_CUTOFF, shipDate: '2027-03-08', expectedDelivery: '2027-03-09' });
    expect(order.expectedDeliveryAt.startsWith('2027-03-09')).toBe(true);

    type Visit = {
      replacementOrderId: string | null;
      status: string;
      releaseAt: string | null;
      windowStart: string | null;
      technician: { id: string } | null;
    };
    const visitOf = async () => {
      const { incident } = await graphqlData<{ incident: { onsiteVisits: Visit[] } }>(
        stack.gateway,
        'query ($id: ID!) { incident(id: $id) { onsiteVisits { replacementOrderId status releaseAt windowStart technician { id } } } }',
        { id: openIncident.id },
      );
      return incident.onsiteVisits.find((visit) => visit.replacementOrderId === order.id);
    };
    const planned = await until(visitOf, 'visit planned', { ...PIPELINE_STEP, holds: (visit) => visit.status === 'PLANNED' });
    expect(planned.releaseAt).toBe(order.expectedDeliveryAt);
    expect(planned.technician).toEqual({ id: ids.technicianId });
    expect(Date.parse(planned.windowStart as string)).toBeGreaterThanOrEqual(Date.parse(order.expectedDeliveryAt));
    expect((planned.windowStart as string) >= '2027-03-09').toBe(true);

    // The resolution clock pauses from the order while the part is on its way.
    type Clock = {
      state: string;
      dueAt: string | null;
      waitingOn: string[];
      pauses: { reason: string; source: string; from: string; to: string | null }[];
    };
    const clockOf = async () =>
      (
        await graphqlData<{ incident: { resolutionClock: Clock } }>(
          stack.gateway,
          'query ($id: ID!) { incident(id: $id) { resolutionClock { state dueAt waitingOn pauses { reason source from to } } } }',
          { id: openIncident.id },
        )
      ).incident.resolutionClock;
    const waiting = await until(clockOf, 'case waits on the part', {
      ...PIPELINE_STEP,
      holds: (clock) => clock.waitingOn.includes('WAITING_ON_PART'),
    });
    expect(waiting).toMatchObject({
      state: 'PAUSED',
      dueAt: null,
      pauses: [{ reason: 'WAITING_ON_PART', source: 'REPLACEMENT_ORDER', from: FRIDAY_AFTER_CUTOFF, to: null }],
    });

    // The calendar the case runs on explains the dates: London's hours and its next holiday.
    const { incident } = await graphqlData<{
      incident: { calendar: { timeZone: string; hoursSummary: string; upcomingClosures: { date: string; name: string }[] } };
    }>(
      stack.gateway,
      'query ($id: ID!) { incident(id: $id) { calendar(closures: 1) { timeZone hoursSummary upcomingClosures { date name } } } }',
      { id: openIncident.id },
    );
    expect(incident.calendar).toEqual({
      timeZone: 'Europe/London',
      hoursSummary: 'Mon–Fri 08:00–17:30',
      upcomingClosures: [{ date: '2027-03-26', name: 'Good Friday' }],
    });
  }, 300_000);

  it('the test clock is for vendor staff: a customer may not move it, and a reset returns the stack to real time', async () => {
    const customer = await stack.as({ subject: 'ada', role: 'CUSTOMER_ADMIN', customerIds: [ids.customerId] });
    const refused = await graphqlRequest(customer, 'mutation { setTestClock(input: { offsetMinutes: 60 }) { mode } }');
    expect(refused.errors?.[0]).toMatchObject({ extensions: { code: 'FORBIDDEN' } });
    const { resetTestClock } = await graphqlData<{ resetTestClock: { mode: string; now: string } }>(
      stack.gateway,
      'mutation { resetTestClock { mode now } }',
    );
    expect(resetTestClock.mode).toBe('SYSTEM');
    expect(Math.abs(Date.parse(resetTestClock.now) - Date.now())).toBeLessThan(60_000);
  }, 60_000);
});
