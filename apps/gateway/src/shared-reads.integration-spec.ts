import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { authConfig, issueToken, PRINCIPAL_HEADER, type Principal } from '@polyplus/auth';
import type { RunningServer } from '@polyplus/subgraph-kit';
import { startGateway } from './gateway';

type Received = { principal: string; query: string };

describe('identical reads in flight share one subgraph request', () => {
  let customers: Server;
  let shared: RunningServer;
  let unshared: RunningServer;
  // What the customers subgraph (a stand-in) received; it holds every answer until the test releases them.
  const received: Received[] = [];
  let held: (() => void)[] = [];
  let answer: (query: string) => unknown = () => ({ data: { customers: [{ id: 'c1' }] } });

  const engineer: Principal = { subject: 'e1', role: 'SUPPORT_ENGINEER', customerIds: [] };
  const otherEngineer: Principal = { subject: 'e2', role: 'SUPPORT_ENGINEER', customerIds: [] };

  function standIn(request: IncomingMessage, response: ServerResponse): void {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const { query } = JSON.parse(Buffer.concat(chunks).toString('utf8')) as { query: string };
      received.push({ principal: String(request.headers[PRINCIPAL_HEADER]), query });
      held.push(() => response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(answer(query))));
    });
  }

  const release = () => {
    for (const send of held) send();
    held = [];
  };

  async function untilReceived(count: number): Promise<void> {
    for (let waited = 0; received.length < count; waited += 20) {
      if (waited > 60_000) throw new Error(`the subgraph received ${received.length} requests, not ${count}`);
      await sleep(20);
    }
  }

  beforeAll(async () => {
    customers = createServer(standIn);
    await new Promise<void>((resolve) => customers.listen(0, '127.0.0.1', resolve));
    const env = { ...process.env, CUSTOMERS_URL: `http://127.0.0.1:${(customers.address() as AddressInfo).port}/graphql` };
    shared = await startGateway({ port: 0, env });
    unshared = await startGateway({ port: 0, env: { ...env, GATEWAY_SHARED_READS: 'off' } });
  }, 180_000);
  afterAll(async () => {
    release();
    await shared?.stop();
    await unshared?.stop();
    await new Promise((resolve) => customers?.close(resolve));
  }, 60_000);
  beforeEach(() => {
    received.length = 0;
    answer = () => ({ data: { customers: [{ id: 'c1' }] } });
  });

  const send = async (gateway: RunningServer, principal: Principal, query: string) => {
    const token = await issueToken(principal, authConfig());
    const response = await fetch(gateway.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query }),
    });
    return response.json() as Promise<unknown>;
  };

  // The requests after the first reach the gateway's data source while the first is held; a slow
  // machine could make them arrive after the answer, which shows as extra requests, never as a pass.
  async function answeredAfterAllArrived<T>(answers: Promise<T>[], expected: number): Promise<T[]> {
    await untilReceived(expected);
    await sleep(2_000);
    release();
    return Promise.all(answers);
  }

  it('five identical queries by one principal make one subgraph request, and each caller gets the answer', async () => {
    const answers = await answeredAfterAllArrived(
      Array.from({ length: 5 }, () => send(shared, engineer, '{ customers { id } }')),
      1,
    );
    expect(received).toHaveLength(1);
    expect(answers).toEqual(Array(5).fill({ data: { customers: [{ id: 'c1' }] } }));
  });

  it('the same query by two principals makes two requests, each signed for its own principal', async () => {
    const answers = await answeredAfterAllArrived(
      [engineer, otherEngineer, engineer, otherEngineer].map((principal) => send(shared, principal, '{ customers { id } }')),
      2,
    );
    expect(received).toHaveLength(2);
    const subjects = received.map(
      ({ principal }) => (JSON.parse(Buffer.from(principal, 'base64url').toString('utf8')) as Principal).subject,
    );
    expect(subjects.sort()).toEqual(['e1', 'e2']);
    expect(answers).toEqual(Array(4).fill({ data: { customers: [{ id: 'c1' }] } }));
  });

  it('identical mutations are each sent', async () => {
    answer = () => ({ data: { setContactDesignation: { id: 'k1' } } });
    const mutation = 'mutation { setContactDesignation(designated: true, contactId: "k1") { id } }';
    await untilAnsweredEach(
      Array.from({ length: 3 }, () => send(shared, engineer, mutation)),
      3,
    );
    expect(received).toHaveLength(3);
    expect(received.every(({ query }) => query.startsWith('mutation'))).toBe(true);
  });

  it("a subgraph's error answer reaches every caller that shared the read", async () => {
    answer = () => ({ data: null, errors: [{ message: 'Customer service is busy', extensions: { code: 'SERVICE_UNAVAILABLE' } }] });
    const answers = await answeredAfterAllArrived(
      Array.from({ length: 3 }, () => send(shared, engineer, '{ customers { id } }')),
      1,
    );
    expect(received).toHaveLength(1);
    for (const one of answers as { data: unknown; errors: { message: string; extensions: { code: string } }[] }[]) {
      expect(one.data).toBeNull();
      expect(one.errors.map(({ message, extensions }) => [message, extensions.code])).toEqual([
        ['Customer service is busy', 'SERVICE_UNAVAILABLE'],
      ]);
    }
  });

  it('with GATEWAY_SHARED_READS=off every identical query is sent', async () => {
    const answers = await untilAnsweredEach(
      Array.from({ length: 4 }, () => send(unshared, engineer, '{ customers { id } }')),
      4,
    );
    expect(received).toHaveLength(4);
    expect(answers).toEqual(Array(4).fill({ data: { customers: [{ id: 'c1' }] } }));
  });

  // Released only once every request is at the subgraph: all of them were in flight at once.
  async function untilAnsweredEach<T>(answers: Promise<T>[], count: number): Promise<T[]> {
    await untilReceived(count);
    release();
    return Promise.all(answers);
  }
});
