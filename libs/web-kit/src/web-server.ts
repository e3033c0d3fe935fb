import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { relayHttp, relayUpgrade } from './gateway-relay';
import { serveStatic } from './static-files';

/** Answers a request the server handles itself (before the static files); returns false to pass it on. */
export type RouteHandler = (request: IncomingMessage, response: ServerResponse, path: string) => boolean | Promise<boolean>;

export type WebServerOptions = {
  /** The name /health reports. */
  service: string;
  /** Folder with the built page (vite build output). */
  root: string;
  /** The gateway's GraphQL URL; the page reaches it as /graphql on this server. */
  gatewayUrl: string;
  /**
   * Path prefixes relayed to the gateway's origin with their path and query unchanged, streaming
   * (e.g. `/files/` for attachment uploads and downloads through signed URLs).
   */
  relayPrefixes?: string[];
  /** The server's own routes (e.g. a development sign-in), asked before the static files. */
  routes?: RouteHandler;
  port?: number;
  host?: string;
};

export type WebServer = { url: string; port: number; server: Server; stop(): Promise<void> };

// What the gateway sends back through a relayed prefix is a file, never a page of this origin:
// the browser must not sniff it into HTML or run anything in it, whatever its content type says.
const FILE_ANSWER_HEADERS = {
  'x-content-type-options': 'nosniff',
  'content-security-policy': "sandbox; default-src 'none'",
  'referrer-policy': 'no-referrer',
  'cross-origin-resource-policy': 'same-origin',
};

/** Writes a small JSON answer with the headers every non-page answer carries. */
export function sendJson(response: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  response.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
    ...headers,
  });
  response.end(JSON.stringify(body));
}

/**
 * Serves a built web page and relays /graphql (queries over HTTP, subscriptions over WebSocket) and
 * any `relayPrefixes` to the gateway, so the page has one origin and loads nothing from anywhere else.
 */
export async function startWebServer(options: WebServerOptions): Promise<WebServer> {
  const gateway = new URL(options.gatewayUrl);
  const prefixes = options.relayPrefixes ?? [];
  const graphqlTarget = (url: string): URL => {
    const target = new URL(gateway);
    target.search = new URL(url, 'http://relay').search;
    return target;
  };
  const server = createServer((request, response) => {
    const url = request.url ?? '/';
    const path = url.split('?')[0];
    if (path === '/health') {
      sendJson(response, 200, { service: options.service, status: 'up', pid: process.pid });
      return;
    }
    if (path === '/graphql') {
      relayHttp(graphqlTarget(url), request, response);
      return;
    }
    if (prefixes.some((prefix) => path.startsWith(prefix))) {
      relayHttp(new URL(url, gateway.origin), request, response, { answerHeaders: FILE_ANSWER_HEADERS, idleTimeoutMs: 60_000 });
      return;
    }
    const answer = async () => {
      if (options.routes && (await options.routes(request, response, path))) return;
      await serveStatic(options.root, request, response);
    };
    answer().catch(() => {
      if (!response.headersSent) response.writeHead(500);
      response.end();
    });
  });
  server.on('upgrade', (request, socket, head) => {
    const url = request.url ?? '';
    if (url.split('?')[0] !== '/graphql') {
      socket.end('HTTP/1.1 404 Not Found\r\nconnection: close\r\n\r\n');
      return;
    }
    relayUpgrade(graphqlTarget(url), request, socket, head);
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
