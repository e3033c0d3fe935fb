import { mysqlTlsFrom, type MysqlTls } from './mysql-tls';

/** The MySQL server every service connects to; each service owns its own database on it. */
export const DEFAULT_MYSQL_URL = 'mysql://root@127.0.0.1:3306';

/** Database names are `<prefix><service>`; tests use a random prefix so suites never share data. */
export const DEFAULT_DATABASE_PREFIX = 'polyplus_';

/** Where a database lives; `tls` when its connections are encrypted (see `mysqlTlsFrom`). */
export type MysqlServer = { host: string; port: number; username: string; password: string; tls?: MysqlTls };

/**
 * Parses `MYSQL_URL` (`mysql://user:password@host:port[/ignored][?ssl-mode=…&ssl-ca=…]`) into
 * connection settings; `variable` names the setting the URL came from in error messages. TLS comes
 * from the URL's `ssl-*` parameters, else from `MYSQL_SSL_*` in `env`.
 */
export function parseMysqlUrl(
  url: string = process.env.MYSQL_URL ?? DEFAULT_MYSQL_URL,
  variable = 'MYSQL_URL',
  env: NodeJS.ProcessEnv = process.env,
): MysqlServer {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new Error(`${variable} is not a valid URL: ${url}`);
  }
  if (parsed.protocol !== 'mysql:') throw new Error(`${variable} must start with mysql:// (got ${url})`);
  const tls = mysqlTlsFrom(parsed.searchParams, env, variable);
  return {
    host: parsed.hostname,
    port: Number(parsed.port || 3306),
    username: decodeURIComponent(parsed.username || 'root'),
    password: decodeURIComponent(parsed.password),
    ...(tls ? { tls } : {}),
  };
}

export function databaseName(service: string, prefix = process.env.MYSQL_DATABASE_PREFIX ?? DEFAULT_DATABASE_PREFIX): string {
  const name = `${prefix}${service}`;
  if (!/^[A-Za-z0-9_]{1,64}$/.test(name)) throw new Error(`Invalid database name: ${name}`);
  return name;
}

/** The variable that moves one service's database to a server of its own: `<SERVICE>_MYSQL_URL`. */
export function serviceMysqlUrlVariable(service: string): string {
  return `${service.toUpperCase().replace(/[^A-Z0-9]/g, '_')}_MYSQL_URL`;
}

/**
 * The server holding a service's database: `<SERVICE>_MYSQL_URL` (e.g. `INCIDENTS_MYSQL_URL`) when
 * set, so each subgraph's database may live on its own server or managed cluster, else the shared
 * `MYSQL_URL`, else the local default.
 */
export function mysqlServerFor(service: string, env: NodeJS.ProcessEnv = process.env): MysqlServer {
  const variable = serviceMysqlUrlVariable(service);
  const own = env[variable];
  if (own) return parseMysqlUrl(own, variable, env);
  return parseMysqlUrl(env.MYSQL_URL ?? DEFAULT_MYSQL_URL, 'MYSQL_URL', env);
}
