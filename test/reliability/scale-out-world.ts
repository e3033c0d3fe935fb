import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createClient, type Client, type FormattedExecutionResult } from 'graphql-ws';
import { WebSocket } from 'ws';
import { graphqlRequest, type GraphQLTarget } from '@polyplus/local-stack';
import { memorySeenWebhookIds, verifyWebhook, type WebhookPayload } from '@polyplus/webhooks';

/** The region the load's technicians and sites are in. */
export const REGION = 'UK-SCALE';
export const PART = '2215-SCALE';
export const WEBHOOK_EVENT_TYPES = ['incident.opened', 'incident.escalated', 'replacement.ordered', 'replacement.eta-changed'];

/**
 * Clients alternate between the gateways, as behind a round-robin load balancer; a gateway that
 * refused a connection is left out from then on (the client's view of a dead instance).
 */
export class Gateways {
  private turn = 0;
  private readonly down = new Set<number>();

  constructor(
    private readonly urls: string[],
    private readonly token: string,
  ) {}

  next(): GraphQLTarget {
    const live = this.urls.map((_, index) => index).filter((index) => !this.down.has(index));
    const index = live[this.turn++ % live.length];
    return { url: this.urls[index], token: this.token };
  }

  markDown(index: number): void {
    this.down.add(index);
  }

  /** Data, or null when the request failed (no answer, or errors): the load goes on either way. */
  async ask<T>(query: string, variables: Record<string, unknown> = {}): Promise<T | null> {
    const target = this.next() as { url: string; token: string };
    try {
      const result = await graphqlRequest<T>(target, query, variables);
      return result.errors?.length || !result.data ? null : result.data;
    } catch {
      return null;
    }
  }

  /** Like `ask`, but throws on failure: for set-up, which runs before anything is killed. */
  async must<T>(query: string, variables: Record<string, unknown> = {}): Promise<T> {
    const result = await graphqlRequest<T>(this.next(), query, variables);
    if (result.errors?.length || !result.data) throw new Error(`${query.slice(0, 60)}…: ${JSON.stringify(result.errors)}`);
    return result.data;
  }
}

export type Tenant = { customerId: string; siteId: string; contactId: string; deviceId: string };

/** Customers with an onsite contract in London, the part in stock, technicians in the region. */
export async function createWorld(staff: Gateways, tenants: number): Promise<Tenant[]> {
  await staff.must('mutation { setOnsiteAvailability(input: { countryCode: "GB", productType: ROOM, available: true }) { id } }');
  await staff.must(
    `mutation { createPart(input: { partNumber: "${PART}", name: "Studio X50 camera module", productModel: "Studio X50" }) { id } }`,
  );
  await staff.must(
    `mutation { createPriceBook(input: { name: "List 2026", currency: "GBP", validFrom: "2026-01-01", prices: [{ partNumber: "${PART}", listPrice: "249.00" }] }) { id } }`,
  );
  const { createDepot } = await staff.must<{ createDepot: { id: string } }>(
    'mutation { createDepot(input: { code: "LHR", countryCode: "GB", subdivision: "ENG", timeZone: "Europe/London", servesCountries: ["GB"] }) { id } }',
  );
  await staff.must(`mutation ($depotId: ID!) { setStock(input: { depotId: $depotId, partNumber: "${PART}", quantity: 100000 }) }`, {
    depotId: createDepot.id,
  });
  for (let i = 0; i < 3; i++) {
    await staff.must(
      `mutation { createTechnician(input: { name: "Tech ${i}", region: "${REGION}", skills: ["ROOM"], homeLatitude: ${51.45 + i * 0.05}, homeLongitude: -0.1, timeZone: "Europe/London" }) { id } }`,
    );
  }
  const created: Tenant[] = [];
  for (let i = 0; i < tenants; i++) {
    const { createCustomer } = await staff.must<{ createCustomer: { id: string } }>(
      'mutation ($name: String!) { createCustomer(input: { name: $name }) { id } }',
      { name: `Scale Customer ${i}` },
    );
    const customerId = createCustomer.id;
    const input = (value: Record<string, unknown>) => ({ input: { customerId, ...value } });
    const { createSite } = await staff.must<{ createSite: { id: string } }>(
      'mutation ($input: CreateSiteInput!) { createSite(input: $input) { id } }',
      input({
        name: `Site ${i}`,
        countryCode: 'GB',
        subdivision: 'ENG',
        timeZone: 'Europe/London',
        latitude: 51.5 + i * 0.01,
        longitude: -0.12,
      }),
    );
    const { addContact } = await staff.must<{ addContact: { id: string } }>(
      'mutation ($input: AddContactInput!) { addContact(input: $input) { id } }',
      input({ email: `tech${i}@scale.example`, name: `Tech ${i}`, role: 'TECHNICIAN', designated: true }),
    );
    const { registerDevice } = await staff.must<{ registerDevice: { id: string } }>(
      'mutation ($input: RegisterDeviceInput!) { registerDevice(input: $input) { id } }',
      input({ siteId: createSite.id, serialNumber: `SCALE-${i}`, productModel: 'Studio X50' }),
    );
    await staff.must(
      'mutation ($input: CreateContractInput!) { createContract(input: $input) { id } }',
      input({
        reference: `PP-SCALE-${i}`,
        startsOn: '2025-01-01',
        endsOn: '2099-12-31',
        options: ['ONSITE'],
        deviceIds: [registerDevice.id],
      }),
    );
    created.push({ customerId, siteId: createSite.id, contactId: addContact.id, deviceId: registerDevice.id });
  }
  return created;
}

