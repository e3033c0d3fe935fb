import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { relayHttp, relayUpgrade } from './gateway-relay';
import { serveStatic } from './static-files';

export type BoardServerOptions = {
  /** Folder with the built page (vite build output). */
  root: string;
  /** The gateway's GraphQL URL; the page reaches it as /graphql on this server. */
  gatewayUrl: string;
  port?: number;
  host?: string;
};

export type BoardServer = { url: string; port: number; server: Server; stop(): Promise<void> };

/**
 * Serves the built board and relays /graphql (queries over HTTP, subscriptions over WebSocket) to
 * the gateway, so the page has one origin and loads nothing from anywhere else.
 */
export async function startBoardServer(options: BoardServerOptions): Promise<BoardServer> {
  const gateway = new URL(options.gatewayUrl);
  const server = createServer((request, response) => {
    const path = (request.url ?? '/').split('?')[0];
    if (path === '/health') {
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end(JSON.stringify({ service: 'dispatch-board', status: 'up', pid: process.pid }));
      return;
    }
    if (path === '/graphql') {
      relayHttp(gateway, request, response);
      return;
    }
    serveStatic(options.root, request, response).catch(() => {
      if (!response.headersSent) response.writeHead(500);
      response.end();
    });
  });
  server.on('upgrade', (request, socket, head) => {
    if ((request.url ?? '').split('?')[0] !== '/graphql') {
      socket.end('HTTP/1.1 404 Not Found\r\nconnection: close\r\n\r\n');
      return;
    }
    relayUpgrade(gateway, request, socket, head);
  });
  server.keepAliveTimeout = 5_000;
  const host = options.host ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://${host}:${port}/`,
    port,
    server,
    stop: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        // Open subscription sockets would keep close() waiting for ever.
        server.closeAllConnections();
      }),
  };
}
