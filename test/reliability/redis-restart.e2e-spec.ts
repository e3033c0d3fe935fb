import { Queue, type Job } from 'bullmq';
import { Redis } from 'ioredis';
import { graphqlData } from '@polyplus/local-stack';
import { createCoveredCustomer, openCoveredCase } from '@polyplus/testing';
import { startE2eStack, type E2eStack } from '../support/e2e-stack';
import { stockCameraModule } from '../support/stocked-depot';
import { startPrivateRedis, type PrivateServer } from './private-servers';
import { until } from '@polyplus/polling';

// Check 4. The whole product (its real processes) on a Redis of this test's own, so it can be
// killed and restarted: the shared server on 6379 serves other suites at the same time.
let redis: PrivateServer;
let stack: E2eStack;
let inspector: Redis;
let escalationQueue: Queue;
let returnQueue: Queue;
let contactId: string;
let deviceId: string;

// The queues as the incidents and logistics processes name them (BullMQ keys `<prefix>:<queue>:...`).
const ESCALATION_QUEUE = 'incident-escalation';
const RETURN_DEADLINE_QUEUE = 'return-deadlines';

const mutate = <T>(query: string, input: Record<string, unknown>) => graphqlData<T>(stack.gateway, query, { input });

/** The `/health` of a subgraph process: its pid tells whether it is still the same process. */
async function pidOf(subgraph: 'incidents' | 'logistics'): Promise<number> {
  const url = (stack.env[`${subgraph.toUpperCase()}_URL`] as string).replace(/\/graphql$/, '/health');
  return ((await (await fetch(url)).json()) as { pid: number }).pid;
}

/** Ships an order and has the carrier deliver it: delivery opens the return window. */
async function deliver(orderId: string, trackingNumber: string): Promise<void> {
  await mutate('mutation ($input: ShipOrderInput!) { shipReplacement(input: $input) { id } }', {
    orderId,
    carrier: 'DHL',
    trackingNumber,
    partSerialNumber: `PS-${trackingNumber}`,
  });
  const track = (status: string, at: Date) =>
    mutate('mutation ($input: RecordTrackingEventInput!) { recordTrackingEvent(input: $input) { status } }', {
      carrier: 'DHL',
      trackingNumber,
      status,
      at: at.toISOString(),
    });
  // Carriers report what has happened: events are dated after the hand-over and not in the future.
  await track('PICKED_UP', new Date());
  await track('DELIVERED', new Date(Date.now() + 1_000));
}

async function returnOf(orderId: string): Promise<string> {
  const { replacementOrder } = await graphqlData<{ replacementOrder: { defectiveReturn: { id: string } } }>(
    stack.gateway,
    'query ($id: ID!) { replacementOrder(id: $id) { defectiveReturn { id } } }',
    { id: orderId },
  );
  return replacementOrder.defectiveReturn.id;
}

async function delayedJobs(queue: Queue, matches: (job: Job) => boolean): Promise<Job[]> {
  return (await queue.getDelayed()).filter(matches);
}

beforeAll(async () => {
  redis = await startPrivateRedis();
  // Open returns' timers are re-armed every second here (10 min in production).
  stack = await startE2eStack('rel_redis_restart', { REDIS_URL: redis.url, RETURN_DEADLINE_REARM_MS: '1000' });
  // The test's own view of the queues; it reconnects like the workers do.
  inspector = new Redis(redis.url, { maxRetriesPerRequest: null });
  inspector.on('error', () => undefined);
  const prefix = stack.prefix.replace(/_$/, '');
  escalationQueue = new Queue(ESCALATION_QUEUE, { connection: inspector, prefix });
  returnQueue = new Queue(RETURN_DEADLINE_QUEUE, { connection: inspector, prefix });
  escalationQueue.on('error', () => undefined);
  returnQueue.on('error', () => undefined);

  ({ contactId, deviceId } = await createCoveredCustomer(stack.gateway, {
    name: 'Hooli',
    serial: 'HOOLI-0001',
    site: { name: 'Palo Alto', subdivision: 'ENG' },
    technician: { name: 'Gavin', email: 'gavin@hooli.example' },
    contract: { reference: 'PP-HOOLI' },
  }));
  await stockCameraModule(stack.gateway, '2215-60002', 3);
}, 300_000);

