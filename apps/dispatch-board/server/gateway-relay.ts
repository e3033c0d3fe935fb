import { request as httpRequest, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { Duplex } from 'node:stream';

// Hop-by-hop headers are for one connection only and are not forwarded.
const HOP_BY_HOP = ['connection', 'keep-alive', 'proxy-connection', 'transfer-encoding', 'te', 'trailer', 'upgrade', 'host'];

function forwardHeaders(headers: IncomingHttpHeaders, target: URL): IncomingHttpHeaders {
  const forwarded: IncomingHttpHeaders = {};
  for (const [key, value] of Object.entries(headers)) if (!HOP_BY_HOP.includes(key) && value !== undefined) forwarded[key] = value;
  forwarded.host = target.host;
  return forwarded;
}

function send(target: URL) {
  return target.protocol === 'https:' ? httpsRequest : httpRequest;
}

/** Relays a /graphql HTTP request to the gateway unchanged (the caller's bearer token included). */
export function relayHttp(gateway: URL, request: IncomingMessage, response: ServerResponse): void {
  const upstream = send(gateway)(
    gateway,
    { method: request.method, headers: forwardHeaders(request.headers, gateway), timeout: 30_000 },
    (answer) => {
      const headers = { ...answer.headers };
      for (const header of HOP_BY_HOP) delete headers[header];
      response.writeHead(answer.statusCode ?? 502, headers);
      answer.pipe(response);
    },
  );
  upstream.on('timeout', () => upstream.destroy(new Error('gateway timeout')));
  upstream.on('error', () => {
    if (!response.headersSent) {
      response.writeHead(502, { 'content-type': 'application/json' });
      response.end(JSON.stringify({ errors: [{ message: 'The gateway is not reachable', extensions: { code: 'SERVICE_UNAVAILABLE' } }] }));
    } else {
      response.destroy();
    }
  });
  request.pipe(upstream);
}

/** Relays a WebSocket upgrade on /graphql (graphql-ws) to the gateway and pipes the two sockets together. */
export function relayUpgrade(gateway: URL, request: IncomingMessage, socket: Duplex, head: Buffer): void {
  const headers = forwardHeaders(request.headers, gateway);
  headers.connection = 'Upgrade';
  headers.upgrade = request.headers.upgrade;
  const upstream = send(gateway)(gateway, { method: 'GET', headers });
  const fail = () => {
    if (socket.writable) socket.end('HTTP/1.1 502 Bad Gateway\r\nconnection: close\r\n\r\n');
    socket.destroy();
  };
  upstream.on('upgrade', (answer, upstreamSocket, upstreamHead) => {
    const lines = [`HTTP/1.1 ${answer.statusCode} ${answer.statusMessage}`];
    for (let i = 0; i < answer.rawHeaders.length; i += 2) lines.push(`${answer.rawHeaders[i]}: ${answer.rawHeaders[i + 1]}`);
    socket.write(`${lines.join('\r\n')}\r\n\r\n`);
    if (upstreamHead.length > 0) socket.write(upstreamHead);
    if (head.length > 0) upstreamSocket.write(head);
    upstreamSocket.pipe(socket);
    socket.pipe(upstreamSocket);
    // Either side closing closes the other: the page sees the drop and says so.
    upstreamSocket.on('error', () => socket.destroy());
    socket.on('error', () => upstreamSocket.destroy());
    upstreamSocket.on('close', () => socket.destroy());
    socket.on('close', () => upstreamSocket.destroy());
  });
  // The gateway answered without upgrading (e.g. refused): pass its answer on and close.
  upstream.on('response', (answer) => {
    socket.write(`HTTP/1.1 ${answer.statusCode} ${answer.statusMessage}\r\nconnection: close\r\n\r\n`);
    socket.destroy();
    answer.resume();
  });
  upstream.on('error', fail);
  socket.on('error', () => upstream.destroy());
  upstream.end();
}
