import { randomUUID } from 'node:crypto';
import { Queue } from 'bullmq';
import { createTestDatabase, type TestDatabase } from '@polyplus/persistence';
import {
  createRedis,
  DISPATCH_OPTIMISATION_QUEUE,
  eventStreamKey,
  OutboxEvent,
  isEventTopic,
  publishToStream,
  sampleEventPayload,
  type EventEnvelope,
  type OptimiseRegionJob,
} from '@polyplus/events';
import { notFound } from '@polyplus/subgraph-kit';
import { answer, closeQueueSuite, fakeSubgraphClient } from '@polyplus/testing';
import { waitFor } from '@polyplus/polling';
import { OnsiteVisit, OnsiteVisitStatus, Technician } from '@polyplus/dispatch-data';
import { dispatchSubgraph } from '../dispatch-subgraph';
import { OptimisationTrigger } from '../onsite-visit/optimisation-trigger';
import { startDispatchRuntime, type DispatchRuntime } from '../runtime/dispatch-runtime';
import { SITE_LOCATION } from '../site/site-directory';
import { CASE_FACTS, CaseDirectory, ONSITE_ENTITLEMENT } from './case-directory';
import { RegionDirectory } from './region-directory';
import { VisitIntakeService } from './visit-intake.service';

// The other subgraphs as they answer dispatch's look-ups: one case per contract kind.
const customerId = randomUUID();
const londonSite = randomUUID();
const cases = new Map<string, { severity: number; deviceId: string; onsite: boolean; productType: string }>();
const addCase = (facts: { severity: number; onsite: boolean; productType: string }) => {
  const incidentId = randomUUID();
  cases.set(incidentId, { ...facts, deviceId: incidentId });
  return incidentId;
};
const incidents = fakeSubgraphClient(
  answer(CASE_FACTS, ({ id }) => {
    const found = cases.get(id);
    return {
      incident: found
        ? { id, severity: found.severity, siteId: londonSite, customer: { id: customerId }, device: { id: found.deviceId } }
        : null,
    };
  }),
);
const deletedDevices = new Set<string>();
const devices = fakeSubgraphClient(
  answer(ONSITE_ENTITLEMENT, ({ id }) => {
    if (deletedDevices.has(id)) throw notFound('Device', id);
    const found = cases.get(id);
    return {
      device: { product: found ? { productType: found.productType } : null },
      deviceEntitlement: { options: found?.onsite ? ['ONSITE'] : [] },
    };
  }),
);
const customers = fakeSubgraphClient(
  answer(SITE_LOCATION, () => ({
    site: { latitude: 51.5113, longitude: -0.0835, timeZone: 'Europe/London', countryCode: 'GB', subdivision: 'ENG' },
  })),
);

