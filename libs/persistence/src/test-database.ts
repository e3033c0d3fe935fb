import { randomBytes } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { dropDatabase, openDatabase, type DatabaseOptions } from './data-source';

export type TestDatabase = { dataSource: DataSource; database: string; drop(): Promise<void> };

/** A fresh, migrated database for one test suite, named so parallel suites never collide. */
export async function createTestDatabase(service: string, options: Omit<DatabaseOptions, 'database'>): Promise<TestDatabase> {
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
  const run = testRunMarker();
  return `test_${run ? `${run}_` : ''}${service.replace(/[^a-z0-9]/gi, '_')}_${randomBytes(4).toString('hex')}`.slice(0, 64);
}

/**
 * The marker of the test run this process belongs to (`POLYPLUS_TEST_RUN`, set by the jest global
 * set-up, e.g. `r3fa9c1`), or undefined outside one. Test databases and key prefixes carry it
 * (`test_<marker>_…`), so the run's global teardown can sweep what a failed set-up left behind
 * without touching another run's.
 */
export function testRunMarker(env: NodeJS.ProcessEnv = process.env): string | undefined {
  const marker = env.POLYPLUS_TEST_RUN;
  return marker && /^r[0-9a-f]{6}$/.test(marker) ? marker : undefined;
}
