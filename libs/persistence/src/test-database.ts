import { randomBytes } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { dropDatabase, openDatabase, type DatabaseOptions } from './data-source';

export type TestDatabase = { dataSource: DataSource; database: string; drop(): Promise<void> };

/** A fresh, migrated database for one test suite, named so parallel suites never collide. */
export async function createTestDatabase(
  service: string,
  options: Omit<DatabaseOptions, 'database'>,
): Promise<TestDatabase> {
  const database = testDatabaseName(service);
  const dataSource = await openDatabase({ ...options, database, poolSize: options.poolSize ?? 5 });
  return {
    dataSource,
    database,
    async drop() {
      if (dataSource.isInitialized) await dataSource.destroy();
      await dropDatabase(database, options.server);
    },
  };
}

export function testDatabaseName(service: string): string {
  return `test_${service.replace(/[^a-z0-9]/gi, '_')}_${randomBytes(4).toString('hex')}`.slice(0, 64);
}