describe('visits from the event stream', () => {
  const prefix = `test-intake-${randomUUID()}`;
  const stream = eventStreamKey(prefix);
  const redis = createRedis('worker');
  const queue = new Queue<OptimiseRegionJob>(DISPATCH_OPTIMISATION_QUEUE, { connection: redis, prefix });
  const trigger = new OptimisationTrigger(prefix);
  let db: TestDatabase;
  let intake: VisitIntakeService;
  let runtime: DispatchRuntime;

  const publish = (topic: string, key: string, payload: Record<string, unknown>, id: string = randomUUID()) => {
    // The fields a test names over a well-formed payload of the topic: the intake reads events through the contract.
    const full = isEventTopic(topic) ? sampleEventPayload(topic, payload) : payload;
    const envelope: EventEnvelope = { id, topic, key, source: 'test', occurredAt: new Date().toISOString(), payload: full };
    return publishToStream(redis, stream, [envelope]).then(() => envelope);
  };
  const ordered = (orderId: string, incidentId: string, expectedDeliveryAt: string | null) =>
    publish('replacement.ordered', orderId, {
      orderId,
      incidentId,
      status: expectedDeliveryAt ? 'ORDERED' : 'BACKORDERED',
      expectedDeliveryAt,
    });
  const visitOf = (orderId: string) => db.dataSource.getRepository(OnsiteVisit).findOneBy({ replacementOrderId: orderId });
  const visitEvents = async (visitId: string) =>
    (await db.dataSource.getRepository(OutboxEvent).find({ where: { aggregateKey: visitId }, order: { sequence: 'ASC' } })).map((row) =>
      JSON.parse(row.payload),
    );
  const queuedRegions = async () => (await queue.getJobs(['delayed', 'waiting'])).map((job) => job.data.region);

  beforeAll(async () => {
    db = await createTestDatabase('dispatch_intake', dispatchSubgraph.database);
    const technicians = db.dataSource.getRepository(Technician);
    await technicians.save([
      {
        id: randomUUID(),
        name: 'Tom',
        region: 'UK-SOUTH',
        skills: ['ROOM'],
        homeLatitude: 51.3758,
        homeLongitude: -0.0982,
        timeZone: 'Europe/London',
      },
      {
        id: randomUUID(),
        name: 'Grace',
        region: 'UK-NORTH',
        skills: ['ROOM'],
        homeLatitude: 53.8008,
        homeLongitude: -1.5491,
        timeZone: 'Europe/London',
      },
    ]);
    intake = new VisitIntakeService(
      db.dataSource,
      new CaseDirectory(incidents, devices, customers),
      new RegionDirectory(db.dataSource),
      trigger,
    );
    runtime = await startDispatchRuntime({ dataSource: db.dataSource, intake, prefix, pollMs: 100 });
  }, 180_000);

  afterAll(async () => {
    await runtime.close();
    await trigger.close();
    await closeQueueSuite(queue, redis, db, prefix);
  }, 60_000);

  it('a replacement ordered on a contract with the onsite option creates a visit released at the part’s expected delivery, with the case’s severity and customer and the product’s duration and skills', async () => {
    const incidentId = addCase({ severity: 1, onsite: true, productType: 'ROOM' });
    const orderId = randomUUID();
    await ordered(orderId, incidentId, '2026-12-02T14:00:00.000Z');
    await waitFor(async () => (await visitOf(orderId)) !== null);
    const visit = (await visitOf(orderId)) as OnsiteVisit;
    expect(visit).toMatchObject({
      incidentId,
      customerId,
      siteId: londonSite,
      region: 'UK-SOUTH',
      status: 'UNPLANNED',
      severity: 1,
      releaseAt: new Date('2026-12-02T14:00:00.000Z'),
      durationMinutes: 120,
      requiredSkills: ['ROOM'],
      siteTimeZone: 'Europe/London',
    });
    expect(await visitEvents(visit.id)).toEqual([
      expect.objectContaining({ visitId: visit.id, change: 'CREATED', customerId, region: 'UK-SOUTH' }),
    ]);
    expect(await queuedRegions()).toContain('UK-SOUTH');
  });

  it('a replacement on a contract without the onsite option creates no visit', async () => {
    const withoutOnsite = randomUUID();
    await ordered(withoutOnsite, addCase({ severity: 2, onsite: false, productType: 'ROOM' }), '2026-12-02T14:00:00.000Z');
    // Events are handled in stream order: once a later one is applied, the earlier one was too.
    const marker = randomUUID();
    await ordered(marker, addCase({ severity: 2, onsite: true, productType: 'PHONE' }), '2026-12-02T14:00:00.000Z');
    await waitFor(async () => (await visitOf(marker)) !== null);
    expect(await visitOf(withoutOnsite)).toBeNull();
    expect(await visitOf(marker)).toMatchObject({ durationMinutes: 45, requiredSkills: [] });
  });

  it('an event that can never be applied (its device is gone) is skipped, and the events after it still create their visits', async () => {
    const broken = addCase({ severity: 2, onsite: true, productType: 'ROOM' });
    deletedDevices.add(broken);
    const brokenOrder = randomUUID();
    await ordered(brokenOrder, broken, '2026-12-02T14:00:00.000Z');
    const next = randomUUID();
    await ordered(next, addCase({ severity: 2, onsite: true, productType: 'ROOM' }), '2026-12-02T14:00:00.000Z');
    await waitFor(async () => (await visitOf(next)) !== null);
    expect(await visitOf(brokenOrder)).toBeNull();
  });

  it('one visit per replacement order: a re-sent event and a second event for the same order create no second visit', async () => {
    const incidentId = addCase({ severity: 3, onsite: true, productType: 'ROOM' });
    const orderId = randomUUID();
    const first = await ordered(orderId, incidentId, '2026-12-03T10:00:00.000Z');
    await publish(first.topic, first.key, first.payload, first.id);
    await ordered(orderId, incidentId, '2026-12-03T10:00:00.000Z');
    const marker = randomUUID();
    await ordered(marker, addCase({ severity: 3, onsite: true, productType: 'ROOM' }), null);
    await waitFor(async () => (await visitOf(marker)) !== null);
    expect(await db.dataSource.getRepository(OnsiteVisit).countBy({ replacementOrderId: orderId })).toBe(1);
  });

  it('20 concurrent deliveries of the same replacement order create exactly one visit', async () => {
    const incidentId = addCase({ severity: 2, onsite: true, productType: 'ROOM' });
    const orderId = randomUUID();
    const outcomes = await Promise.all(
      Array.from({ length: 20 }, () =>
        intake.replacementOrdered({ orderId, incidentId, expectedDeliveryAt: '2026-12-03T10:00:00.000Z' }, new Date()),
      ),
    );
    expect(outcomes.filter((outcome) => outcome === 'CREATED')).toHaveLength(1);
    expect(outcomes.filter((outcome) => outcome !== 'CREATED').every((outcome) => outcome === 'ALREADY_EXISTS')).toBe(true);
    expect(await db.dataSource.getRepository(OnsiteVisit).countBy({ replacementOrderId: orderId })).toBe(1);
  });

  it('replicas applying an order’s events out of order still release the visit at the newest arrival: an ETA heard before the order’s own event is kept, an older ETA applied late changes nothing', async () => {
    const incidentId = addCase({ severity: 2, onsite: true, productType: 'ROOM' });
    const orderId = randomUUID();
    const at = (isoMinutesAgo: number) => new Date(Date.now() - isoMinutesAgo * 60_000).toISOString();
    const event = (topic: string, occurredAt: string, expectedDeliveryAt: string): EventEnvelope => ({
      id: randomUUID(),
      topic,
      key: orderId,
      source: 'test',
      occurredAt,
      payload: { orderId, incidentId, status: 'SHIPPED', expectedDeliveryAt, shipmentStatus: 'IN_TRANSIT' },
    });
    // Published as ordered (10 min ago) → ETA 4 Dec (5 min ago) → ETA 5 Dec (1 min ago), applied newest first.
    await publishToStream(redis, stream, [
      event('replacement.eta-changed', at(1), '2026-12-05T15:00:00.000Z'),
      event('replacement.ordered', at(10), '2026-12-03T10:00:00.000Z'),
      event('replacement.eta-changed', at(5), '2026-12-04T15:00:00.000Z'),
    ]);
    const marker = randomUUID();
    await ordered(marker, addCase({ severity: 3, onsite: true, productType: 'ROOM' }), null);
    await waitFor(async () => (await visitOf(marker)) !== null);
    expect((await visitOf(orderId))?.releaseAt).toEqual(new Date('2026-12-05T15:00:00.000Z'));
  });

  it('a new part ETA after a carrier exception moves the visit’s release time, releases a pin before it and asks for a re-plan', async () => {
    const incidentId = addCase({ severity: 2, onsite: true, productType: 'ROOM' });
    const orderId = randomUUID();
    await ordered(orderId, incidentId, '2026-12-01T09:00:00.000Z');
    await waitFor(async () => (await visitOf(orderId)) !== null);
    const visit = (await visitOf(orderId)) as OnsiteVisit;
    // A planner had pinned it on the original delivery day.
    await db.dataSource.getRepository(OnsiteVisit).update(visit.id, {
      status: OnsiteVisitStatus.PLANNED,
      pinned: true,
      technicianId: randomUUID(),
      windowStart: new Date('2026-12-01T10:00:00Z'),
      windowEnd: new Date('2026-12-01T12:00:00Z'),
    });
    await queue.obliterate({ force: true });
    await publish('replacement.eta-changed', orderId, {
      orderId,
      incidentId,
      status: 'SHIPPED',
      expectedDeliveryAt: '2026-12-03T15:00:00.000Z',
      shipmentStatus: 'EXCEPTION',
    });
    await waitFor(async () => (await visitOf(orderId))?.releaseAt?.toISOString() === '2026-12-03T15:00:00.000Z');
    expect(await visitOf(orderId)).toMatchObject({ pinned: false });
    expect((await visitEvents(visit.id)).map((event) => event.change)).toEqual(['CREATED', 'UNPINNED']);
    await waitFor(async () => (await queuedRegions()).includes('UK-SOUTH'));
  });

  it('a resolved case cancels its open visit and publishes the cancellation', async () => {
    const incidentId = addCase({ severity: 2, onsite: true, productType: 'ROOM' });
    const orderId = randomUUID();
    await ordered(orderId, incidentId, '2026-12-01T09:00:00.000Z');
    await waitFor(async () => (await visitOf(orderId)) !== null);
    await publish('incident.status-changed', incidentId, {
      incidentId,
      customerId,
      status: 'IN_PROGRESS',
      previousStatus: 'RESPONDED',
      version: 3,
    });
    await publish('incident.status-changed', incidentId, {
      incidentId,
      customerId,
      status: 'RESOLVED',
      previousStatus: 'IN_PROGRESS',
      version: 4,
    });
    await waitFor(async () => (await visitOf(orderId))?.status === OnsiteVisitStatus.CANCELLED);
    const visit = (await visitOf(orderId)) as OnsiteVisit;
    expect((await visitEvents(visit.id)).map((event) => [event.change, event.status])).toEqual([
      ['CREATED', 'UNPLANNED'],
      ['CANCELLED', 'CANCELLED'],
    ]);
  });

  it('the outbox relay publishes visit.changed to the event stream', async () => {
    const incidentId = addCase({ severity: 2, onsite: true, productType: 'PHONE' });
    const orderId = randomUUID();
    await ordered(orderId, incidentId, '2026-12-01T09:00:00.000Z');
    await waitFor(async () => (await visitOf(orderId)) !== null);
    const visit = (await visitOf(orderId)) as OnsiteVisit;
    await waitFor(async () => {
      const entries = await redis.xrange(stream, '-', '+');
      return entries.some(([, fields]) => fields.includes('visit.changed') && fields.includes(visit.id));
    });
  });
});
