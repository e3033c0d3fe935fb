import { readFileSync } from 'node:fs';

/**
 * How a service's MySQL connections are protected, in the MySQL client's own words (`--ssl-mode`):
 * REQUIRED encrypts without checking who answers; VERIFY_CA also checks the server's certificate
 * against the CA; VERIFY_IDENTITY also checks that it was issued to the host connected to.
 */
export type MysqlSslMode = 'DISABLED' | 'REQUIRED' | 'VERIFY_CA' | 'VERIFY_IDENTITY';

const MODES: readonly MysqlSslMode[] = ['DISABLED', 'REQUIRED', 'VERIFY_CA', 'VERIFY_IDENTITY'];

/** TLS settings of one MySQL server; PEM contents read once, at start. */
export type MysqlTls = { mode: Exclude<MysqlSslMode, 'DISABLED'>; ca?: string; cert?: string; key?: string };

function pem(path: string | undefined, setting: string): string | undefined {
  if (!path) return undefined;
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    throw new Error(`${setting}: cannot read ${path} (${(error as NodeJS.ErrnoException).code ?? 'unreadable'})`);
  }
}

/**
 * TLS for a MySQL URL, from its query parameters (`?ssl-mode=VERIFY_IDENTITY&ssl-ca=/etc/mysql/ca.pem
 * &ssl-cert=…&ssl-key=…`, paths of PEM files) or else from `MYSQL_SSL_MODE`, `MYSQL_SSL_CA`,
 * `MYSQL_SSL_CERT`, `MYSQL_SSL_KEY` (every server of the process). A CA or client certificate
 * without a mode means VERIFY_IDENTITY; nothing at all means a plain connection (undefined).
 */
export function mysqlTlsFrom(params: URLSearchParams, env: NodeJS.ProcessEnv, variable: string): MysqlTls | undefined {
  const setting = (param: string, name: string) => {
    const own = params.get(param);
    return own !== null ? { value: own, from: `${variable} ${param}` } : env[name] ? { value: env[name] as string, from: name } : undefined;
  };
  const mode = setting('ssl-mode', 'MYSQL_SSL_MODE');
  const ca = setting('ssl-ca', 'MYSQL_SSL_CA');
  const cert = setting('ssl-cert', 'MYSQL_SSL_CERT');
  const key = setting('ssl-key', 'MYSQL_SSL_KEY');
  const chosen = (mode?.value.toUpperCase() ?? (ca || cert || key ? 'VERIFY_IDENTITY' : 'DISABLED')) as MysqlSslMode;
  if (!MODES.includes(chosen)) throw new Error(`${mode?.from}: ssl-mode must be one of ${MODES.join(', ')} (got ${mode?.value})`);
  if (Boolean(cert) !== Boolean(key)) throw new Error(`${variable}: a client certificate (ssl-cert) and its key (ssl-key) go together`);
  if (chosen === 'DISABLED') return undefined;
  return {
    mode: chosen,
    ca: pem(ca?.value, ca?.from ?? ''),
    cert: pem(cert?.value, cert?.from ?? ''),
    key: pem(key?.value, key?.from ?? ''),
  };
}

/** The `ssl` option of mysql2 (and TypeORM's MySQL driver) for these settings; undefined for a plain connection. */
export function mysqlSslOptions(tls: MysqlTls | undefined) {
  if (!tls) return undefined;
  return {
    ca: tls.ca,
    cert: tls.cert,
    key: tls.key,
    minVersion: 'TLSv1.2',
    rejectUnauthorized: tls.mode !== 'REQUIRED',
    verifyIdentity: tls.mode === 'VERIFY_IDENTITY',
  };
}

/** Whether connections are encrypted to a server whose certificate is checked (what `TRANSPORT_SECURITY=require` asks). */
export function isVerifiedTls(tls: MysqlTls | undefined): boolean {
  return tls?.mode === 'VERIFY_CA' || tls?.mode === 'VERIFY_IDENTITY';
}
