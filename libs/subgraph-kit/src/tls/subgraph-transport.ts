import { request as httpRequest, type ClientRequest, type IncomingMessage, type RequestOptions } from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';
import { Readable } from 'node:stream';
import { inClientSpan } from '@polyplus/telemetry';
import { pemFile } from './pem-file';

/** How one process reaches the subgraphs: plain HTTP, or HTTPS with a CA and, for mutual TLS, a client certificate. */
export type SubgraphTransport = {
  /** `fetch` for GraphQL calls; for https:// URLs it trusts the configured CA and presents the client certificate. */
  fetch(url: string | URL, init?: RequestInit): Promise<Response>;
  /** A raw request (streamed file transfers) over the same connections. */
  request(url: URL, options: RequestOptions, onResponse: (response: IncomingMessage) => void): ClientRequest;
  /** Whether a CA or a client certificate is configured. */
  configured: boolean;
};

/**
 * From `SUBGRAPH_CA_FILE` (the CA that signed the subgraphs' certificates; else the system's) and
 * `SUBGRAPH_CLIENT_CERT_FILE` / `SUBGRAPH_CLIENT_KEY_FILE` (the certificate the gateway and the
 * subgraphs present to a subgraph that demands one). The subgraphs' own URLs (`<NAME>_URL`) say
 * whether a hop is https://.
 */
export function subgraphTransportFromEnv(env: NodeJS.ProcessEnv = process.env): SubgraphTransport {
  const ca = pemFile('SUBGRAPH_CA_FILE', env);
  const cert = pemFile('SUBGRAPH_CLIENT_CERT_FILE', env);
  const key = pemFile('SUBGRAPH_CLIENT_KEY_FILE', env);
  if (Boolean(cert) !== Boolean(key)) throw new Error('SUBGRAPH_CLIENT_CERT_FILE and SUBGRAPH_CLIENT_KEY_FILE go together');
  return createSubgraphTransport({ ca, cert, key });
}

const cache = new Map<string, SubgraphTransport>();

/** The process's transport, read from its environment once. */
export function defaultSubgraphTransport(env: NodeJS.ProcessEnv = process.env): SubgraphTransport {
  const id = ['SUBGRAPH_CA_FILE', 'SUBGRAPH_CLIENT_CERT_FILE', 'SUBGRAPH_CLIENT_KEY_FILE'].map((name) => env[name] ?? '').join('\n');
  let transport = cache.get(id);
  if (!transport) {
    transport = subgraphTransportFromEnv(env);
    cache.set(id, transport);
  }
  return transport;
}

export function createSubgraphTransport(tls: { ca?: string; cert?: string; key?: string }): SubgraphTransport {
  const configured = Boolean(tls.ca || tls.cert);
  // Pooled keep-alive connections, like Node's own fetch for plain HTTP.
  const agent = new HttpsAgent({ keepAlive: true, maxSockets: 256, ca: tls.ca, cert: tls.cert, key: tls.key, minVersion: 'TLSv1.2' });
  const request: SubgraphTransport['request'] = (url, options, onResponse) =>
    url.protocol === 'https:' ? httpsRequest(url, { ...options, agent }, onResponse) : httpRequest(url, options, onResponse);
  return {
    configured,
    request,
    fetch(url, init = {}) {
      const target = new URL(String(url));
      // Each call within a trace is a CLIENT span whose traceparent travels with the request.
      return inClientSpan(target, init, (traced) =>
        // Plain hops keep Node's own fetch (undici's pool); HTTPS hops go through the agent above.
        target.protocol !== 'https:' || !configured ? fetch(target, traced) : httpsFetch(target, traced, request),
      );
    },
  };
}

/** A minimal fetch over node:https for the gateway's and services' GraphQL calls: string bodies, any answer streamed back. */
function httpsFetch(url: URL, init: RequestInit, request: SubgraphTransport['request']): Promise<Response> {
  return new Promise((resolve, reject) => {
    const headers: Record<string, string> = {};
    new Headers(init.headers).forEach((value, name) => (headers[name] = value));
    const body = init.body === undefined || init.body === null ? undefined : typeof init.body === 'string' ? init.body : undefined;
    if (init.body && body === undefined) {
      reject(new TypeError('Only string bodies are sent to subgraphs'));
      return;
    }
    if (body !== undefined) headers['content-length'] = String(Buffer.byteLength(body));
    const outgoing = request(url, { method: init.method ?? 'GET', headers }, (incoming) => {
      const answerHeaders = new Headers();
      for (const [name, value] of Object.entries(incoming.headers)) {
        if (Array.isArray(value)) for (const one of value) answerHeaders.append(name, one);
        else if (value !== undefined) answerHeaders.set(name, value);
      }
      const status = incoming.statusCode ?? 502;
      const stream = status === 204 || status === 304 || init.method === 'HEAD' ? null : (Readable.toWeb(incoming) as ReadableStream);
      resolve(new Response(stream, { status, statusText: incoming.statusMessage, headers: answerHeaders }));
    });
    const signal = init.signal;
    if (signal) {
      if (signal.aborted) outgoing.destroy(signal.reason as Error);
      else signal.addEventListener('abort', () => outgoing.destroy(signal.reason as Error), { once: true });
    }
    outgoing.once('error', reject);
    outgoing.end(body);
  });
}
