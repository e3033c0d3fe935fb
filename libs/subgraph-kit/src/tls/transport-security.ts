import { isProduction, readGroup, transportGroup, transportRules } from '@polyplus/config';
import { isVerifiedTls, type MysqlServer } from '@polyplus/persistence';
import { isEncryptedTarget, targetHosts, type RedisTarget } from '@polyplus/events';
import type { ServerTls } from './server-tls';

/**
 * What a deployment asks of the connections its processes make and accept:
 * - `require`: every hop that leaves the host is TLS with the peer's certificate checked; a process
 *   configured with a plain one refuses to start, naming it (the production default);
 * - `mesh`: the network encrypts (a service mesh's mutual TLS between sidecars, or one host's private
 *   network): plain connections are accepted;
 * - `off`: no check; only outside production (`npm start`'s local default).
 */
export type TransportSecurity = 'require' | 'mesh' | 'off';

/**
 * `TRANSPORT_SECURITY` of the schemas (with the TLS files it goes with, checked together): unset,
 * `require` in production and `off` elsewhere; `off` is refused in production.
 * @throws ConfigError naming the variable.
 */
export function transportSecurityFromEnv(env: NodeJS.ProcessEnv = process.env): TransportSecurity {
  const config = readGroup(transportGroup, transportRules, env);
  return (config.TRANSPORT_SECURITY as TransportSecurity | undefined) ?? (isProduction(env) ? 'require' : 'off');
}

export type Hop = { setting: string; description: string; hosts: string[]; encrypted: boolean; fix: string };

const LOOPBACK = /^(localhost|127(\.\d{1,3}){3}|::1|\[::1\])$/i;

/** A hop to (or a listener on) the loopback interface never leaves the host: a local TLS proxy's plain side, or one machine. */
function staysOnHost(host: string): boolean {
  return LOOPBACK.test(host);
}

export function mysqlHop(setting: string, server: MysqlServer): Hop {
  return {
    setting,
    description: `MySQL at ${server.host}:${server.port}`,
    hosts: [server.host],
    encrypted: isVerifiedTls(server.tls),
    fix: 'add ?ssl-mode=VERIFY_IDENTITY&ssl-ca=<CA file> (or MYSQL_SSL_MODE and MYSQL_SSL_CA)',
  };
}

export function redisHop(target: RedisTarget): Hop {
  const setting = target.kind === 'cluster' ? 'REDIS_CLUSTER_NODES' : 'REDIS_URL';
  return {
    setting,
    description: `Redis at ${targetHosts(target).join(', ')}`,
    hosts: targetHosts(target),
    encrypted: isEncryptedTarget(target),
    fix: 'use rediss:// (with REDIS_TLS_CA_FILE)',
  };
}

export function subgraphHop(setting: string, url: string): Hop {
  const parsed = new URL(url);
  return {
    setting,
    description: url,
    hosts: [parsed.hostname],
    encrypted: parsed.protocol === 'https:',
    fix: 'use https:// (with SUBGRAPH_CA_FILE, and SUBGRAPH_CLIENT_CERT_FILE where subgraphs demand client certificates)',
  };
}

export function listenerHop(host: string, tls: ServerTls | undefined): Hop {
  // Listening on every interface (0.0.0.0, ::) is reachable from outside the host; on loopback it is not.
  return {
    setting: 'HOST',
    description: `its own listener on ${host}`,
    hosts: [host],
    encrypted: Boolean(tls),
    fix: 'set TLS_CERT_FILE and TLS_KEY_FILE (and TLS_CLIENT_CA_FILE for mutual TLS)',
  };
}

/** The hops `mode` does not allow: plain, and reaching beyond the host. */
export function plainHops(mode: TransportSecurity, hops: Hop[]): Hop[] {
  if (mode !== 'require') return [];
  return hops.filter((hop) => !hop.encrypted && !hop.hosts.every(staysOnHost));
}

/** Refuses to start (throws, naming each setting at fault) when `require` meets a plain hop. */
export function assertTransportSecurity(mode: TransportSecurity, hops: Hop[], service: string): void {
  const plain = plainHops(mode, hops);
  if (plain.length === 0) return;
  const lines = plain.map((hop) => `- ${hop.setting}: ${hop.description} is not encrypted; ${hop.fix}`);
  throw new Error(`TRANSPORT_SECURITY=require: ${service} will not start with plain connections configured:\n${lines.join('\n')}`);
}
