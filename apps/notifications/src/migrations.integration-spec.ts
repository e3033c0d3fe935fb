import { createTestDatabase, pendingSchemaChanges, type TestDatabase } from '@polyplus/persistence';
import { NOTIFICATIONS_ENTITIES, NOTIFICATIONS_MIGRATIONS } from './notifications-database';

let db: TestDatabase;

beforeAll(async () => {
  db = await createTestDatabase('notify_migrations', { entities: NOTIFICATIONS_ENTITIES, migrations: NOTIFICATIONS_MIGRATIONS });
}, 120_000);

afterAll(() => db?.drop(), 120_000);

it('the migrations create exactly the schema the notifications entities describe', async () => {
  expect(await pendingSchemaChanges(db.dataSource)).toEqual([]);
});

it('a second mail for the same event and contact is refused by the database itself (UNIQUE key)', async () => {
  const row = (id: string) => [
    id,
    'event-1',
    '0b5b7a16-f616-4cfc-b31f-fbebe38b5555',
    'x@example.test',
    'X',
    'CASE_RESOLVED',
    '{}',
    'UTC',
    'en-GB',
    'PENDING',
    `<${id}@polyplus.test>`,
  ];
  const insert =
    'INSERT INTO mail_delivery (id, sourceKey, contactId, toAddress, recipientName, kind, content, timeZone, locale, status, messageId, createdAt) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, NOW(3))';
  await db.dataSource.query(insert, row('a1b2c3d4-0000-4000-8000-000000000001'));
  await expect(db.dataSource.query(insert, row('a1b2c3d4-0000-4000-8000-000000000002'))).rejects.toMatchObject({ code: 'ER_DUP_ENTRY' });
});