afterAll(async () => {
  await escalationQueue?.close();
  await returnQueue?.close();
  inspector?.disconnect();
  await stack?.teardown();
  await redis?.dispose();
}, 60_000);

describe('check 4: Redis restarts with timers pending', () => {
  it('Redis restarted with delayed escalation and return-deadline jobs pending: workers resume unattended, no job lost', async () => {
    // A Sev 2 case: the incidents process schedules its two escalation timers (1 hour, 1 business day).
    const incidentId = await openCoveredCase(
      stack.gateway,
      { contactId, deviceId },
      { severity: 2, channel: 'PHONE', summary: 'Camera module dead' },
    );
    // A delivered replacement: the logistics process arms its return deadline (10 business days).
    const { orderReplacement } = await mutate<{ orderReplacement: { id: string } }>(
      'mutation ($input: OrderReplacementInput!) { orderReplacement(input: $input) { id } }',
      {
        incidentId,
        partNumber: '2215-60002',
        quantity: 1,
      },
    );
    await deliver(orderReplacement.id, 'JD099001');
    const returnId = await returnOf(orderReplacement.id);
    const [deadline] = await until(async () => {
      const jobs = await delayedJobs(returnQueue, (job) => job.data.returnId === returnId);
      return jobs.length === 1 && jobs;
    }, 'the return deadline timer');

    // The case waited on the part from order to delivery (its resolution clock paused, the level-2
    // timer moved with it): take the timers once that pause has closed and both are armed again.
    type Clock = { incident: { resolutionClock: { pauses: { reason: string; to: string | null }[] } } };
    await until(
      async () => {
        const { incident } = await graphqlData<Clock>(
          stack.gateway,
          'query ($id: ID!) { incident(id: $id) { resolutionClock { pauses { reason to } } } }',
          { id: incidentId },
        );
        const partPauses = incident.resolutionClock.pauses.filter((pause) => pause.reason === 'WAITING_ON_PART');
        return partPauses.length > 0 && partPauses.every((pause) => pause.to !== null);
      },
      'the wait for the part to end',
      { timeoutMs: 60_000 },
    );
    const timers = await until(
      async () => {
        const jobs = await delayedJobs(escalationQueue, (job) => job.data.incidentId === incidentId);
        return jobs.length === 2 && jobs.sort((a, b) => a.data.level - b.data.level);
      },
      'the case’s escalation timers',
      { timeoutMs: 60_000 },
    );

    const pids = { incidents: await pidOf('incidents'), logistics: await pidOf('logistics') };
    // Bring the timers close instead of waiting an hour: level 1 and the deadline fall due while
    // Redis is down, level 2 after it is back. Nothing has run yet.
    await timers[0].changeDelay(1_000);
    await timers[1].changeDelay(6_000);
    await deadline.changeDelay(1_000);
    expect(await Promise.all([...timers, deadline].map((job) => job.getState()))).toEqual(['delayed', 'delayed', 'delayed']);

    await redis.stop('SIGKILL');
    const killedAt = Date.now();
    await new Promise((resolve) => setTimeout(resolve, 3_000)); // an outage longer than the first timers' delay
    await redis.start();

    // Both escalation jobs ran after the restart, with nobody restarting the incidents process. The
    // case is not actually due yet (only its timers were brought forward): each worker re-read the
    // case's clock and put its job back to wait for the real due time — kept, not lost, not escalated.
    // BullMQ scores a delayed job by its due time × 4096: a job put back waits far beyond the outage.
    const delayedKey = escalationQueue.toKey('delayed');
    for (const timer of timers) {
      await until(
        async () => {
          const score = await inspector.zscore(delayedKey, timer.id as string);
          return score !== null && Math.floor(Number(score) / 4096) > killedAt + 60_000;
        },
        `the level ${timer.data.level} escalation job to run after the restart and wait again`,
        { timeoutMs: 40_000, everyMs: 250 },
      );
    }
    type Escalated = { incident: { escalations: { level: number }[] } };
    const { incident } = await graphqlData<Escalated>(stack.gateway, 'query ($id: ID!) { incident(id: $id) { escalations { level } } }', {
      id: incidentId,
    });
    expect(incident.escalations).toEqual([]);

    // The deadline job ran too. The part is not actually late yet (only its timer was brought
    // forward), so the logistics worker declines to invoice and keeps the job for a retry.
    const ran = await until(
      async () => {
        const job = await returnQueue.getJob(deadline.id as string);
        return job && job.attemptsMade >= 1 && job;
      },
      'the return deadline job to run after the restart',
      { timeoutMs: 40_000, everyMs: 250 },
    );
    expect(ran.data).toEqual({ returnId });
    expect(ran.processedOn).toBeGreaterThanOrEqual(killedAt);
    expect(ran.failedReason).toMatch(/deadline not reached/);
    expect(await ran.getState()).toBe('delayed');

    // The paths that make timers resumed as well: a case opened now gets its timers (outbox relay →
    // event stream → escalation scheduler), a delivery now arms its return deadline.
    const { openIncident: later } = await mutate<{ openIncident: { id: string } }>(
      'mutation ($input: OpenIncidentInput!) { openIncident(input: $input) { id } }',
      {
        contactId,
        deviceId,
        severity: 2,
        channel: 'PHONE',
        summary: 'Second camera module dead',
      },
    );
    await until(
      async () => (await delayedJobs(escalationQueue, (job) => job.data.incidentId === later.id)).length === 2,
      'timers of a case opened after the restart',
    );
    const { orderReplacement: laterOrder } = await mutate<{ orderReplacement: { id: string } }>(
      'mutation ($input: OrderReplacementInput!) { orderReplacement(input: $input) { id } }',
      {
        incidentId: later.id,
        partNumber: '2215-60002',
        quantity: 1,
      },
    );
    await deliver(laterOrder.id, 'JD099002');
    const laterReturnId = await returnOf(laterOrder.id);
    await until(
      async () => (await delayedJobs(returnQueue, (job) => job.data.returnId === laterReturnId)).length === 1,
      'the deadline of a part delivered after the restart',
    );

    expect({ incidents: await pidOf('incidents'), logistics: await pidOf('logistics') }).toEqual(pids);
  }, 90_000);
});

