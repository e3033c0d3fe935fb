import { createClient, type Client, type FormattedExecutionResult } from 'graphql-ws';
import { WebSocket } from 'ws';
import { graphqlData } from '@polyplus/local-stack';
import { authConfig, issueToken, type Principal } from '@polyplus/auth';
import { createCoveredCustomer } from '@polyplus/testing';
import { businessMorningClock } from './support/business-hours-clock';
import { flapCase } from './support/flapping-case';
import { startE2eStack, type E2eStack } from './support/e2e-stack';

type Tenant = {
  name: string;
  customerId: string;
  contactId: string;
  deviceId: string;
  siteId: string;
  serial: string;
  principal: Principal;
};

type CaseUpdate = {
  topic: string;
  incident: {
    id: string;
    status: string;
    device: { serialNumber: string };
    customer: { name: string };
    replacementOrders: { partNumber: string; expectedDelivery: string | null }[];
  };
};

let stack: E2eStack;
const tenants: Record<'a' | 'b', Tenant> = {} as never;
const clients: Client[] = [];

/** A subscription's deliveries as they arrive, and a bounded wait for one that matches. */
type Feed<T> = { items: T[]; errors: unknown[]; next(matches: (item: T) => boolean, what: string): Promise<T> };

async function connect(token: string): Promise<{ client: Client; closed: Promise<number> }> {
  let onClosed: (code: number) => void = () => undefined;
  const closed = new Promise<number>((resolve) => (onClosed = resolve));
  const client = createClient({
    url: stack.gatewayUrl.replace(/^http/, 'ws'),
    webSocketImpl: WebSocket,
    connectionParams: { authorization: `Bearer ${token}` },
    retryAttempts: 0,
    lazy: false,
    onNonLazyError: () => undefined,
    on: { closed: (event) => onClosed((event as { code: number }).code) },
  });
  clients.push(client);
  return { client, closed };
}

