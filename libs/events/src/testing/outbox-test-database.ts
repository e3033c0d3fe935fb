import { createTestDatabase, type TestDatabase } from '@polyplus/persistence';
import { OutboxEvent } from '../outbox/outbox-event.entity';

/** A test database holding only the outbox table, created from the entity (the lib ships no migrations of its own). */
export async function outboxTestDatabase(name: string): Promise<TestDatabase> {
  const db = await createTestDatabase(name, { entities: [OutboxEvent], migrations: [] });
  await db.dataSource.synchronize();
  return db;
}
