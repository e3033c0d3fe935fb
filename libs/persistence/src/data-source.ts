import { createHash } from 'node:crypto';
import { DataSource, type MixedList, type EntitySchema } from 'typeorm';
import { createConnection } from 'mysql2/promise';
import { parseMysqlUrl, type MysqlServer } from './mysql-url';
import { mysqlSslOptions } from './mysql-tls';
import { traceQueries } from './traced-queries';

export type DatabaseOptions = {
  database: string;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  entities: MixedList<Function | string | EntitySchema>;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  migrations: MixedList<Function | string>;
  server?: MysqlServer;
  poolSize?: number;
  /** MariaDB reports column defaults differently and lacks FOR SHARE: TypeORM must know which it is. */
  flavour?: MysqlFlavour;
};

export type MysqlFlavour = 'mysql' | 'mariadb';

export function createDataSource(options: DatabaseOptions): DataSource {
  const server = options.server ?? parseMysqlUrl();
  const dataSource = new DataSource({
    type: options.flavour ?? 'mysql',
    host: server.host,
    port: server.port,
    username: server.username,
    password: server.password,
    ssl: mysqlSslOptions(server.tls),
    database: options.database,
    entities: options.entities,
    migrations: options.migrations,
    migrationsTableName: 'migrations',
    migrationsRun: false,
    synchronize: false,
    timezone: 'Z',
    dateStrings: false,
    charset: 'utf8mb4_unicode_ci',
    poolSize: options.poolSize ?? 10,
    // Keep-alive survives idle NAT/firewall drops; a bounded queue fails fast instead of piling up.
    extra: { enableKeepAlive: true, keepAliveInitialDelay: 10_000, queueLimit: 200, connectTimeout: 5_000 },
  });
  return traceQueries(dataSource, options.database);
}

function connectToServer(server: MysqlServer) {
  return createConnection({
    host: server.host,
    port: server.port,
    user: server.username,
    password: server.password,
    ssl: mysqlSslOptions(server.tls),
    connectTimeout: 5_000,
  });
}

/** Creates the database when missing and tells which server flavour answered. */
export async function ensureDatabase(database: string, server: MysqlServer = parseMysqlUrl()): Promise<MysqlFlavour> {
  const connection = await connectToServer(server);
  try {
    await connection.query(`CREATE DATABASE IF NOT EXISTS \`${database}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
    const [rows] = await connection.query('SELECT VERSION() AS version');
    return /mariadb/i.test((rows as { version: string }[])[0].version) ? 'mariadb' : 'mysql';
  } finally {
    await connection.end();
  }
}

export async function dropDatabase(database: string, server: MysqlServer = parseMysqlUrl()): Promise<void> {
  const connection = await connectToServer(server);
  try {
    await connection.query(`DROP DATABASE IF EXISTS \`${database}\``);
  } finally {
    await connection.end();
  }
}

/** How long a replica waits for another one's migrations before giving up on starting. */
const MIGRATION_LOCK_TIMEOUT_S = 300;

/**
 * Runs `work` while holding a server-wide named lock for the database (`GET_LOCK`, on a
 * connection of its own): replicas starting together migrate one after another, and the later
 * ones find nothing left to do. The lock goes with the connection if the holder dies.
 */
async function withMigrationLock<T>(database: string, server: MysqlServer, work: () => Promise<T>): Promise<T> {
  const connection = await connectToServer(server);
  const name = `polyplus-migrate-${createHash('sha1').update(database).digest('hex')}`;
  try {
    const [rows] = await connection.query('SELECT GET_LOCK(?, ?) AS locked', [name, MIGRATION_LOCK_TIMEOUT_S]);
    if (Number((rows as { locked: number | null }[])[0].locked) !== 1) {
      throw new Error(`Another process has been migrating ${database} for over ${MIGRATION_LOCK_TIMEOUT_S} s`);
    }
    try {
      return await work();
    } finally {
      await connection.query('SELECT RELEASE_LOCK(?)', [name]).catch(() => undefined);
    }
  } finally {
    await connection.end().catch(() => undefined);
  }
}

/**
 * Creates the database if needed, connects, and applies pending migrations (schema is never
 * synchronised). Replicas may call it at the same time: migrations run under a lock.
 */
export async function openDatabase(options: DatabaseOptions): Promise<DataSource> {
  const server = options.server ?? parseMysqlUrl();
  const flavour = await ensureDatabase(options.database, server);
  const dataSource = createDataSource({ ...options, server, flavour });
  await dataSource.initialize();
  try {
    await withMigrationLock(options.database, server, () => dataSource.runMigrations({ transaction: 'each' }));
  } catch (error) {
    await dataSource.destroy();
    throw error;
  }
  return dataSource;
}

/** SQL TypeORM would run to make the schema match the entities: empty when migrations are complete. */
export async function pendingSchemaChanges(dataSource: DataSource): Promise<string[]> {
  const log = await dataSource.driver.createSchemaBuilder().log();
  return log.upQueries.map((query) => query.query);
}
