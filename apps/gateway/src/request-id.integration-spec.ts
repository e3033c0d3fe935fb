import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { authConfig, issueToken } from '@polyplus/auth';
import type { RunningServer } from '@polyplus/subgraph-kit';
import { startGateway } from './gateway';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('the gateway and request ids', () => {
  let gateway: RunningServer;
  let customers: Server;
  let token: string;
  // What the customers subgraph (a stand-in that answers an empty list) received, request by request.
  const received: IncomingHttpHeaders[] = [];

  beforeAll(async () => {
    customers = createServer((request, response) => {
      received.push(request.headers);
      request
        .resume()
        .on('end', () => response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ data: { customers: [] } })));
    });
    await new Promise<void>((resolve) => customers.listen(0, '127.0.0.1', resolve));
    const env = { ...process.env, CUSTOMERS_URL: `http://127.0.0.1:${(customers.address() as AddressInfo).port}/graphql` };
    gateway = await startGateway({ port: 0, env });
    token = await issueToken({ subject: 'e1', role: 'SUPPORT_ENGINEER', customerIds: [] }, authConfig(env));
  }, 180_000);
  afterAll(async () => {
    await gateway?.stop();
    await new Promise((resolve) => customers?.close(resolve));
  }, 60_000);

  const query = (headers: Record<string, string> = {}) =>
    fetch(gateway.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, ...headers },
      body: JSON.stringify({ query: '{ customers { id } }' }),
    });

  it("answers with the caller's well-formed x-request-id and sends it on to the subgraph", async () => {
    received.length = 0;
    const response = await query({ 'x-request-id': 'support-desk-0042' });
    expect(await response.json()).toEqual({ data: { customers: [] } });
    expect(response.headers.get('x-request-id')).toBe('support-desk-0042');
    expect(received.map((headers) => headers['x-request-id'])).toEqual(['support-desk-0042']);
  });

  it('makes a request id when the caller sent none or an unsafe one, and the subgraph gets the same', async () => {
    for (const headers of [{}, { 'x-request-id': 'two words' }] as Record<string, string>[]) {
      received.length = 0;
      const response = await query(headers);
      const id = response.headers.get('x-request-id');
      expect(id).toMatch(UUID);
      expect(received.map((seen) => seen['x-request-id'])).toEqual([id]);
    }
  });
});
