import { randomUUID } from 'node:crypto';
import { graphqlData, graphqlRequest } from '@polyplus/local-stack';
import { startE2eStack, type E2eStack } from './support/e2e-stack';

let stack: E2eStack;
let contactId: string;
let customerId: string;
const devices: Record<string, string> = {};

type QueueEntry = {
  id: string;
  severity: number;
  responseDueAt: string;
  businessMinutesRemaining: number;
  device: { serialNumber: string };
  customer: { name: string };
};

async function openCase(deviceId: string, severity: number, summary: string): Promise<{ id: string; version: number }> {
  const { openIncident } = await graphqlData<{ openIncident: { id: string; version: number } }>(
    stack.gateway,
    'mutation ($input: OpenIncidentInput!) { openIncident(input: $input) { id version } }',
    { input: { contactId, deviceId, severity, channel: 'CHAT', summary } },
  );
  return openIncident;
}

beforeAll(async () => {
  stack = await startE2eStack('e2e_incidents');
  const url = stack.gateway;
  ({
    createCustomer: { id: customerId },
  } = await graphqlData<{ createCustomer: { id: string } }>(url, 'mutation { createCustomer(input: { name: "Globex" }) { id } }'));
  const { createSite } = await graphqlData<{ createSite: { id: string } }>(
    url,
    'mutation ($customerId: ID!) { createSite(input: { customerId: $customerId, name: "Springfield", countryCode: "US", subdivision: "OR", timeZone: "America/Los_Angeles" }) { id } }',
    { customerId },
  );
  ({
    addContact: { id: contactId },
  } = await graphqlData<{ addContact: { id: string } }>(
    url,
    'mutation ($customerId: ID!) { addContact(input: { customerId: $customerId, email: "hank@globex.example", name: "Hank", role: TECHNICIAN, designated: true }) { id } }',
    { customerId },
  ));
  for (const serial of ['GLOBEX-0001', 'GLOBEX-0002', 'GLOBEX-0003', 'GLOBEX-UNCOVERED']) {
    const { registerDevice } = await graphqlData<{ registerDevice: { id: string } }>(
      url,
      'mutation ($input: RegisterDeviceInput!) { registerDevice(input: $input) { id } }',
      { input: { customerId, siteId: createSite.id, serialNumber: serial, productModel: 'Studio X50' } },
    );
    devices[serial] = registerDevice.id;
  }
  await graphqlData(url, 'mutation ($input: CreateContractInput!) { createContract(input: $input) { id } }', {
    input: {
      customerId,
      reference: 'PP-GLOBEX',
      startsOn: '2025-01-01',
      endsOn: '2099-12-31',
      deviceIds: ['GLOBEX-0001', 'GLOBEX-0002', 'GLOBEX-0003'].map((s) => devices[s]),
    },
  });
}, 120_000);

afterAll(() => stack?.teardown(), 60_000);

describe('incident management through the gateway', () => {
  it('a support engineer’s queue lists open cases by due instant with device, customer and business minutes remaining', async () => {
    await openCase(devices['GLOBEX-0001'], 3, 'Minor: UI typo');
    await openCase(devices['GLOBEX-0002'], 1, 'Critical: all rooms down');
    await openCase(devices['GLOBEX-0003'], 2, 'Major: camera freezes');
    const { supportQueue } = await graphqlData<{ supportQueue: QueueEntry[] }>(
      stack.gateway,
      '{ supportQueue { id severity responseDueAt businessMinutesRemaining device { serialNumber } customer { name } } }',
    );
    expect(supportQueue.map((entry) => [entry.severity, entry.device.serialNumber, entry.customer.name])).toEqual([
      [1, 'GLOBEX-0002', 'Globex'],
      [2, 'GLOBEX-0003', 'Globex'],
      [3, 'GLOBEX-0001', 'Globex'],
    ]);
    const dues = supportQueue.map((entry) => Date.parse(entry.responseDueAt));
    expect(dues).toEqual([...dues].sort((a, b) => a - b));
    // Never more business time left than the severity's response objective (30, 60, 120 minutes).
    supportQueue.forEach((entry, i) => expect(entry.businessMinutesRemaining).toBeLessThanOrEqual([30, 60, 120][i]));
  });

  it('a contact who is not designated is refused with FORBIDDEN', async () => {
    const result = await graphqlRequest(stack.gateway, 'mutation ($input: OpenIncidentInput!) { openIncident(input: $input) { id } }', {
      input: { contactId: randomUUID(), deviceId: devices['GLOBEX-0001'], severity: 2, channel: 'WEB', summary: 'x' },
    });
    expect(result.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });

  it('a device without a covering contract is refused with FORBIDDEN', async () => {
    const result = await graphqlRequest(stack.gateway, 'mutation ($input: OpenIncidentInput!) { openIncident(input: $input) { id } }', {
      input: { contactId, deviceId: devices['GLOBEX-UNCOVERED'], severity: 2, channel: 'WEB', summary: 'x' },
    });
    expect(result.errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'DEVICE_NOT_COVERED' });
  });

  it('an engineer’s response is audited as the verified caller, not the name typed in engineer, and a change based on the old version gets CONFLICT', async () => {
    const incident = await openCase(devices['GLOBEX-0001'], 2, 'Audio drops');
    const respond =
      'mutation ($input: IncidentActionInput!) { respondToIncident(input: $input) { status version responseObjectiveMet auditTrail { action actor } } }';
    const { respondToIncident } = await graphqlData<{
      respondToIncident: { status: string; version: number; auditTrail: { action: string; actor: string }[] };
    }>(stack.gateway, respond, { input: { incidentId: incident.id, expectedVersion: incident.version, engineer: 'tsr.kim' } });
    expect(respondToIncident).toMatchObject({ status: 'RESPONDED', version: 2, responseObjectiveMet: true });
    expect(respondToIncident.auditTrail.map((entry) => entry.action)).toEqual(['OPENED', 'RESPONDED']);
    expect(respondToIncident.auditTrail[1].actor).toBe('SUPPORT_ENGINEER:demo-engineer');
    const stale = await graphqlRequest(
      stack.gateway,
      'mutation ($input: IncidentActionInput!) { startWorkOnIncident(input: $input) { id } }',
      {
        input: { incidentId: incident.id, expectedVersion: incident.version },
      },
    );
    expect(stale.errors?.[0].extensions?.code).toBe('CONFLICT');
  });
});
