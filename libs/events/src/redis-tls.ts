import type { ConnectionOptions } from 'node:tls';
import { pemFile } from '@polyplus/config';

/**
 * TLS settings for `rediss://` connections (one server or a cluster): the CA that signed the
 * server's certificate (`REDIS_TLS_CA_FILE`, else the system's), and a client certificate when the
 * server asks for one (`REDIS_TLS_CERT_FILE`, `REDIS_TLS_KEY_FILE`). The server's certificate is
 * always checked. Undefined when none is set.
 */
export function redisTlsFromEnv(env: NodeJS.ProcessEnv = process.env): ConnectionOptions | undefined {
  const ca = pemFile('REDIS_TLS_CA_FILE', env);
  const cert = pemFile('REDIS_TLS_CERT_FILE', env);
  const key = pemFile('REDIS_TLS_KEY_FILE', env);
  if (Boolean(cert) !== Boolean(key)) throw new Error('REDIS_TLS_CERT_FILE and REDIS_TLS_KEY_FILE go together');
  if (!ca && !cert) return undefined;
  return { ...(ca ? { ca } : {}), ...(cert ? { cert, key } : {}), minVersion: 'TLSv1.2' };
}

/**
 * The `tls` option of a connection: the settings above for a TLS target (`rediss://`), nothing for
 * a plain one; TLS files set beside a plain target are a mistake and refused.
 */
export function redisTlsOption(encrypted: boolean, env: NodeJS.ProcessEnv = process.env): ConnectionOptions | undefined {
  const tls = redisTlsFromEnv(env);
  if (!encrypted) {
    if (tls) throw new Error('REDIS_TLS_* files are set but Redis is not reached over TLS: use rediss://');
    return undefined;
  }
  return tls ?? {};
}
