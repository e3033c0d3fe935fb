import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { graphqlData, graphqlRequest } from '@polyplus/local-stack';
import type { Principal } from '@polyplus/auth';
import { memorySeenWebhookIds, verifyWebhook, WebhookVerificationError, type WebhookPayload } from '@polyplus/webhooks';
import { until } from '@polyplus/polling';
import { flapCase } from './support/flapping-case';
import { startE2eStack, type E2eStack, type GatewayAs } from './support/e2e-stack';

type Received = { path: string; headers: IncomingHttpHeaders; body: string; answered: number };
type Delivery = {
  status: string;
  attemptCount: number;
  idempotencyKey: string;
  eventType: string;
  attempts: { attempt: number; outcome: string; statusCode: number | null }[];
};

/**
 * A partner's receiver built on the verifier we ship: every request is verified (signature,
 * timestamp, replayed id); a scripted status code models the partner's own outages.
 */
async function startReceiver(scripts: Record<string, number[]>, secrets: Record<string, string>) {
  const received: Received[] = [];
  const accepted: { path: string; payload: WebhookPayload }[] = [];
  const seenIds = memorySeenWebhookIds();
  const served = new Map<string, number>();
  const server: Server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    // Fire-and-forget from the 'end' event: a failed verification is caught below and answered.
    request.on('end', () => void answer());
    const answer = async () => {
      const path = request.url ?? '/';
      const body = Buffer.concat(chunks).toString('utf8');
      const n = served.get(path) ?? 0;
      served.set(path, n + 1);
      const script = scripts[path] ?? [404];
      let status = script[Math.min(n, script.length - 1)];
      if (status < 300) {
        try {
          const verified = await verifyWebhook<WebhookPayload>({ headers: request.headers, body, secrets: [secrets[path]], seenIds });
          accepted.push({ path, payload: verified.payload });
        } catch (error) {
          status = error instanceof WebhookVerificationError && error.reason === 'REPLAYED' ? 200 : 400;
        }
      }
      received.push({ path, headers: request.headers, body, answered: status });
      response.writeHead(status).end();
    };
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { server, url: (path: string) => `http://127.0.0.1:${port}${path}`, received, accepted };
}

let stack: E2eStack;
let receiver: Awaited<ReturnType<typeof startReceiver>>;
const secrets: Record<string, string> = {};
let partner: GatewayAs;
let customerAdmin: GatewayAs;
let customerId: string;
let contactId: string;
let deviceId: string;

beforeAll(async () => {
  receiver = await startReceiver({ '/flaky': [500, 500, 200], '/down': [503], '/mirror': [200] }, secrets);
  // The incidents process reads these at start: a local receiver is allowed, and retries take milliseconds.
  const settings: Record<string, string> = {
    WEBHOOK_ALLOW_PRIVATE_HOSTS: '127.0.0.1',
    WEBHOOK_RETRY_BASE_MS: '100',
    WEBHOOK_RETRY_MAX_MS: '400',
    WEBHOOK_MAX_ATTEMPTS: '3',
    WEBHOOK_DISABLE_AFTER_FAILURES: '2',
  };
  const previous = Object.fromEntries(Object.keys(settings).map((name) => [name, process.env[name]]));
  Object.assign(process.env, settings);
  try {
    stack = await startE2eStack('e2e_webhooks');
  } finally {
    for (const [name, value] of Object.entries(previous)) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
  }
  const staff = stack.gateway;
  ({
    createCustomer: { id: customerId },
  } = await graphqlData<{ createCustomer: { id: string } }>(staff, 'mutation { createCustomer(input: { name: "Webhook Co" }) { id } }'));
  const input = (value: Record<string, unknown>) => ({ input: { customerId, ...value } });
  const { createSite } = await graphqlData<{ createSite: { id: string } }>(
    staff,
    'mutation ($input: CreateSiteInput!) { createSite(input: $input) { id } }',
    input({ name: 'HQ', countryCode: 'GB', timeZone: 'Europe/London' }),
  );
  ({
    addContact: { id: contactId },
  } = await graphqlData<{ addContact: { id: string } }>(
    staff,
    'mutation ($input: AddContactInput!) { addContact(input: $input) { id } }',
    input({ email: 'tech@webhook.example', name: 'Tech', role: 'TECHNICIAN', designated: true }),
  ));
  ({
    registerDevice: { id: deviceId },
  } = await graphqlData<{ registerDevice: { id: string } }>(
    staff,
    'mutation ($input: RegisterDeviceInput!) { registerDevice(input: $input) { id } }',
    input({ siteId: createSite.id, serialNumber: 'WEBHOOK-01', productModel: 'Studio X50' }),
  ));
  await graphqlData(
    staff,
    'mutation ($input: CreateContractInput!) { createContract(input: $input) { id } }',
    input({ reference: 'PP-WEBHOOK-01', startsOn: '2025-01-01', endsOn: '2099-12-31', deviceIds: [deviceId] }),
  );
  const partnerPrincipal: Principal = { subject: 'partner-teams', role: 'PARTNER', customerIds: [customerId] };
  partner = await stack.as(partnerPrincipal);
  customerAdmin = await stack.as({ subject: 'admin-webhook', role: 'CUSTOMER_ADMIN', customerIds: [customerId] });
}, 180_000);

