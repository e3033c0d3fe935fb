import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Agent } from 'undici';
import { pooledFetch } from './pooled-fetch';

describe('pooledFetch', () => {
  let server: Server;
  let base: URL;
  const agent = new Agent({ keepAliveTimeout: 1_000 });
  const send = pooledFetch(agent);

  beforeAll(async () => {
    server = createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => {
        if (request.url === '/empty') return void response.writeHead(204).end();
        if (request.url === '/never') return; // answers nothing: only the caller's signal ends the call
        if (request.url === '/dies') return void request.socket.destroy(); // a replica killed mid-request
        response.writeHead(400, { 'content-type': 'application/json', 'set-cookie': ['a=1', 'b=2'] }).end(
          JSON.stringify({
            method: request.method,
            url: request.url,
            trace: request.headers.traceparent,
            body: Buffer.concat(chunks).toString(),
          }),
        );
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = new URL(`http://127.0.0.1:${(server.address() as AddressInfo).port}`);
  });
  afterAll(async () => {
    await agent.close();
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  it('sends the method, path, query, headers and body, and returns the status, headers and body as a Response', async () => {
    const headers = new Headers({ traceparent: '00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01' });
    const response = await send(new URL('/graphql?x=1', base), { method: 'post', headers, body: '{"query":"{ a }"}' });
    expect(response.status).toBe(400);
    expect(response.ok).toBe(false);
    expect(response.headers.get('content-type')).toBe('application/json');
    expect(response.headers.get('set-cookie')).toBe('a=1, b=2');
    expect(await response.json()).toEqual({
      method: 'POST',
      url: '/graphql?x=1',
      trace: '00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01',
      body: '{"query":"{ a }"}',
    });
  });

  it('an answer without a body is a Response without one', async () => {
    const response = await send(new URL('/empty', base), {});
    expect(response.status).toBe(204);
    expect(await response.text()).toBe('');
  });

  it("the caller's signal cancels a call the subgraph never answers", async () => {
    await expect(send(new URL('/never', base), { signal: AbortSignal.timeout(200) })).rejects.toThrow();
  });

  it('refuses a body other than a string rather than sending something else', async () => {
    await expect(send(new URL('/graphql', base), { method: 'POST', body: new Uint8Array([1]) })).rejects.toThrow(TypeError);
  });

  it('a connection cut mid-request or refused fails as fetch does (TypeError: fetch failed), which callers report as unavailable', async () => {
    await expect(send(new URL('/dies', base), { method: 'POST', body: '{}' })).rejects.toMatchObject({
      name: 'TypeError',
      message: 'fetch failed',
    });
    await expect(send(new URL('http://127.0.0.1:9/graphql'), { method: 'POST', body: '{}' })).rejects.toMatchObject({
      name: 'TypeError',
      message: 'fetch failed',
    });
  });
});