describe('check 5: Redis down while a mutation needs to enqueue', () => {
  it('a delivery recorded while Redis is down commits and answers; its return timer is armed once Redis is back', async () => {
    const { openIncident } = await mutate<{ openIncident: { id: string } }>(
      'mutation ($input: OpenIncidentInput!) { openIncident(input: $input) { id } }',
      {
        contactId,
        deviceId,
        severity: 3,
        channel: 'PHONE',
        summary: 'Third camera module dead',
      },
    );
    const { orderReplacement } = await mutate<{ orderReplacement: { id: string } }>(
      'mutation ($input: OrderReplacementInput!) { orderReplacement(input: $input) { id } }',
      {
        incidentId: openIncident.id,
        partNumber: '2215-60002',
        quantity: 1,
      },
    );
    await mutate('mutation ($input: ShipOrderInput!) { shipReplacement(input: $input) { id } }', {
      orderId: orderReplacement.id,
      carrier: 'DHL',
      trackingNumber: 'JD099003',
      partSerialNumber: 'PS-JD099003',
    });
    await mutate('mutation ($input: RecordTrackingEventInput!) { recordTrackingEvent(input: $input) { status } }', {
      carrier: 'DHL',
      trackingNumber: 'JD099003',
      status: 'PICKED_UP',
      at: new Date().toISOString(),
    });

    await redis.stop('SIGKILL');
    try {
      // The worker-style connection would queue the add until Redis returns and hold the answer back.
      const delivered = await mutate<{ recordTrackingEvent: { status: string } }>(
        'mutation ($input: RecordTrackingEventInput!) { recordTrackingEvent(input: $input) { status } }',
        { carrier: 'DHL', trackingNumber: 'JD099003', status: 'DELIVERED', at: new Date(Date.now() + 1_000).toISOString() },
      );
      expect(delivered.recordTrackingEvent.status).toBe('DELIVERED');
    } finally {
      await redis.start();
    }
    const returnId = await returnOf(orderReplacement.id);
    await until(
      async () => (await delayedJobs(returnQueue, (job) => job.data.returnId === returnId)).length === 1,
      'the return timer armed by the sweep after Redis is back',
      { timeoutMs: 40_000, everyMs: 250 },
    );
  }, 90_000);
});