afterAll(async () => {
  await stack?.teardown();
  await new Promise((resolve) => receiver?.server.close(resolve));
}, 60_000);

const REGISTER =
  'mutation ($input: RegisterWebhookEndpointInput!) { registerWebhookEndpoint(input: $input) { endpoint { id status } secret } }';

async function register(path: string, eventTypes: string[]): Promise<string> {
  const { registerWebhookEndpoint } = await graphqlData<{ registerWebhookEndpoint: { endpoint: { id: string }; secret: string } }>(
    partner,
    REGISTER,
    { input: { url: receiver.url(path), eventTypes } },
  );
  secrets[path] = registerWebhookEndpoint.secret;
  return registerWebhookEndpoint.endpoint.id;
}

async function deliveriesOf(endpointId: string): Promise<Delivery[]> {
  const { webhookDeliveries } = await graphqlData<{ webhookDeliveries: Delivery[] }>(
    partner,
    'query ($id: ID!) { webhookDeliveries(endpointId: $id, first: 10) { status attemptCount idempotencyKey eventType attempts { attempt outcome statusCode } } }',
    { id: endpointId },
  );
  return webhookDeliveries;
}

async function openIncident(summary: string): Promise<{ id: string; version: number }> {
  const { openIncident } = await graphqlData<{ openIncident: { id: string; version: number } }>(
    stack.gateway,
    'mutation ($input: OpenIncidentInput!) { openIncident(input: $input) { id version } }',
    {
      input: { contactId, deviceId, severity: 2, channel: 'WEB', summary },
    },
  );
  return openIncident;
}

