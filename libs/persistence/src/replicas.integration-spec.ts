import { type MigrationInterface, type QueryRunner } from 'typeorm';
import { dropDatabase, openDatabase } from './data-source';
import { testDatabaseName } from './test-database';

// Not idempotent on purpose (a second CREATE TABLE fails), and slow enough that replicas overlap.
class CreateLedger1700000000001 implements MigrationInterface {
  name = 'CreateLedger1700000000001';
  async up(runner: QueryRunner): Promise<void> {
    await runner.query('SELECT SLEEP(0.5)');
    await runner.query('CREATE TABLE `ledger` (`id` int NOT NULL, PRIMARY KEY (`id`)) ENGINE=InnoDB');
  }
  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE `ledger`');
  }
}

class AddLedgerNote1700000000002 implements MigrationInterface {
  name = 'AddLedgerNote1700000000002';
  async up(runner: QueryRunner): Promise<void> {
    await runner.query('ALTER TABLE `ledger` ADD `note` varchar(20) NULL');
  }
  async down(runner: QueryRunner): Promise<void> {
    await runner.query('ALTER TABLE `ledger` DROP COLUMN `note`');
  }
}

describe('databases opened by several replicas', () => {
  const database = testDatabaseName('persistence_replicas');

  afterAll(async () => {
    await dropDatabase(database);
  }, 60_000);

  it('three replicas starting at once all start, and each migration runs exactly once', async () => {
    const options = { database, entities: [], migrations: [CreateLedger1700000000001, AddLedgerNote1700000000002], poolSize: 2 };
    const replicas = await Promise.all([openDatabase(options), openDatabase(options), openDatabase(options)]);
    try {
      const applied = await replicas[0].query('SELECT name FROM migrations ORDER BY id');
      expect(applied.map((row: { name: string }) => row.name)).toEqual(['CreateLedger1700000000001', 'AddLedgerNote1700000000002']);
      const columns = await replicas[1].query(
        'SELECT COLUMN_NAME AS name FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = ? AND TABLE_NAME = ? ORDER BY ORDINAL_POSITION',
        [database, 'ledger'],
      );
      expect(columns.map((row: { name: string }) => row.name)).toEqual(['id', 'note']);
    } finally {
      await Promise.all(replicas.map((dataSource) => dataSource.destroy()));
    }
  });
});
