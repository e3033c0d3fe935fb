export {
  DEFAULT_MYSQL_URL,
  DEFAULT_DATABASE_PREFIX,
  parseMysqlUrl,
  databaseName,
  mysqlServerFor,
  serviceMysqlUrlVariable,
  type MysqlServer,
} from './mysql-url';
export {
  createDataSource,
  ensureDatabase,
  dropDatabase,
  openDatabase,
  pendingSchemaChanges,
  type DatabaseOptions,
  type MysqlFlavour,
} from './data-source';
export { isDuplicateEntry, isDeadlock, isDatabaseUnavailable, withDeadlockRetry } from './mysql-errors';
export { createTestDatabase, testDatabaseName, testRunMarker, type TestDatabase } from './test-database';
export { mysqlTlsFrom, mysqlSslOptions, isVerifiedTls, type MysqlTls, type MysqlSslMode } from './mysql-tls';
