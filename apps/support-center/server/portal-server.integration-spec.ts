import { mkdtempSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { authConfig, verifyBearerToken } from '@polyplus/auth';
import { demoSession } from './demo-sign-in';
import { portalConfig } from './portal-config';
import { startPortalServer, type PortalServer } from './portal-server';

// A stand-in gateway that knows one customer and records who asked.
let upstream: Server;
let gatewayUrl: string;
const askedBy: string[] = [];
const CUSTOMERS = [
  {
    id: 'c-northwind',
    name: 'Northwind Trading',
    contacts: [
      { id: 'k-olivia', name: 'Olivia Brown', email: 'olivia.brown@northwind.example', role: 'ADMIN', designated: false },
      { id: 'k-sam', name: 'Sam Okafor', email: 'sam.okafor@northwind.example', role: 'TECHNICIAN', designated: true },
    ],
  },
];
let root: string;
let development: PortalServer;
let production: PortalServer;

const post = (server: PortalServer, path: string, body: unknown, type = 'application/json') =>
  fetch(new URL(path, server.url), { method: 'POST', headers: { 'content-type': type }, body: JSON.stringify(body) });

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'portal-'));
  writeFileSync(join(root, 'index.html'), '<!doctype html><title>portal</title>');
  upstream = createServer((request, response) => {
    // Fire-and-forget from the server's callback: a refused token is caught as "nobody".
    void verifyBearerToken(request.headers.authorization, authConfig({}))
      .catch(() => null)
      .then((principal) => {
        askedBy.push(principal ? `${principal.role}:${principal.subject}` : 'nobody');
        request.resume();
        response.writeHead(200, { 'content-type': 'application/json' });
        response.end(JSON.stringify({ data: { customers: CUSTOMERS } }));
      });
  });
  await new Promise<void>((resolve) => upstream.listen(0, '127.0.0.1', () => resolve()));
  gatewayUrl = `http://127.0.0.1:${(upstream.address() as AddressInfo).port}/graphql`;
  const common = { root, gatewayUrl, issuer: 'polyplus', demoCustomer: 'Northwind Trading', env: {} };
  development = await startPortalServer({ ...common, demoSignIn: true });
  production = await startPortalServer({ ...common, demoSignIn: false });
}, 180_000);

afterAll(async () => {
  await development.stop();
  await production.stop();
  upstream.closeAllConnections();
  await new Promise((resolve) => upstream.close(resolve));
}, 60_000);

describe('support center server', () => {
  it('serves any view of the portal as the page, under the strict policy', async () => {
    const response = await fetch(new URL('cases/7c9e', development.url));
    expect(await response.text()).toContain('<title>portal</title>');
    expect(response.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect(response.headers.get('content-security-policy')).toContain("script-src 'self'");
  });

  it('in development signs in as the demo customer’s designated technician with one click: a token for that contact', async () => {
    const response = await post(development, 'auth/demo', { as: 'technician' });
    expect(response.status).toBe(200);
    const session = (await response.json()) as { token: string; name: string; customer: string; designated: boolean };
    expect(session).toMatchObject({ name: 'Sam Okafor', customer: 'Northwind Trading', designated: true });
    await expect(verifyBearerToken(`Bearer ${session.token}`, authConfig({}))).resolves.toEqual({
      subject: 'sam.okafor@northwind.example',
      role: 'CUSTOMER_TECHNICIAN',
      customerIds: ['c-northwind'],
      contactId: 'k-sam',
    });
    // The customer was looked up by vendor staff, never by the caller.
    expect(askedBy.at(-1)).toBe('SUPPORT_ENGINEER:support-center-demo-sign-in');
  });

  it('in development signs in as the demo customer’s admin, who is not a designated contact', async () => {
    const session = (await (await post(development, 'auth/demo', { as: 'admin' })).json()) as { token: string; designated: boolean };
    expect(session.designated).toBe(false);
    await expect(verifyBearerToken(`Bearer ${session.token}`, authConfig({}))).resolves.toMatchObject({
      role: 'CUSTOMER_ADMIN',
      contactId: 'k-olivia',
    });
  });

  it('refuses a demo sign-in that is not a JSON POST for a known identity', async () => {
    expect((await post(development, 'auth/demo', { as: 'admin' }, 'text/plain')).status).toBe(405);
    expect((await post(development, 'auth/demo', { as: 'SUPPORT_ENGINEER' })).status).toBe(400);
  });

  it('in production has no demo sign-in and says which issuer it accepts', async () => {
    expect((await post(production, 'auth/demo', { as: 'admin' })).status).toBe(404);
    expect(await (await fetch(new URL('auth/settings', production.url))).json()).toEqual({
      issuer: 'polyplus',
      demoSignIn: false,
      demoIdentities: [],
    });
    expect(await (await fetch(new URL('auth/settings', development.url))).json()).toEqual({
      issuer: 'polyplus',
      demoSignIn: true,
      demoIdentities: ['admin', 'technician'],
    });
  });

  it('never issues a demo token in production, even if asked directly', async () => {
    await expect(
      demoSession({ gatewayUrl, customerName: 'Northwind Trading', identity: 'admin', env: { NODE_ENV: 'production' } }),
    ).rejects.toThrow('not issued in production');
  });

  it('never turns the demo sign-in on in production, whatever the settings say', () => {
    expect(portalConfig({ NODE_ENV: 'production', SUPPORT_CENTER_DEMO_SIGN_IN: 'on' }).demoSignIn).toBe(false);
    expect(portalConfig({ NODE_ENV: 'development' }).demoSignIn).toBe(true);
    expect(portalConfig({ SUPPORT_CENTER_DEMO_SIGN_IN: 'off' }).demoSignIn).toBe(false);
    expect(() => portalConfig({ SUPPORT_CENTER_PORT: 'eighty' })).toThrow('SUPPORT_CENTER_PORT must be a port number');
    expect(() => portalConfig({ GATEWAY_URL: 'ftp://gw' })).toThrow('GATEWAY_URL must be an http(s) URL');
  });
});