describe('partner webhooks through the gateway', () => {
  it('a private URL is refused at registration', async () => {
    for (const url of ['https://10.0.0.8/hooks', 'https://169.254.169.254/latest/meta-data', 'http://localhost:9/hooks']) {
      const result = await graphqlRequest(partner, REGISTER, { input: { url, eventTypes: ['incident.opened'] } });
      expect(result.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'url' });
    }
  });

  it('a customer principal gets FORBIDDEN for every webhook operation', async () => {
    const register = await graphqlRequest(customerAdmin, REGISTER, {
      input: { url: 'https://93.184.216.34/hooks', eventTypes: ['incident.opened'] },
    });
    const list = await graphqlRequest(customerAdmin, '{ webhookEndpoints { id } }');
    expect([register.errors?.[0].extensions?.code, list.errors?.[0].extensions?.code]).toEqual(['FORBIDDEN', 'FORBIDDEN']);
  });

  it('a receiver that fails twice then succeeds gets exactly one accepted, validly signed delivery, and the retries are in the delivery log', async () => {
    const endpointId = await register('/flaky', ['incident.opened']);
    const incident = await openIncident('Webhook camera fault');

    const [delivery] = await until(
      async () => {
        const rows = await deliveriesOf(endpointId);
        return rows[0]?.status === 'DELIVERED' && rows;
      },
      'the delivery to be accepted',
      { everyMs: 100 },
    );
    expect(delivery).toMatchObject({
      eventType: 'incident.opened',
      attemptCount: 3,
      attempts: [
        { attempt: 1, outcome: 'FAILED', statusCode: 500 },
        { attempt: 2, outcome: 'FAILED', statusCode: 500 },
        { attempt: 3, outcome: 'ACCEPTED', statusCode: 200 },
      ],
    });
    const requests = receiver.received.filter((request) => request.path === '/flaky');
    expect(requests.map((request) => request.answered)).toEqual([500, 500, 200]);
    expect(new Set(requests.map((request) => request.headers['webhook-id']))).toEqual(new Set([delivery.idempotencyKey]));
    expect(receiver.accepted.filter((entry) => entry.path === '/flaky')).toEqual([
      {
        path: '/flaky',
        payload: expect.objectContaining({
          type: 'incident.opened',
          data: expect.objectContaining({ incidentId: incident.id, customerId }),
        }),
      },
    ]);
  });

  it('an endpoint that always fails is disabled after consecutive failed deliveries', async () => {
    const endpointId = await register('/down', ['incident.status-changed']);
    const incident = await openIncident('Webhook audio fault');
    const respond = 'mutation ($input: IncidentActionInput!) { respondToIncident(input: $input) { version } }';
    const start = 'mutation ($input: IncidentActionInput!) { startWorkOnIncident(input: $input) { version } }';
    const { respondToIncident } = await graphqlData<{ respondToIncident: { version: number } }>(stack.gateway, respond, {
      input: { incidentId: incident.id, expectedVersion: incident.version },
    });
    await graphqlData(stack.gateway, start, { input: { incidentId: incident.id, expectedVersion: respondToIncident.version } });

    const endpoint = await until(
      async () => {
        const { webhookEndpoints } = await graphqlData<{
          webhookEndpoints: { id: string; status: string; consecutiveFailures: number; disabledReason: string | null }[];
        }>(partner, '{ webhookEndpoints { id status consecutiveFailures disabledReason } }');
        const found = webhookEndpoints.find((candidate) => candidate.id === endpointId);
        return found?.status === 'DISABLED' && found;
      },
      'the failing endpoint to be disabled',
      { everyMs: 100 },
    );
    expect(endpoint).toMatchObject({ consecutiveFailures: 2, disabledReason: expect.stringContaining('HTTP 503') });
    const deliveries = await deliveriesOf(endpointId);
    expect(deliveries.map((delivery) => [delivery.status, delivery.attemptCount])).toEqual([
      ['FAILED', 3],
      ['FAILED', 3],
    ]);
    expect(receiver.received.filter((request) => request.path === '/down')).toHaveLength(6);
  });

  // After the failing endpoints are disabled: this one alone receives the case's events.
  it('rapid transitions reach a partner each with the case as of its own event: version, changed fields and status in the body', async () => {
    await register('/mirror', ['incident.status-changed']);
    const incident = await openIncident('Webhook flapping codec');
    const committed: { status: string; version: number }[] = [];
    let version = incident.version;
    for (let i = 0; i < 8; i++) {
      const step = await flapCase(stack.gateway, incident.id, version, i);
      committed.push(step);
      version = step.version;
    }
    type Data = { incidentId: string; status: string; version: number; changed: string[]; snapshot: { status: string; version: number } };
    const bodies = await until(
      async () => {
        const mine = receiver.accepted
          .filter((entry) => entry.path === '/mirror' && (entry.payload.data as Data).incidentId === incident.id)
          .map((entry) => entry.payload.data as Data);
        return mine.length >= committed.length && mine;
      },
      'every transition at the partner',
      { everyMs: 100 },
    );
    // Deliveries run concurrently and retry on their own schedule: a receiver orders them by version.
    const byVersion = [...bodies].sort((a, b) => a.version - b.version);
    expect(byVersion.map((data) => ({ status: data.snapshot.status, version: data.version }))).toEqual(committed);
    expect(
      byVersion.every(
        (data) => data.status === data.snapshot.status && data.snapshot.version === data.version && data.changed.includes('status'),
      ),
    ).toBe(true);
  });
});