function subscribe<T>(client: Client, query: string, field: string, variables: Record<string, unknown> = {}): Feed<T> {
  const items: T[] = [];
  const errors: unknown[] = [];
  client.subscribe(
    { query, variables },
    {
      next: (result: FormattedExecutionResult) => {
        if (result.errors) errors.push(result.errors);
        if (result.data) items.push(result.data[field] as T);
      },
      error: (error) => void errors.push(error),
      complete: () => undefined,
    },
  );
  let cursor = 0;
  return {
    items,
    errors,
    // Deliveries arrive in order: each wait looks only past what the previous waits consumed.
    async next(matches, what) {
      for (let attempt = 0; attempt < 600; attempt++) {
        const index = items.findIndex((item, i) => i >= cursor && matches(item));
        if (index >= 0) {
          cursor = index + 1;
          return items[index];
        }
        if (errors.length > 0) throw new Error(`${what}: ${JSON.stringify(errors)}`);
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      throw new Error(`${what}: not delivered; received ${JSON.stringify(items)}`);
    },
  };
}

async function createTenant(name: string, serial: string): Promise<Tenant> {
  const site = { subdivision: 'ENG', latitude: 51.5, longitude: -0.12 };
  const { customerId, contactId, deviceId, siteId } = await createCoveredCustomer(stack.gateway, { name, serial, site });
  const principal: Principal = { subject: `admin-${serial}`, role: 'CUSTOMER_ADMIN', customerIds: [customerId] };
  return { name, customerId, contactId, deviceId, siteId, serial, principal };
}

async function openCase(tenant: Tenant, summary: string, severity = 2): Promise<string> {
  const { openIncident } = await graphqlData<{ openIncident: { id: string } }>(
    stack.gateway,
    'mutation ($input: OpenIncidentInput!) { openIncident(input: $input) { id } }',
    {
      input: { contactId: tenant.contactId, deviceId: tenant.deviceId, severity, channel: 'WEB', summary },
    },
  );
  return openIncident.id;
}

async function versionOf(incidentId: string): Promise<number> {
  const { incident } = await graphqlData<{ incident: { version: number } }>(
    stack.gateway,
    'query ($id: ID!) { incident(id: $id) { version } }',
    { id: incidentId },
  );
  return incident.version;
}

const tokenFor = (principal: Principal) => issueToken(principal, authConfig(stack.env));

beforeAll(async () => {
  // Every case escalates as soon as it is opened (level 1 after 0 business minutes, until the first response).
  // Escalation after 0 business minutes is immediate only in business hours: the stack's clock starts in them.
  stack = await startE2eStack('e2e_subscriptions', {
    ...businessMorningClock(),
    INCIDENTS_ESCALATION_MINUTES: '{"1":[0],"2":[0],"3":[0]}',
  });
  tenants.a = await createTenant('Acme Studios', 'ACME-SUB-01');
  tenants.b = await createTenant('Bravo Media', 'BRAVO-SUB-01');
  await graphqlData(
    stack.gateway,
    'mutation { createPart(input: { partNumber: "2215-SUB01", name: "Studio X50 camera module", productModel: "Studio X50" }) { id } }',
  );
  await graphqlData(
    stack.gateway,
    'mutation { createPriceBook(input: { name: "List 2026", currency: "GBP", validFrom: "2026-01-01", prices: [{ partNumber: "2215-SUB01", listPrice: "249.00" }] }) { id } }',
  );
  const { createDepot } = await graphqlData<{ createDepot: { id: string } }>(
    stack.gateway,
    'mutation { createDepot(input: { code: "LHR", countryCode: "GB", subdivision: "ENG", timeZone: "Europe/London", servesCountries: ["GB"] }) { id } }',
  );
  await graphqlData(
    stack.gateway,
    'mutation ($depotId: ID!) { setStock(input: { depotId: $depotId, partNumber: "2215-SUB01", quantity: 5 }) }',
    { depotId: createDepot.id },
  );
}, 180_000);

afterAll(async () => {
  await Promise.all(clients.map((client) => client.dispose()));
  await stack?.teardown();
}, 60_000);

const CASE_UPDATES = `subscription CaseUpdates {
  incidentUpdated {
    topic
    incident { id status device { serialNumber } customer { name } replacementOrders { partNumber expectedDelivery } }
  }
}`;

describe('GraphQL subscriptions through the gateway', () => {
  it('opening, escalating and resolving a case reach its customer in order with fields from several subgraphs, and another customer receives none of them', async () => {
    const a = subscribe<CaseUpdate>((await connect(await tokenFor(tenants.a.principal))).client, CASE_UPDATES, 'incidentUpdated');
    const b = subscribe<CaseUpdate>(
      (await connect(await tokenFor(tenants.b.principal))).client,
      'subscription { incidentUpdated { topic incident { id } } }',
      'incidentUpdated',
    );
    const staff = subscribe<CaseUpdate>(
      (await connect(stack.gateway.token)).client,
      'subscription ($customerId: ID!) { incidentUpdated(filter: { status: RESOLVED, customerId: $customerId }) { topic incident { id status } } }',
      'incidentUpdated',
      { customerId: tenants.a.customerId },
    );
    // graphql-ws does not acknowledge a subscribe: a first case of each customer shows both are live.
    const warmUpA = await openCase(tenants.a, 'warm-up');
    await a.next((u) => u.incident.id === warmUpA, 'A’s warm-up case');
    const warmUpB = await openCase(tenants.b, 'warm-up');
    await b.next((u) => u.incident.id === warmUpB, 'B’s warm-up case');

    const caseId = await openCase(tenants.a, 'Camera module dead');
    const mine = (topic: string) => (u: CaseUpdate) => u.incident.id === caseId && u.topic === topic;
    const opened = await a.next(mine('incident.opened'), 'opened');
    const escalated = await a.next(mine('incident.escalated'), 'escalated');
    const { orderReplacement } = await graphqlData<{ orderReplacement: { expectedDelivery: string } }>(
      stack.gateway,
      'mutation ($input: OrderReplacementInput!) { orderReplacement(input: $input) { expectedDelivery } }',
      { input: { incidentId: caseId, partNumber: '2215-SUB01', quantity: 1 } },
    );
    // The case waits on the part from the order on (its resolution clock pauses): seen before the response.
    const paused = await a.next(mine('incident.clock-paused'), 'paused on the part');
    await graphqlData(stack.gateway, 'mutation ($input: IncidentActionInput!) { respondToIncident(input: $input) { id } }', {
      input: { incidentId: caseId, expectedVersion: await versionOf(caseId) },
    });
    const responded = await a.next(mine('incident.status-changed'), 'responded');
    await graphqlData(stack.gateway, 'mutation ($input: ResolveIncidentInput!) { resolveIncident(input: $input) { id } }', {
      input: { incidentId: caseId, expectedVersion: await versionOf(caseId), resolution: 'Camera module replaced' },
    });
    const resolved = await a.next(mine('incident.status-changed'), 'resolved');

    const device = { serialNumber: 'ACME-SUB-01' };
    const customer = { name: 'Acme Studios' };
    const replacement = [{ partNumber: '2215-SUB01', expectedDelivery: orderReplacement.expectedDelivery }];
    expect(orderReplacement.expectedDelivery).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect([opened, escalated, paused, responded, resolved]).toEqual([
      { topic: 'incident.opened', incident: { id: caseId, status: 'NEW', device, customer, replacementOrders: [] } },
      { topic: 'incident.escalated', incident: { id: caseId, status: 'NEW', device, customer, replacementOrders: [] } },
      { topic: 'incident.clock-paused', incident: { id: caseId, status: 'NEW', device, customer, replacementOrders: replacement } },
      { topic: 'incident.status-changed', incident: { id: caseId, status: 'RESPONDED', device, customer, replacementOrders: replacement } },
      { topic: 'incident.status-changed', incident: { id: caseId, status: 'RESOLVED', device, customer, replacementOrders: replacement } },
    ]);
    // Every update of the case reached A once, in stream order.
    expect(a.items.filter((u) => u.incident.id === caseId).map((u) => `${u.topic} ${u.incident.status}`)).toEqual([
      'incident.opened NEW',
      'incident.escalated NEW',
      'incident.clock-paused NEW',
      'incident.status-changed RESPONDED',
      'incident.status-changed RESOLVED',
    ]);

    // B's own case opened after everything above: once B has it, B has been offered all of A's events.
    const laterB = await openCase(tenants.b, 'later');
    await b.next((u) => u.incident.id === laterB, 'B’s later case');
    expect(b.items.map((u) => u.incident.id).filter((id) => id !== warmUpB && id !== laterB)).toEqual([]);
    expect(b.errors).toEqual([]);

    // Staff filtered on resolved cases of A: the resolution is the first thing they received.
    expect(await staff.next(() => true, 'the resolved case')).toEqual({
      topic: 'incident.status-changed',
      incident: { id: caseId, status: 'RESOLVED' },
    });
  }, 120_000);

  it('20 transitions of one case in a row reach each of 2 subscribers all, in order, each with the status of its own event', async () => {
    type Transition = {
      event: { type: string; version: number; changed: string[] };
      incident: { id: string; status: string; device: { serialNumber: string } };
    };
    const query = `subscription ($customerId: ID!) {
      incidentUpdated(filter: { customerId: $customerId }) { event { type version changed } incident { id status device { serialNumber } } }
    }`;
    const admin = subscribe<Transition>((await connect(await tokenFor(tenants.a.principal))).client, query, 'incidentUpdated', {
      customerId: tenants.a.customerId,
    });
    const colleague = subscribe<Transition>(
      (await connect(await tokenFor({ ...tenants.a.principal, subject: 'second-admin' }))).client,
      query,
      'incidentUpdated',
      { customerId: tenants.a.customerId },
    );
    const caseId = await openCase(tenants.a, 'Flapping codec');
    await admin.next((u) => u.incident.id === caseId && u.event.type === 'incident.opened', 'the admin’s opening');
    await colleague.next((u) => u.incident.id === caseId && u.event.type === 'incident.opened', 'the colleague’s opening');

    // Each mutation is sent as soon as the previous one answered: no pause for the deliveries.
    const committed: { status: string; version: number }[] = [];
    let version = await versionOf(caseId);
    for (let i = 0; i < 20; i++) {
      const step = await flapCase(stack.gateway, caseId, version, i, `Restart the codec (${i})`);
      committed.push(step);
      version = step.version;
    }
    expect(committed.map((c) => c.status).slice(0, 4)).toEqual(['RESPONDED', 'IN_PROGRESS', 'WORKAROUND_PROVIDED', 'IN_PROGRESS']);

    for (const [who, feed] of [
      ['admin', admin],
      ['colleague', colleague],
    ] as const) {
      const received: Transition[] = [];
      for (let i = 0; i < 20; i++)
        received.push(
          await feed.next((u) => u.incident.id === caseId && u.event.type === 'incident.status-changed', `${who}: transition ${i + 1}`),
        );
      expect(received.map((u) => ({ status: u.incident.status, version: u.event.version }))).toEqual(committed);
      expect(received.every((u) => u.event.changed.includes('status') && u.incident.device.serialNumber === tenants.a.serial)).toBe(true);
    }
  });

  it('a visit change reaches a subscriber with the visit read through the supergraph, and not another customer', async () => {
    const caseId = await openCase(tenants.a, 'Display dead, needs a visit');
    const staff = subscribe<{ change: string; visit: { id: string; status: string; incident: { device: { serialNumber: string } } } }>(
      (await connect(stack.gateway.token)).client,
      'subscription ($incidentId: ID) { visitChanged(incidentId: $incidentId) { change visit { id status incident { device { serialNumber } } } } }',
      'visitChanged',
      { incidentId: caseId },
    );
    const b = subscribe<{ change: string; visit: { id: string } }>(
      (await connect(await tokenFor(tenants.b.principal))).client,
      'subscription { visitChanged { change visit { id } } }',
      'visitChanged',
    );
    // Both subscriptions are live once an incident update has gone through the same gateway after them.
    const probe = subscribe<CaseUpdate>(
      (await connect(await tokenFor(tenants.b.principal))).client,
      'subscription { incidentUpdated { incident { id } } }',
      'incidentUpdated',
    );
    const warmUpB = await openCase(tenants.b, 'visit warm-up');
    await probe.next((u) => u.incident.id === warmUpB, 'probe');

    const { requestOnsiteVisit } = await graphqlData<{ requestOnsiteVisit: { id: string } }>(
      stack.gateway,
      'mutation ($incidentId: ID!, $siteId: ID!) { requestOnsiteVisit(input: { incidentId: $incidentId, siteId: $siteId, region: "UK-SUBS" }) { id } }',
      { incidentId: caseId, siteId: tenants.a.siteId },
    );
    const created = await staff.next((c) => c.change === 'CREATED', 'the created visit');
    expect(created).toEqual({
      change: 'CREATED',
      visit: { id: requestOnsiteVisit.id, status: 'UNPLANNED', incident: { device: { serialNumber: 'ACME-SUB-01' } } },
    });

    // A visit of B's, requested after A's: once B has it, B has been offered A's visit too.
    const bCase = await openCase(tenants.b, 'B needs a visit');
    const { requestOnsiteVisit: bVisit } = await graphqlData<{ requestOnsiteVisit: { id: string } }>(
      stack.gateway,
      'mutation ($incidentId: ID!, $siteId: ID!) { requestOnsiteVisit(input: { incidentId: $incidentId, siteId: $siteId, region: "UK-SUBS" }) { id } }',
      { incidentId: bCase, siteId: tenants.b.siteId },
    );
    await b.next((c) => c.visit.id === bVisit.id, 'B’s own visit');
    expect(b.items.filter((c) => c.visit.id === requestOnsiteVisit.id)).toEqual([]);
    expect(staff.items.every((c) => c.visit.id === requestOnsiteVisit.id)).toBe(true);
  }, 120_000);

  it('a bad or expired token is refused when connecting', async () => {
    const config = authConfig(stack.env);
    const expired = await issueToken(tenants.a.principal, config, '-5m');
    const forged = await issueToken(tenants.a.principal, {
      ...config,
      jwtKeys: { [config.currentKeyId]: 'not-the-gateway-key-but-32-characters-long' },
    });
    for (const token of [expired, forged]) {
      const { client, closed } = await connect(token);
      const feed = subscribe<CaseUpdate>(client, CASE_UPDATES, 'incidentUpdated');
      expect(await closed).toBe(4403);
      expect(feed.items).toEqual([]);
    }
  });
});
