/** The MySQL server every service connects to; each service owns its own database on it. */
export const DEFAULT_MYSQL_URL = 'mysql://root@127.0.0.1:3306';

/** Database names are `<prefix><service>`; tests use a random prefix so suites never share data. */
export const DEFAULT_DATABASE_PREFIX = 'polyplus_';

export type MysqlServer = { host: string; port: number; username: string; password: string };

/** Parses `MYSQL_URL` (`mysql://user:password@host:port[/ignored]`) into connection settings. */
export function parseMysqlUrl(url: string = process.env.MYSQL_URL ?? DEFAULT_MYSQL_URL): MysqlServer {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new Error(`MYSQL_URL is not a valid URL: ${url}`);
  }
  if (parsed.protocol !== 'mysql:') throw new Error(`MYSQL_URL must start with mysql:// (got ${url})`);
  return {
    host: parsed.hostname,
    port: Number(parsed.port || 3306),
    username: decodeURIComponent(parsed.username || 'root'),
    password: decodeURIComponent(parsed.password),
  };
}

export function databaseName(service: string, prefix = process.env.MYSQL_DATABASE_PREFIX ?? DEFAULT_DATABASE_PREFIX): string {
  const name = `${prefix}${service}`;
  if (!/^[A-Za-z0-9_]{1,64}$/.test(name)) throw new Error(`Invalid database name: ${name}`);
  return name;
}
