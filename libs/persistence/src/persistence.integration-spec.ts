import { Column, Entity, PrimaryColumn, type MigrationInterface, type QueryRunner } from 'typeorm';
import { createTestDatabase, dropDatabase, isDuplicateEntry, pendingSchemaChanges, withDeadlockRetry } from './index';

@Entity('probe')
class Probe {
  @PrimaryColumn('int')
  id: number;

  @Column('varchar', { length: 20 })
  code: string;
}

class CreateProbe1700000000000 implements MigrationInterface {
  name = 'CreateProbe1700000000000';
  async up(runner: QueryRunner): Promise<void> {
    await runner.query('CREATE TABLE `probe` (`id` int NOT NULL, `code` varchar(20) NOT NULL, PRIMARY KEY (`id`)) ENGINE=InnoDB');
  }
  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE `probe`');
  }
}

describe('persistence', () => {
  it('gives a suite its own migrated database and drops it afterwards', async () => {
    const db = await createTestDatabase('persistence', { entities: [Probe], migrations: [CreateProbe1700000000000] });
    expect(db.database).toMatch(/^test_(r[0-9a-f]{6}_)?persistence_[0-9a-f]{8}$/);
    expect(await pendingSchemaChanges(db.dataSource)).toEqual([]);
    const [applied] = await db.dataSource.query('SELECT name FROM migrations');
    expect(applied.name).toBe('CreateProbe1700000000000');
    await db.drop();
    const schemas = await createTestDatabase('persistence_check', { entities: [], migrations: [] });
    const rows = await schemas.dataSource.query('SELECT SCHEMA_NAME FROM information_schema.SCHEMATA WHERE SCHEMA_NAME = ?', [db.database]);
    expect(rows).toEqual([]);
    await schemas.drop();
  });

  it('reports entities that no migration creates', async () => {
    const db = await createTestDatabase('persistence_drift', { entities: [Probe], migrations: [] });
    expect((await pendingSchemaChanges(db.dataSource)).join('\n')).toContain('CREATE TABLE `probe`');
    await db.drop();
  });

  it('recognises a duplicate key as ER_DUP_ENTRY', async () => {
    const db = await createTestDatabase('persistence_dup', { entities: [Probe], migrations: [CreateProbe1700000000000] });
    const probes = db.dataSource.getRepository(Probe);
    await probes.insert({ id: 1, code: 'a' });
    const error = await probes.insert({ id: 1, code: 'b' }).catch((e: unknown) => e);
    expect(isDuplicateEntry(error)).toBe(true);
    await db.drop();
  });

  it('retries a unit of work that hit a deadlock, and gives up on other errors at once', async () => {
    let calls = 0;
    const result = await withDeadlockRetry(async () => {
      calls++;
      if (calls < 3) throw Object.assign(new Error('Deadlock found'), { code: 'ER_LOCK_DEADLOCK' });
      return 'done';
    });
    expect({ result, calls }).toEqual({ result: 'done', calls: 3 });
    let other = 0;
    await expect(
      withDeadlockRetry(async () => {
        other++;
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    expect(other).toBe(1);
  });

  it('dropping a database that does not exist is not an error', async () => {
    await expect(dropDatabase('test_never_created_000')).resolves.toBeUndefined();
  });
});
