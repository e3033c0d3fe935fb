import { DataSource, type MixedList, type EntitySchema } from 'typeorm';
import { createConnection } from 'mysql2/promise';
import { parseMysqlUrl, type MysqlServer } from './mysql-url';

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
  return new DataSource({
    type: options.flavour ?? 'mysql',
    host: server.host,
    port: server.port,
    username: server.username,
    password: server.password,
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
}

function connectToServer(server: MysqlServer) {
  return createConnection({ host: server.host, port: server.port, user: server.username, password: server.password, connectTimeout: 5_000 });
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

/** Creates the database if needed, connects, and applies pending migrations (schema is never synchronised). */
export async function openDatabase(options: DatabaseOptions): Promise<DataSource> {
  const flavour = await ensureDatabase(options.database, options.server);
  const dataSource = createDataSource({ ...options, flavour });
  await dataSource.initialize();
  try {
    await dataSource.runMigrations({ transaction: 'each' });
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
