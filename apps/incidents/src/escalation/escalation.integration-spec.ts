import { randomUUID } from 'node:crypto';
import { Queue } from 'bullmq';
import { createTestDatabase, type TestDatabase } from '@polyplus/persistence';
import { closeQueueSuite } from '@polyplus/testing';
import { until } from '@polyplus/polling';
import { createRedis, OutboxEvent, decodeOutbox } from '@polyplus/events';
import { incidentsSubgraph } from '../incidents-subgraph';
import { FakeWorld, SUPPORT_DESK } from '../testing/fake-subgraphs';
import { IncidentService } from '../incident/incident.service';
import { IncidentLifecycleService } from '../incident/incident-lifecycle.service';
import { IncidentStatus } from '../incident/incident-status';
import { ContactChannel } from '../incident/contact-channel';
import { placeCalendars, ROUND_THE_CLOCK_HOURS } from '@polyplus/business-calendar';
import { startIncidentsRuntime, type IncidentsRuntime } from '../runtime/incidents-runtime';
import { Escalation } from './escalation.entity';
import { EscalationService } from './escalation.service';
import { uniformEscalationPolicy, type EscalationPolicy } from './escalation-policy';
import { ESCALATION_QUEUE, escalationJobId, type EscalationJob } from './escalation-queue';
import { EscalationTimers } from './escalation-timers';

describe('escalation timers', () => {
  const prefix = `test-incidents-${randomUUID()}`;
  const world = new FakeWorld();
  const site = world.site();
  // 24x7 so that business time is real time; short thresholds instead of minutes of sleep.
  const calendars = placeCalendars({ hours: ROUND_THE_CLOCK_HOURS });
  const redis = createRedis('worker');
  const queue = new Queue<EscalationJob>(ESCALATION_QUEUE, { connection: redis, prefix });
  let db: TestDatabase;
  let incidents: IncidentService;
  let lifecycle: IncidentLifecycleService;
  let runtime: IncidentsRuntime | undefined;

  const policy = (afterMs: number): EscalationPolicy => uniformEscalationPolicy([{ level: 1, afterMs, until: IncidentStatus.RESPONDED }]);

  async function start(escalationPolicy: EscalationPolicy): Promise<EscalationService> {
    const escalations = new EscalationService(db.dataSource, escalationPolicy, calendars);
    runtime = await startIncidentsRuntime({ dataSource: db.dataSource, escalations, prefix, pollMs: 50 });
    return escalations;
  }

  async function stop(): Promise<void> {
    await runtime?.close();
    runtime = undefined;
  }

  function openCase() {
    return incidents.open({ ...world.caseReporter(site), severity: 2, channel: ContactChannel.PHONE, summary: 'No audio' }, SUPPORT_DESK);
  }

  const escalationsOf = (incidentId: string) => db.dataSource.getRepository(Escalation).findBy({ incidentId });

  beforeAll(async () => {
    db = await createTestDatabase('incidents_escalation', incidentsSubgraph.database);
    incidents = new IncidentService(db.dataSource, { ...world.directories(), calendars });
    lifecycle = new IncidentLifecycleService(db.dataSource);
  }, 180_000);

  afterEach(() => stop(), 60_000);

  afterAll(() => closeQueueSuite(queue, redis, db, prefix), 60_000);

  it('an escalation fires for an aged case and not for a responded one', async () => {
    await start(policy(1_500));
    const responded = await openCase();
    const aged = await openCase();
    await until(() => queue.getJob(escalationJobId(responded.id, 1)), 'the responded case’s timer');
    await lifecycle.respond({ incidentId: responded.id, expectedVersion: 1, engineer: 'tsr' }, SUPPORT_DESK);

    const [escalation] = await until(
      async () => (await escalationsOf(aged.id)).length > 0 && escalationsOf(aged.id),
      'the aged case to escalate',
    );
    expect(escalation).toMatchObject({ level: 1 });
    expect(escalation.businessAgeMinutes).toBeGreaterThanOrEqual(0);
    // The responded case's timer (due before the aged one's) was removed, or ran and declined.
    const timer = await queue.getJob(escalationJobId(responded.id, 1));
    expect(timer === undefined || (timer.finishedOn !== undefined && timer.returnvalue?.escalated === false)).toBe(true);
    expect(await escalationsOf(responded.id)).toEqual([]);
    const topics = (await db.dataSource.getRepository(OutboxEvent).findBy({ aggregateKey: aged.id })).map((event) => event.topic);
    expect(topics).toContain('incident.escalated');
  });

  it('timers survive a worker restart: they live in Redis, not in the process', async () => {
    await start(policy(3_000));
    const incident = await openCase();
    await until(() => queue.getJob(escalationJobId(incident.id, 1)), 'the timer to be scheduled');
    await stop();
    expect(await queue.getJobState(escalationJobId(incident.id, 1))).toBe('delayed');
    expect(await escalationsOf(incident.id)).toEqual([]);

    await start(policy(3_000));
    await until(async () => (await escalationsOf(incident.id)).length === 1, 'the restarted worker to escalate');
  });

  it('a case opens without Redis: its event waits in the outbox and its timer is scheduled once the outbox drains', async () => {
    const incident = await openCase();
    const [event] = await db.dataSource.getRepository(OutboxEvent).findBy({ aggregateKey: incident.id });
    expect(event.publishedAt).toBeNull();
    await start(policy(500));
    await until(async () => (await escalationsOf(incident.id)).length === 1, 'the escalation after the outbox drained');
  });

  it('timers Redis lost are re-armed by the sweep for open cases only, never for a level already escalated', async () => {
    const escalations = new EscalationService(db.dataSource, policy(60_000), calendars);
    const [waiting, answered, escalated] = [await openCase(), await openCase(), await openCase()];
    await lifecycle.respond({ incidentId: answered.id, expectedVersion: 1, engineer: 'tsr' }, SUPPORT_DESK);
    await new EscalationService(db.dataSource, policy(0), calendars).escalate(escalated.id, 1);

    const timers = new EscalationTimers(db.dataSource, escalations, { prefix });
    try {
      await timers.start();
      await timers.rearm();
      expect(await queue.getJobState(escalationJobId(waiting.id, 1))).toBe('delayed');
      expect(await queue.getJob(escalationJobId(answered.id, 1))).toBeUndefined();
      expect(await queue.getJob(escalationJobId(escalated.id, 1))).toBeUndefined();

      await queue.remove(escalationJobId(waiting.id, 1)); // as if Redis had lost it
      await timers.rearm();
      expect(await queue.getJobState(escalationJobId(waiting.id, 1))).toBe('delayed');
    } finally {
      await timers.close();
    }
  });

  it('an escalation job that runs again (at-least-once) records one escalation per level', async () => {
    const escalations = new EscalationService(db.dataSource, policy(0), calendars);
    const incident = await openCase();
    const results = await Promise.all(Array.from({ length: 5 }, () => escalations.escalate(incident.id, 1)));
    expect(results.filter(Boolean)).toHaveLength(1);
    expect(await escalationsOf(incident.id)).toHaveLength(1);
  });

  it('every event the producers wrote above decodes through the event contract', async () => {
    const { topics, refused } = await decodeOutbox(db.dataSource);
    expect(topics).toEqual(expect.arrayContaining(['incident.escalated']));
    expect(refused).toEqual([]);
  });
});
