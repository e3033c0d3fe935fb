import {
  request as httpRequest,
  type IncomingHttpHeaders,
  type IncomingMessage,
  type OutgoingHttpHeaders,
  type ServerResponse,
} from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { Duplex } from 'node:stream';

// Hop-by-hop headers are for one connection only and are not forwarded.
const HOP_BY_HOP = ['connection', 'keep-alive', 'proxy-connection', 'transfer-encoding', 'te', 'trailer', 'upgrade', 'host'];

function forwardHeaders(request: IncomingMessage, target: URL): IncomingHttpHeaders {
  const forwarded: IncomingHttpHeaders = {};
  for (const [key, value] of Object.entries(request.headers)) if (!HOP_BY_HOP.includes(key) && value !== undefined) forwarded[key] = value;
  forwarded.host = target.host;
  // The gateway limits anonymous callers per address: name the caller, as a proxy it trusts
  // (GATEWAY_TRUSTED_PROXIES) must; entries the caller wrote itself stay to the left.
  const peer = request.socket.remoteAddress;
  if (peer) {
    const earlier = request.headers['x-forwarded-for'];
    forwarded['x-forwarded-for'] = [Array.isArray(earlier) ? earlier.join(', ') : earlier, peer].filter(Boolean).join(', ');
  }
  return forwarded;
}

function send(target: URL) {
  return target.protocol === 'https:' ? httpsRequest : httpRequest;
}

export type RelayOptions = {
  /** Headers added to (or replacing) the gateway's answer, e.g. a sandbox policy for downloaded files. */
  answerHeaders?: OutgoingHttpHeaders;
  /** Idle time on either socket before the relay gives up (default 30 s); a long transfer that keeps moving is not cut. */
  idleTimeoutMs?: number;
};

/**
 * Relays one HTTP request to `target` unchanged (method, the caller's bearer token, body) and its
 * answer back, streaming both bodies: nothing is buffered, so large uploads and downloads pass through.
 */
export function relayHttp(target: URL, request: IncomingMessage, response: ServerResponse, options: RelayOptions = {}): void {
  const upstream = send(target)(
    target,
    { method: request.method, headers: forwardHeaders(request, target), timeout: options.idleTimeoutMs ?? 30_000 },
    (answer) => {
      const headers: OutgoingHttpHeaders = { ...answer.headers };
      for (const header of HOP_BY_HOP) delete headers[header];
      response.writeHead(answer.statusCode ?? 502, { ...headers, ...options.answerHeaders });
      answer.pipe(response);
      answer.on('error', () => response.destroy());
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
  // The caller gave up (closed the tab, cancelled an upload): stop the gateway's side too.
  response.on('close', () => {
    if (!response.writableFinished) upstream.destroy();
  });
  request.pipe(upstream);
}

/** Relays a WebSocket upgrade (graphql-ws) to `target` and pipes the two sockets together. */
export function relayUpgrade(target: URL, request: IncomingMessage, socket: Duplex, head: Buffer): void {
  const headers = forwardHeaders(request, target);
  headers.connection = 'Upgrade';
  headers.upgrade = request.headers.upgrade;
  const upstream = send(target)(target, { method: 'GET', headers });
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
