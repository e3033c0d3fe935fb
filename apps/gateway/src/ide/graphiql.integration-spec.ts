import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { authConfig, verifyBearerToken } from '@polyplus/auth';
import { withDevelopmentIde } from './graphiql';

// The IDE's routes in front of a stand-in for the API, which answers everything else with "api".
const root = mkdtempSync(join(tmpdir(), 'graphiql-'));
const servers: Server[] = [];

async function serve(env: NodeJS.ProcessEnv, ideRoot = root): Promise<string> {
  const routes = withDevelopmentIde(env, () => false, ideRoot);
  const server = createServer((request, response) => {
    if (!routes(request, response)) response.writeHead(200, { 'content-type': 'application/json' }).end('"api"');
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

const browser = { accept: 'text/html,application/xhtml+xml,*/*;q=0.8' };

beforeAll(() => {
  mkdirSync(join(root, 'chunks'));
  writeFileSync(join(root, 'graphiql.js'), 'export {};');
  writeFileSync(join(root, 'graphiql.css'), 'body{}');
  writeFileSync(join(root, 'chunks', 'codemirror-abc.js'), 'export {};');
  writeFileSync(join(tmpdir(), 'graphiql-outside.txt'), 'secret');
}, 30_000);

afterAll(async () => {
  await Promise.all(servers.map((server) => new Promise((resolve) => server.close(resolve))));
  rmSync(root, { recursive: true, force: true });
}, 30_000);

describe('development GraphQL IDE', () => {
  it('a browser opening /graphql gets GraphiQL from this origin, with the demo engineer’s development token in the Authorization header', async () => {
    const base = await serve({});
    const response = await fetch(`${base}/graphql`, { headers: browser });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-security-policy')).toContain("script-src 'self'");
    const page = await response.text();
    expect(page).toContain('<script type="module" src="/graphiql/graphiql.js">');
    expect(page).not.toMatch(/https?:\/\//);
    const headers = JSON.parse(
      (page.match(/data-headers="([^"]*)"/) as RegExpMatchArray)[1].replace(/&quot;/g, '"').replace(/&amp;/g, '&'),
    ) as { Authorization: string };
    await expect(verifyBearerToken(headers.Authorization, authConfig({}))).resolves.toMatchObject({
      subject: 'demo-engineer',
      role: 'SUPPORT_ENGINEER',
    });
  });

  it('API requests pass through: POSTs, GETs with a query, and callers that do not ask for HTML', async () => {
    const base = await serve({});
    expect(
      await (
        await fetch(`${base}/graphql`, { method: 'POST', headers: { ...browser, 'content-type': 'application/json' }, body: '{}' })
      ).json(),
    ).toBe('api');
    expect(await (await fetch(`${base}/graphql?query=%7B__typename%7D`, { headers: browser })).json()).toBe('api');
    expect(await (await fetch(`${base}/graphql`, { headers: { accept: 'application/json' } })).json()).toBe('api');
  });

  it('serves the bundle’s files and nothing outside it', async () => {
    const base = await serve({});
    const script = await fetch(`${base}/graphiql/graphiql.js`);
    expect(script.headers.get('content-type')).toContain('text/javascript');
    expect(script.headers.get('cache-control')).toBe('no-cache');
    expect((await fetch(`${base}/graphiql/chunks/codemirror-abc.js`)).headers.get('cache-control')).toContain('immutable');
    expect((await fetch(`${base}/graphiql/missing.js`)).status).toBe(404);
    const escape = await fetch(`${base}/graphiql/..%2f..%2fgraphiql-outside.txt`);
    expect(escape.status).toBe(400);
    expect(await escape.text()).not.toContain('secret');
  });

  it('says how to build the IDE when it is not built', async () => {
    const base = await serve({}, join(root, 'not-built'));
    const response = await fetch(`${base}/graphql`, { headers: browser });
    expect(response.status).toBe(503);
    expect(await response.text()).toContain('npx nx build gateway');
  });

  it('with NODE_ENV=production there is no IDE: /graphql is the API only and no IDE file is served', async () => {
    const base = await serve({ NODE_ENV: 'production' });
    expect(await (await fetch(`${base}/graphql`, { headers: browser })).json()).toBe('api');
    expect(await (await fetch(`${base}/graphiql/graphiql.js`)).json()).toBe('api');
  });
});
