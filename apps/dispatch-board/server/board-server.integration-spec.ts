import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { WebSocket, WebSocketServer } from 'ws';
import { authConfig, verifyBearerToken } from '@polyplus/auth';
import { startBoardServer, type BoardServer } from './board-server';
import { boardDemoSignIn } from './demo-sign-in';

// A stand-in upstream that answers like the gateway's transport does: it echoes what reached it.
let upstream: Server;
let sockets: WebSocketServer;
let board: BoardServer;
let root: string;

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'board-'));
  mkdirSync(join(root, 'assets'));
  writeFileSync(join(root, 'index.html'), '<!doctype html><title>board</title>');
  writeFileSync(join(root, 'assets', 'app-1234.js'), 'console.log(1)');
  writeFileSync(join(tmpdir(), 'outside.txt'), 'secret');
  upstream = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk) => (body += chunk));
    request.on('end', () => {
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end(JSON.stringify({ path: request.url, authorization: request.headers.authorization, body }));
    });
  });
  sockets = new WebSocketServer({ server: upstream, path: '/graphql' });
  sockets.on('connection', (socket, request) => {
    socket.send(`protocol=${socket.protocol} auth=${request.headers.authorization ?? ''}`);
    socket.on('message', (data) => socket.send(`echo:${data.toString()}`));
  });
  await new Promise<void>((resolve) => upstream.listen(0, '127.0.0.1', () => resolve()));
  const { port } = upstream.address() as AddressInfo;
  board = await startBoardServer({ root, gatewayUrl: `http://127.0.0.1:${port}/graphql` });
}, 60_000);

afterAll(async () => {
  await board.stop();
  sockets.close();
  upstream.closeAllConnections();
  await new Promise((resolve) => upstream.close(resolve));
}, 60_000);

describe('board server', () => {
  it('serves the built page with a policy that allows only its own origin', async () => {
    const response = await fetch(board.url);
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('<title>board</title>');
    expect(response.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect(response.headers.get('cache-control')).toBe('no-cache');
    const asset = await fetch(new URL('assets/app-1234.js', board.url));
    expect(asset.headers.get('content-type')).toContain('text/javascript');
    expect(asset.headers.get('cache-control')).toContain('immutable');
  });

  it('answers a board link with the page, and a missing asset with 404', async () => {
    expect(await (await fetch(new URL('region/UK-SOUTH', board.url))).text()).toContain('<title>board</title>');
    expect((await fetch(new URL('assets/missing.js', board.url))).status).toBe(404);
  });

  it('never serves a file outside the built page', async () => {
    const response = await fetch(new URL('/..%2f..%2f..%2f..%2ftmp%2foutside.txt', board.url));
    expect(response.status).toBe(400);
    expect(await response.text()).not.toContain('secret');
  });

  it('relays /graphql to the gateway with the caller’s bearer token and body', async () => {
    const response = await fetch(new URL('graphql', board.url), {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: 'Bearer abc' },
      body: '{"query":"{ __typename }"}',
    });
    expect(await response.json()).toEqual({ path: '/graphql', authorization: 'Bearer abc', body: '{"query":"{ __typename }"}' });
  });

  it('relays a graphql-ws WebSocket to the gateway both ways, keeping the sub-protocol', async () => {
    const socket = new WebSocket(new URL('graphql', board.url.replace('http', 'ws')), 'graphql-transport-ws', {
      headers: { authorization: 'Bearer xyz' },
    });
    const messages: string[] = [];
    await new Promise<void>((resolve, reject) => {
      socket.on('error', reject);
      socket.on('message', (data) => {
        messages.push(data.toString());
        if (messages.length === 1) socket.send('ping');
        if (messages.length === 2) resolve();
      });
    });
    socket.close();
    expect(messages).toEqual(['protocol=graphql-transport-ws auth=Bearer xyz', 'echo:ping']);
  });
});

describe('board development sign-in', () => {
  let development: BoardServer;
  let production: BoardServer;
  const productionEnv = {
    NODE_ENV: 'production',
    AUTH_JWT_KEYS: JSON.stringify({ k1: 'p'.repeat(40) }),
    AUTH_PRINCIPAL_SECRETS: 's'.repeat(40),
  };

  beforeAll(async () => {
    development = await startBoardServer({ root, gatewayUrl: 'http://127.0.0.1:9/graphql', demoSignIn: boardDemoSignIn({}), env: {} });
    production = await startBoardServer({
      root,
      gatewayUrl: 'http://127.0.0.1:9/graphql',
      demoSignIn: boardDemoSignIn({ ...productionEnv, BOARD_DEMO_SIGN_IN: 'on' }),
      env: productionEnv,
    });
  }, 60_000);

  afterAll(async () => {
    await development?.stop();
    await production?.stop();
  }, 60_000);

  const signIn = (server: BoardServer, body: unknown) =>
    fetch(new URL('auth/demo', server.url), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });

  it('outside production, one click signs in as the demo planner with a token the gateway verifies', async () => {
    expect(await (await fetch(new URL('auth/settings', development.url))).json()).toEqual({
      demoSignIn: true,
      demoIdentities: ['planner'],
    });
    const response = await signIn(development, { as: 'planner' });
    expect(response.status).toBe(200);
    const session = (await response.json()) as { token: string };
    await expect(verifyBearerToken(`Bearer ${session.token}`, authConfig({}))).resolves.toMatchObject({
      subject: 'demo-planner',
      role: 'DISPATCH_PLANNER',
    });
  });

  it('the demo sign-in takes only a JSON POST naming the planner', async () => {
    expect((await fetch(new URL('auth/demo', development.url))).status).toBe(405);
    expect((await signIn(development, { as: 'admin' })).status).toBe(400);
  });

  it('in production there is no demo sign-in, even when asked for: only real tokens sign in', async () => {
    expect(await (await fetch(new URL('auth/settings', production.url))).json()).toEqual({ demoSignIn: false, demoIdentities: [] });
    const response = await signIn(production, { as: 'planner' });
    expect(response.status).toBe(404);
    expect(JSON.stringify(await response.json())).not.toMatch(/token/);
  });
});
