import { randomUUID } from 'node:crypto';
import { createTestDatabase, pendingSchemaChanges, type TestDatabase } from '@polyplus/persistence';
import { notFound } from '@polyplus/subgraph-kit';
import { incidentsSubgraph } from '../incidents-subgraph';
import { Incident } from './incident.entity';
import { IncidentService } from './incident.service';
import type { DeviceDirectory } from './device-directory';

const owner = randomUUID();
const knownDevice = randomUUID();
// The devices subgraph is another service: one known device, owned by `owner`.
const directory = {
  ownerOf: async (deviceId: string) => {
    if (deviceId !== knownDevice) throw notFound('Device', deviceId);
    return { deviceId, customerId: owner };
  },
} as DeviceDirectory;

describe('incidents', () => {
  let db: TestDatabase;
  const reportedAt = new Date('2026-03-02T17:00:00Z');

  beforeAll(async () => {
    db = await createTestDatabase('incidents', incidentsSubgraph.database);
  });
  afterAll(() => db.drop());

  it('migrations create exactly the schema the entities describe', async () => {
    expect(await pendingSchemaChanges(db.dataSource)).toEqual([]);
  });

  it('a case belongs to the customer who owns the device, reported when the customer called', async () => {
    const incidents = new IncidentService(db.dataSource, directory, () => reportedAt);
    const incident = await incidents.open({ deviceId: knownDevice, severity: 1, summary: '  Room system down  ' });
    expect(await incidents.findById(incident.id)).toMatchObject({ customerId: owner, status: 'NEW', severity: 1, summary: 'Room system down', reportedAt, version: 1 });
  });

  it('a case for a device the registry does not know is refused with NOT_FOUND and nothing is written', async () => {
    const incidents = new IncidentService(db.dataSource, directory);
    const before = await db.dataSource.getRepository(Incident).count();
    await expect(incidents.open({ deviceId: randomUUID(), severity: 2, summary: 'x' })).rejects.toMatchObject({ extensions: { code: 'NOT_FOUND' } });
    expect(await db.dataSource.getRepository(Incident).count()).toBe(before);
  });
});
