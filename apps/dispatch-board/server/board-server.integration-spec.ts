import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { WebSocket, WebSocketServer } from 'ws';
import { startBoardServer, type BoardServer } from './board-server';

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
});

afterAll(async () => {
  await board.stop();
  sockets.close();
  upstream.closeAllConnections();
  await new Promise((resolve) => upstream.close(resolve));
});

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
    const socket = new WebSocket(new URL('graphql', board.url.replace('http', 'ws')), 'graphql-transport-ws', { headers: { authorization: 'Bearer xyz' } });
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
