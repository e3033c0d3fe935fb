import { randomBytes } from 'node:crypto';
import Redis from 'ioredis';
import { graphqlData, type GraphQLResult } from '@polyplus/local-stack';
import { startOtlpReceiver, type OtlpReceiver, type ReceivedSpan } from '@polyplus/testing';
import { startE2eStack, type E2eStack } from './support/e2e-stack';

// OTLP span kinds.
const SERVER = 2;
const CLIENT = 3;
const CONSUMER = 5;

let receiver: OtlpReceiver;
let stack: E2eStack;
let ids: { incidentId: string; deviceId: string; customerId: string };

/** A W3C traceparent of a trace this test starts itself, so the spans it causes can be told apart. */
function newTraceparent(): { traceId: string; traceparent: string } {
  const traceId = randomBytes(16).toString('hex');
  return { traceId, traceparent: `00-${traceId}-${randomBytes(8).toString('hex')}-01` };
}

/** A gateway request as a traced client makes it: its own `traceparent` header. */
async function tracedRequest<T>(traceparent: string, query: string, variables: Record<string, unknown> = {}): Promise<T> {
  const response = await fetch(stack.gateway.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${stack.gateway.token}`, traceparent },
    body: JSON.stringify({ query, variables }),
  });
  const result = (await response.json()) as GraphQLResult<T>;
  if (result.errors?.length || !result.data) throw new Error(`GraphQL errors: ${JSON.stringify(result.errors)}`);
  return result.data;
}

const inTrace = (traceId: string) => (spans: ReceivedSpan[]) => spans.filter((span) => span.traceId === traceId);

async function setUp(): Promise<void> {
  const url = stack.gateway;
  const { createCustomer } = await graphqlData<{ createCustomer: { id: string } }>(
    url,
    'mutation { createCustomer(input: { name: "Tracer Ltd" }) { id } }',
  );
  const { createSite } = await graphqlData<{ createSite: { id: string } }>(
    url,
    'mutation ($customerId: ID!) { createSite(input: { customerId: $customerId, name: "Reading", countryCode: "GB", subdivision: "ENG", timeZone: "Europe/London", latitude: 51.4543, longitude: -0.9781 }) { id } }',
    { customerId: createCustomer.id },
  );
  const { registerDevice } = await graphqlData<{ registerDevice: { id: string } }>(
    url,
    'mutation ($customerId: ID!, $siteId: ID!) { registerDevice(input: { customerId: $customerId, siteId: $siteId, serialNumber: "8G9999TRACE", productModel: "Studio X50" }) { id } }',
    { customerId: createCustomer.id, siteId: createSite.id },
  );
  const { addContact } = await graphqlData<{ addContact: { id: string } }>(
    url,
    'mutation ($customerId: ID!) { addContact(input: { customerId: $customerId, email: "it@tracer.example", name: "Ada", role: TECHNICIAN, designated: true }) { id } }',
    { customerId: createCustomer.id },
  );
  await graphqlData(
    url,
    'mutation ($customerId: ID!, $deviceId: ID!) { createContract(input: { customerId: $customerId, reference: "PP-TRACE", startsOn: "2025-01-01", endsOn: "2099-12-31", options: [ONSITE], deviceIds: [$deviceId] }) { id } }',
    { customerId: createCustomer.id, deviceId: registerDevice.id },
  );
  const { openIncident } = await graphqlData<{ openIncident: { id: string } }>(
    url,
    'mutation ($deviceId: ID!, $contactId: ID!) { openIncident(input: { contactId: $contactId, deviceId: $deviceId, severity: 2, channel: PHONE, summary: "Camera dead" }) { id } }',
    { deviceId: registerDevice.id, contactId: addContact.id },
  );
  await graphqlData(
    url,
    'mutation { createTechnician(input: { name: "Tess", region: "UK-TRACE", skills: ["ROOM"], homeLatitude: 51.45, homeLongitude: -0.97, timeZone: "Europe/London" }) { id } }',
  );
  await graphqlData(url, 'mutation { setOnsiteAvailability(input: { countryCode: "GB", productType: ROOM, available: true }) { id } }');
  await graphqlData(
    url,
    'mutation { createPart(input: { partNumber: "2215-TRACE", name: "Studio X50 camera module", productModel: "Studio X50" }) { id } }',
  );
  const { createDepot } = await graphqlData<{ createDepot: { id: string } }>(
    url,
    'mutation { createDepot(input: { code: "RDG", countryCode: "GB", subdivision: "ENG", timeZone: "Europe/London", servesCountries: ["GB"] }) { id } }',
  );
  await graphqlData(url, 'mutation ($depotId: ID!) { setStock(input: { depotId: $depotId, partNumber: "2215-TRACE", quantity: 5 }) }', {
    depotId: createDepot.id,
  });
  ids = { incidentId: openIncident.id, deviceId: registerDevice.id, customerId: createCustomer.id };
}

beforeAll(async () => {
  receiver = await startOtlpReceiver();
  // Every process exports to the receiver, in small batches so the test need not wait 5 s per batch.
  stack = await startE2eStack('e2e_tracing', { OTEL_EXPORTER_OTLP_ENDPOINT: receiver.url, OTEL_BSP_SCHEDULE_DELAY: '200' });
  await setUp();
}, 180_000);

afterAll(async () => {
  await stack?.teardown();
  await receiver?.close();
}, 60_000);

describe('traces across the supergraph', () => {
  it('one gateway request across three subgraphs is one trace: the gateway’s server span, a client span per hop, each subgraph’s server span under its hop, and their SQL', async () => {
    const { traceId, traceparent } = newTraceparent();
    const { incident } = await tracedRequest<{ incident: { device: { serialNumber: string }; customer: { name: string } } }>(
      traceparent,
      'query CaseWithDeviceAndCustomer($id: ID!) { incident(id: $id) { id device { serialNumber } customer { name } } }',
      { id: ids.incidentId },
    );
    expect(incident).toMatchObject({ device: { serialNumber: '8G9999TRACE' }, customer: { name: 'Tracer Ltd' } });

    const services = ['gateway', 'incidents', 'devices', 'customers'];
    const spans = inTrace(traceId)(
      await receiver.waitFor((all) => {
        const traced = inTrace(traceId)(all);
        return services.every((service) => traced.some((span) => span.service === service && span.kind === SERVER));
      }),
    );
    const byId = new Map(spans.map((span) => [span.spanId, span]));

    // The gateway's server span continues the caller's trace and is named after the operation.
    const gatewayServer = spans.find((span) => span.service === 'gateway' && span.kind === SERVER);
    expect(gatewayServer).toMatchObject({ name: 'query CaseWithDeviceAndCustomer', parentSpanId: traceparent.split('-')[2] });

    // Each subgraph's server span is the child of a gateway client span carrying its traceparent.
    for (const service of ['incidents', 'devices', 'customers']) {
      const server = spans.find((span) => span.service === service && span.kind === SERVER) as ReceivedSpan;
      const hop = byId.get(server.parentSpanId ?? '');
      expect({ service, hop: hop && { service: hop.service, kind: hop.kind } }).toEqual({
        service,
        hop: { service: 'gateway', kind: CLIENT },
      });
      expect(String(hop?.attributes['url.full'])).toMatch(/\/graphql$/);
    }

    // The subgraphs' reads are SQL spans with the statement and no values.
    const sql = spans.filter((span) => span.attributes['db.system.name'] === 'mysql');
    expect(new Set(sql.map((span) => span.service))).toEqual(new Set(['incidents', 'devices', 'customers']));
    for (const span of sql) expect(String(span.attributes['db.query.text'])).not.toContain(ids.incidentId);
    expect(
      sql.some(
        (span) => /^SELECT /.test(String(span.attributes['db.query.text'])) && String(span.attributes['db.query.text']).includes('?'),
      ),
    ).toBe(true);
  });

  it('a carrier’s ETA change is one trace from the tracking event to the scheduler’s re-plan: the outbox event carries it, the dispatch consumer and the optimisation run join it', async () => {
    const { orderReplacement: order } = await graphqlData<{ orderReplacement: { id: string; expectedDeliveryAt: string } }>(
      stack.gateway,
      'mutation ($incidentId: ID!) { orderReplacement(input: { incidentId: $incidentId, partNumber: "2215-TRACE" }) { id expectedDeliveryAt } }',
      { incidentId: ids.incidentId },
    );
    // The visit exists and is planned first, so the re-plan that follows is the ETA change's alone.
    for (let attempt = 0; ; attempt++) {
      const { incident } = await graphqlData<{ incident: { onsiteVisits: { replacementOrderId: string | null; status: string }[] } }>(
        stack.gateway,
        'query ($id: ID!) { incident(id: $id) { onsiteVisits { replacementOrderId status } } }',
        { id: ids.incidentId },
      );
      if (incident.onsiteVisits.some((visit) => visit.replacementOrderId === order.id && visit.status === 'PLANNED')) break;
      if (attempt > 300) throw new Error(`the visit for order ${order.id} was never planned: ${JSON.stringify(incident.onsiteVisits)}`);
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    await graphqlData(
      stack.gateway,
      'mutation ($orderId: ID!) { shipReplacement(input: { orderId: $orderId, carrier: "DHL", trackingNumber: "JD0TRACE01", partSerialNumber: "PS-TRACE-1" }) { id } }',
      { orderId: order.id },
    );

    const { traceId, traceparent } = newTraceparent();
    const eta = new Date(Date.parse(order.expectedDeliveryAt) + 2 * 86_400_000).toISOString();
    await tracedRequest(
      traceparent,
      'mutation CarrierException($at: DateTimeISO!, $eta: DateTimeISO!) { recordTrackingEvent(input: { carrier: "DHL", trackingNumber: "JD0TRACE01", status: EXCEPTION, at: $at, eta: $eta, note: "Missed connection" }) { status } }',
      {
        at: new Date().toISOString(),
        eta,
      },
    );

    // The ETA event on the stream carries the request's trace.
    const redis = new Redis(stack.env.REDIS_URL ?? 'redis://127.0.0.1:6379', { lazyConnect: true });
    await redis.connect();
    try {
      const entries = await redis.xrange(`${stack.env.QUEUE_PREFIX}:events`, '-', '+');
      const etaChanged = entries
        .map(([, fields]) => fields)
        .filter((fields) => fields[fields.indexOf('topic') + 1] === 'replacement.eta-changed');
      expect(etaChanged.map((fields) => fields[fields.indexOf('traceparent') + 1]?.split('-')[1])).toContain(traceId);
    } finally {
      redis.disconnect();
    }

    // Dispatch handles the event, and the scheduler's run it asked for, in that same trace.
    const spans = inTrace(traceId)(
      await receiver.waitFor(
        (all) => inTrace(traceId)(all).some((span) => span.service === 'scheduler' && span.name === 'dispatch-optimisation process'),
        90_000,
      ),
    );
    const byId = new Map(spans.map((span) => [span.spanId, span]));
    const consumed = spans.find(
      (span) => span.service === 'dispatch' && span.kind === CONSUMER && span.name === 'replacement.eta-changed process',
    ) as ReceivedSpan;
    expect(byId.get(consumed?.parentSpanId ?? '')).toMatchObject({ service: 'logistics', name: 'replacement.eta-changed publish' });
    const run = spans.find((span) => span.service === 'scheduler' && span.name === 'dispatch-optimisation process') as ReceivedSpan;
    expect(run).toMatchObject({
      kind: CONSUMER,
      attributes: expect.objectContaining({ 'messaging.destination.name': 'dispatch-optimisation' }),
    });
    // The run's own reads and writes of the plan are in the trace too.
    expect(spans.some((span) => span.service === 'scheduler' && span.attributes['db.system.name'] === 'mysql')).toBe(true);
  }, 180_000);
});
