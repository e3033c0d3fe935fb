import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readJsonBody, sendJson, startWebServer, type WebServer } from './index';

// A stand-in gateway: /files/ answers with the digest of what it received, or sends back a file.
let upstream: Server;
let web: WebServer;
const download = randomBytes(3 * 1024 * 1024);

beforeAll(async () => {
  const root = mkdtempSync(join(tmpdir(), 'web-kit-'));
  writeFileSync(join(root, 'index.html'), '<!doctype html><title>page</title>');
  upstream = createServer((request, response) => {
    if (request.method === 'GET' && request.url?.startsWith('/files/download')) {
      response.writeHead(200, {
        'content-type': 'text/html',
        'content-disposition': 'attachment; filename="diagram.html"',
        'content-length': String(download.length),
      });
      response.end(download);
      return;
    }
    const hash = createHash('sha256');
    let bytes = 0;
    request.on('data', (chunk: Buffer) => {
      bytes += chunk.length;
      hash.update(chunk);
    });
    request.on('end', () => {
      response.writeHead(201, { 'content-type': 'application/json' });
      response.end(
        JSON.stringify({
          url: request.url,
          method: request.method,
          authorization: request.headers.authorization ?? null,
          forwardedFor: request.headers['x-forwarded-for'] ?? null,
          bytes,
          sha256: hash.digest('hex'),
        }),
      );
    });
  });
  await new Promise<void>((resolve) => upstream.listen(0, '127.0.0.1', () => resolve()));
  const { port } = upstream.address() as AddressInfo;
  web = await startWebServer({
    service: 'test-page',
    root,
    gatewayUrl: `http://127.0.0.1:${port}/graphql`,
    relayPrefixes: ['/files/'],
    routes: async (request, response, path) => {
      if (path !== '/echo') return false;
      sendJson(response, 200, { received: await readJsonBody(request, 64) });
      return true;
    },
  });
}, 180_000);

afterAll(async () => {
  await web.stop();
  upstream.closeAllConnections();
  await new Promise((resolve) => upstream.close(resolve));
}, 60_000);

describe('web server', () => {
  it('reports its own name and process on /health', async () => {
    await expect((await fetch(new URL('health', web.url))).json()).resolves.toEqual({
      service: 'test-page',
      status: 'up',
      pid: process.pid,
    });
  });

  it('streams an upload under /files/ to the gateway with its path, query, method, token and the caller’s address, byte for byte', async () => {
    const body = randomBytes(5 * 1024 * 1024 + 17);
    const response = await fetch(new URL('files/upload/abc?expires=123&signature=xyz', web.url), {
      method: 'PUT',
      headers: { authorization: 'Bearer t0k3n', 'content-type': 'application/octet-stream', 'x-forwarded-for': '203.0.113.9' },
      body,
    });
    expect(response.status).toBe(201);
    expect(await response.json()).toEqual({
      url: '/files/upload/abc?expires=123&signature=xyz',
      method: 'PUT',
      authorization: 'Bearer t0k3n',
      // The caller's own claim stays to the left of the address the relay saw.
      forwardedFor: '203.0.113.9, 127.0.0.1',
      bytes: body.length,
      sha256: createHash('sha256').update(body).digest('hex'),
    });
  });

  it('passes a download through unchanged, but never as a page of this origin (sandboxed, no sniffing)', async () => {
    const response = await fetch(new URL('files/download/abc?signature=xyz', web.url));
    expect(response.status).toBe(200);
    expect(Buffer.from(await response.arrayBuffer()).equals(download)).toBe(true);
    expect(response.headers.get('content-disposition')).toBe('attachment; filename="diagram.html"');
    expect(response.headers.get('content-security-policy')).toBe("sandbox; default-src 'none'");
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('answers its own routes before the static files, and reads at most the JSON it allows', async () => {
    const small = await fetch(new URL('echo', web.url), { method: 'POST', body: '{"as":"admin"}' });
    expect(await small.json()).toEqual({ received: { as: 'admin' } });
    const large = await fetch(new URL('echo', web.url), { method: 'POST', body: JSON.stringify({ as: 'x'.repeat(100) }) });
    expect(await large.json()).toEqual({ received: null });
    expect(await (await fetch(new URL('cases/123', web.url))).text()).toContain('<title>page</title>');
  });

  it('says the gateway is unreachable with a coded GraphQL error when it is down', async () => {
    const down = await startWebServer({
      service: 'down',
      root: tmpdir(),
      gatewayUrl: 'http://127.0.0.1:1/graphql',
      relayPrefixes: ['/files/'],
    });
    try {
      const response = await fetch(new URL('graphql', down.url), { method: 'POST', body: '{}' });
      expect(response.status).toBe(502);
      expect(await response.json()).toEqual({
        errors: [{ message: 'The gateway is not reachable', extensions: { code: 'SERVICE_UNAVAILABLE' } }],
      });
    } finally {
      await down.stop();
    }
  });
});
