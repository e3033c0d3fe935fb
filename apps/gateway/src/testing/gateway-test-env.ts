import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { authConfig, issueToken, type Principal } from '@polyplus/auth';
import { SUBGRAPH_NAMES } from '@polyplus/subgraph-kit';

/** Where no subgraph listens: every hop fails at once. */
export const UNREACHABLE_SUBGRAPH = 'http://127.0.0.1:9/graphql';

/** Every subgraph URL pointed at {@link UNREACHABLE_SUBGRAPH}: the gateway's own answers, never a subgraph's. */
export function unreachableSubgraphs(): Record<string, string> {
  return Object.fromEntries(SUBGRAPH_NAMES.map((name) => [`${name.toUpperCase()}_URL`, UNREACHABLE_SUBGRAPH]));
}

/** A production environment with keys of its own (production refuses the development defaults). */
export function productionEnv(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  return {
    ...process.env,
    NODE_ENV: 'production',
    AUTH_JWT_KEYS: JSON.stringify({ prod1: 'a-production-signing-key-of-32-characters' }),
    AUTH_PRINCIPAL_SECRETS: 'a-production-principal-secret-32-characters',
    ...extra,
  };
}

/** Starts a stand-in subgraph on a free loopback port; resolves to its /graphql URL. */
export function listenAsSubgraph(server: Server): Promise<string> {
  return new Promise<string>((resolve) =>
    server.listen(0, '127.0.0.1', () => resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`)),
  );
}

/** Closes a stand-in at once, its keep-alive connections included. */
export function closeNow(server: Server): Promise<void> {
  return new Promise<void>((resolve) => {
    server.close(() => resolve());
    server.closeAllConnections();
  });
}

/** Asks `{ customers { id } }` as `principal`: the answer's HTTP status, first error code and Retry-After. */
export async function askCustomers(gatewayUrl: string, principal: Principal, env: NodeJS.ProcessEnv) {
  const token = await issueToken(principal, authConfig(env));
  const response = await fetch(gatewayUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query: '{ customers { id } }' }),
  });
  const body = (await response.json()) as { errors?: { extensions?: { code?: string } }[] };
  return { status: response.status, code: body.errors?.[0]?.extensions?.code, retryAfter: response.headers.get('retry-after') };
}