export const OPEN_CASE = 'mutation ($input: OpenIncidentInput!) { openIncident(input: $input) { id } }';
export const ORDER = 'mutation ($input: OrderReplacementInput!) { orderReplacement(input: $input) { id } }';
export const SHIP = 'mutation ($input: ShipOrderInput!) { shipReplacement(input: $input) { id } }';
export const TRACK = 'mutation ($input: RecordTrackingEventInput!) { recordTrackingEvent(input: $input) { status } }';

/** What a subscription delivered, in order. */
export type Feed = { items: { topic: string; key: string }[]; errors: unknown[]; closed: boolean };

/** A graphql-ws subscription on one gateway; each delivery is recorded as (what happened, to which entity). */
export function subscribe(
  url: string,
  token: string,
  query: string,
  read: (data: Record<string, unknown>) => { topic: string; key: string },
): { client: Client; feed: Feed } {
  const feed: Feed = { items: [], errors: [], closed: false };
  const client = createClient({
    url: url.replace(/^http/, 'ws'),
    webSocketImpl: WebSocket,
    connectionParams: { authorization: `Bearer ${token}` },
    retryAttempts: 0,
    lazy: false,
    onNonLazyError: () => undefined,
    on: { closed: () => void (feed.closed = true) },
  });
  client.subscribe(
    { query },
    {
      next: (result: FormattedExecutionResult) => {
        if (result.errors) feed.errors.push(result.errors);
        if (result.data) feed.items.push(read(result.data as Record<string, unknown>));
      },
      error: (error) => void feed.errors.push(error),
      complete: () => undefined,
    },
  );
  return { client, feed };
}

/** A partner's webhook receiver built on the verifier we ship: each delivery id is accepted once. */
export type WebhookReceiver = { url: string; accepted: WebhookPayload[]; acceptedIds: string[]; replays: number; close(): Promise<void> };

export async function startWebhookReceiver(secret: () => string): Promise<WebhookReceiver> {
  const seenIds = memorySeenWebhookIds();
  const receiver: Omit<WebhookReceiver, 'url' | 'close'> = { accepted: [], acceptedIds: [], replays: 0 };
  const server: Server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    // Fire-and-forget from the 'end' event: every failure is caught below and answered.
    request.on('end', () => void answer());
    const answer = async () => {
      const body = Buffer.concat(chunks).toString('utf8');
      try {
        const verified = await verifyWebhook<WebhookPayload>({ headers: request.headers, body, secrets: [secret()], seenIds });
        receiver.accepted.push(verified.payload);
        receiver.acceptedIds.push(String(request.headers['webhook-id']));
        response.writeHead(200).end();
      } catch (error) {
        // A redelivery of an id already accepted (the sender did not hear the first answer): fine, once.
        if ((error as { reason?: string }).reason === 'REPLAYED') {
          receiver.replays++;
          response.writeHead(200).end();
        } else {
          response.writeHead(400).end();
        }
      }
    };
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return Object.assign(receiver, {
    url: `http://127.0.0.1:${port}/hooks`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  });
}
