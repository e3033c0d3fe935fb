import { readFileSync } from 'node:fs';
import type { ConnectionOptions } from 'node:tls';

function pem(variable: string, env: NodeJS.ProcessEnv): string | undefined {
  const path = env[variable];
  if (!path) return undefined;
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    throw new Error(`${variable}: cannot read ${path} (${(error as NodeJS.ErrnoException).code ?? 'unreadable'})`);
  }
}

/**
 * TLS settings for `rediss://` connections (one server or a cluster): the CA that signed the
 * server's certificate (`REDIS_TLS_CA_FILE`, else the system's), and a client certificate when the
 * server asks for one (`REDIS_TLS_CERT_FILE`, `REDIS_TLS_KEY_FILE`). The server's certificate is
 * always checked. Undefined when none is set.
 */
export function redisTlsFromEnv(env: NodeJS.ProcessEnv = process.env): ConnectionOptions | undefined {
  const ca = pem('REDIS_TLS_CA_FILE', env);
  const cert = pem('REDIS_TLS_CERT_FILE', env);
  const key = pem('REDIS_TLS_KEY_FILE', env);
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
