import { request as httpRequest, type ClientRequest, type IncomingMessage, type RequestOptions } from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';
import { Agent as UndiciAgent } from 'undici';
import { inClientSpan } from '@polyplus/telemetry';
import { pemFile } from '@polyplus/config';
import { pooledFetch } from './pooled-fetch';

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
  // Pooled keep-alive connections for streamed file transfers.
  const agent = new HttpsAgent({ keepAlive: true, maxSockets: 256, ca: tls.ca, cert: tls.cert, key: tls.key, minVersion: 'TLSv1.2' });
  const request: SubgraphTransport['request'] = (url, options, onResponse) =>
    url.protocol === 'https:' ? httpsRequest(url, { ...options, agent }, onResponse) : httpRequest(url, options, onResponse);
  // GraphQL calls: undici's keep-alive pool per subgraph, the configured CA and client certificate on https:// hops.
  const graphQLFetch = pooledFetch(
    new UndiciAgent({
      connections: 256,
      keepAliveTimeout: 10_000,
      connect: configured ? { ca: tls.ca, cert: tls.cert, key: tls.key, minVersion: 'TLSv1.2' } : { minVersion: 'TLSv1.2' },
    }),
  );
  return {
    configured,
    request,
    fetch(url, init = {}) {
      const target = new URL(String(url));
      // Each call within a trace is a CLIENT span whose traceparent travels with the request.
      return inClientSpan(target, init, (traced) => graphQLFetch(target, traced));
    },
  };
}
