import { randomUUID } from 'node:crypto';
import { createTestDatabase, type TestDatabase } from '@polyplus/persistence';
import { answer, fakeSubgraphClient } from '@polyplus/testing';
import { OutboxEvent } from '@polyplus/events';
import { OnsiteVisit } from '@polyplus/dispatch-data';
import { dispatchSubgraph } from '../dispatch-subgraph';
import { SITE_LOCATION } from '../site/site-directory';
import { INCIDENT_CUSTOMER, OnsiteVisitService } from './onsite-visit.service';
import { RecordingTrigger } from '../testing/recording-trigger';

const customerId = randomUUID();
const knownIncidents = new Set<string>();
/** A case the incidents subgraph knows. */
const knownCase = () => {
  const id = randomUUID();
  knownIncidents.add(id);
  return id;
};
const incidentsSubgraphClient = fakeSubgraphClient(
  answer(INCIDENT_CUSTOMER, ({ id }) => ({ incident: knownIncidents.has(id) ? { id, customer: { id: customerId } } : null })),
);

const customersSubgraphClient = fakeSubgraphClient(
  answer(SITE_LOCATION, () => ({
    site: { latitude: 51.5, longitude: -0.12, timeZone: 'Europe/London', countryCode: 'GB', subdivision: 'ENG' },
  })),
);

describe('onsite visits', () => {
  let db: TestDatabase;
  const recordingTrigger = new RecordingTrigger();
  const unreachableRedis = new RecordingTrigger(new Error('connect ECONNREFUSED 127.0.0.1:6379'));

  beforeAll(async () => {
    db = await createTestDatabase('dispatch', dispatchSubgraph.database);
  }, 180_000);
  afterAll(() => db.drop(), 60_000);

  it('a requested visit is stored unplanned for the case’s customer, published as CREATED and asks for its region to be re-planned', async () => {
    const visits = new OnsiteVisitService(db.dataSource, incidentsSubgraphClient, recordingTrigger, customersSubgraphClient);
    const visit = await visits.request({ incidentId: knownCase(), siteId: randomUUID(), region: 'UK-SOUTH' });
    expect(visit).toMatchObject({ status: 'UNPLANNED', customerId, latitude: 51.5, siteTimeZone: 'Europe/London', siteCountryCode: 'GB' });
    expect(recordingTrigger.requested).toEqual(['UK-SOUTH']);
    const [event] = await db.dataSource.getRepository(OutboxEvent).findBy({ aggregateKey: visit.id });
    expect(event.topic).toBe('visit.changed');
    expect(JSON.parse(event.payload)).toMatchObject({
      visitId: visit.id,
      customerId,
      change: 'CREATED',
      status: 'UNPLANNED',
      windowStart: null,
    });
  });

  it('a visit for an unknown case is refused with NOT_FOUND and nothing is written', async () => {
    const visits = new OnsiteVisitService(db.dataSource, incidentsSubgraphClient, recordingTrigger, customersSubgraphClient);
    const before = await db.dataSource.getRepository(OnsiteVisit).count();
    await expect(visits.request({ incidentId: randomUUID(), siteId: randomUUID(), region: 'UK-SOUTH' })).rejects.toMatchObject({
      extensions: { code: 'NOT_FOUND' },
    });
    expect(await db.dataSource.getRepository(OnsiteVisit).count()).toBe(before);
  });

  it('a case has one open visit: a second request is CONFLICT, and of 10 concurrent requests exactly one succeeds', async () => {
    const visits = new OnsiteVisitService(db.dataSource, incidentsSubgraphClient, recordingTrigger, customersSubgraphClient);
    const incidentId = knownCase();
    await visits.request({ incidentId, siteId: randomUUID(), region: 'UK-SOUTH' });
    await expect(visits.request({ incidentId, siteId: randomUUID(), region: 'UK-SOUTH' })).rejects.toMatchObject({
      extensions: { code: 'CONFLICT' },
    });
    expect(await db.dataSource.getRepository(OnsiteVisit).countBy({ incidentId })).toBe(1);

    const racing = knownCase();
    const results = await Promise.allSettled(
      Array.from({ length: 10 }, () => visits.request({ incidentId: racing, siteId: randomUUID(), region: 'UK-SOUTH' })),
    );
    expect(results.filter((result) => result.status === 'fulfilled')).toHaveLength(1);
    expect(
      results.every(
        (result) => result.status === 'fulfilled' || (result.reason as { extensions?: { code?: string } }).extensions?.code === 'CONFLICT',
      ),
    ).toBe(true);
    expect(await db.dataSource.getRepository(OnsiteVisit).countBy({ incidentId: racing })).toBe(1);
  });

  it('the visit is kept when the queue cannot be reached', async () => {
    const visits = new OnsiteVisitService(db.dataSource, incidentsSubgraphClient, unreachableRedis, customersSubgraphClient);
    const visit = await visits.request({ incidentId: knownCase(), siteId: randomUUID(), region: 'DE-EAST' });
    expect(await visits.findById(visit.id)).toMatchObject({ region: 'DE-EAST', status: 'UNPLANNED' });
  });
});
