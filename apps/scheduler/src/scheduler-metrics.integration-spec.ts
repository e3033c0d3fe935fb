import { Queue } from 'bullmq';
import { createTestDatabase, type TestDatabase } from '@polyplus/persistence';
import { createRedis, DISPATCH_OPTIMISATION_QUEUE, OPTIMISE_REGION, type OptimiseRegionJob } from '@polyplus/events';
import { DISPATCH_ENTITIES, DISPATCH_MIGRATIONS } from '@polyplus/dispatch-data';
import { metricSamples, metricValue, useMetricsService } from '@polyplus/metrics';
import { deleteRedisKeys, uniqueTestPrefix } from '@polyplus/testing';
import { waitFor } from '@polyplus/polling';
import { startSchedulerWorker, type SchedulerWorker } from './scheduler-worker';
import { startHealthServer, type HealthServer } from './health-server';
import { addTechnician, addVisit, MONDAY_7AM } from './region-fixtures';

// The scheduler's /metrics through its real HTTP listener, over real Redis and MariaDB: the depth
// of the queue it works, read at scrape time, and what each optimiser run did.
describe('scheduler metrics', () => {
  const prefix = uniqueTestPrefix('scheduler_metrics').replace(/_$/, '');
  const redis = createRedis('worker');
  const workerRedis = createRedis('worker');
  const queue = new Queue<OptimiseRegionJob>(DISPATCH_OPTIMISATION_QUEUE, { connection: redis, prefix });
  let db: TestDatabase;
  let scheduler: SchedulerWorker;
  let health: HealthServer;

  const scrape = async () => {
    const response = await fetch(`http://127.0.0.1:${health.port}/metrics`);
    expect(response.status).toBe(200);
    return response.text();
  };
  const jobs = async (state: string) => metricValue(await scrape(), 'polyplus_queue_jobs', { queue: DISPATCH_OPTIMISATION_QUEUE, state });

  beforeAll(async () => {
    useMetricsService('scheduler');
    db = await createTestDatabase('scheduler_metrics', { entities: DISPATCH_ENTITIES, migrations: DISPATCH_MIGRATIONS });
    scheduler = await startSchedulerWorker(db.dataSource, workerRedis, prefix, { now: () => MONDAY_7AM, timeLimitMs: 300 });
    health = await startHealthServer(0, async () => ({}), '127.0.0.1');
  }, 180_000);

  afterAll(async () => {
    await health?.close();
    await scheduler?.close();
    await queue.obliterate({ force: true }).catch(() => undefined);
    await queue.close();
    redis.disconnect();
    workerRedis.disconnect();
    await db?.drop();
    await deleteRedisKeys(prefix);
  }, 60_000);

  it('the queue’s waiting and delayed jobs, and its oldest waiting job’s age, follow the jobs added', async () => {
    // Paused, the worker takes nothing: what is added stays in the queue.
    await scheduler.worker.pause();
    expect(await jobs('waiting')).toBe(0);
    expect(metricValue(await scrape(), 'polyplus_queue_oldest_waiting_age_seconds', { queue: DISPATCH_OPTIMISATION_QUEUE })).toBe(0);

    for (const region of ['Q-1', 'Q-2', 'Q-3']) await queue.add(OPTIMISE_REGION, { region, reason: 'metrics test' });
    await queue.add(OPTIMISE_REGION, { region: 'Q-LATER', reason: 'metrics test' }, { delay: 3_600_000 });
    const text = await scrape();
    expect(metricValue(text, 'polyplus_queue_jobs', { queue: DISPATCH_OPTIMISATION_QUEUE, state: 'waiting' })).toBe(3);
    expect(metricValue(text, 'polyplus_queue_jobs', { queue: DISPATCH_OPTIMISATION_QUEUE, state: 'delayed' })).toBe(1);
    expect(metricValue(text, 'polyplus_queue_jobs', { queue: DISPATCH_OPTIMISATION_QUEUE, state: 'active' })).toBe(0);
    expect(metricValue(text, 'polyplus_queue_oldest_waiting_age_seconds', { queue: DISPATCH_OPTIMISATION_QUEUE })).toBeGreaterThanOrEqual(
      0,
    );

    await queue.add(OPTIMISE_REGION, { region: 'Q-4', reason: 'metrics test' });
    expect(await jobs('waiting')).toBe(4);

    // Worked off once the worker resumes; the delayed job is still to come.
    scheduler.worker.resume();
    await waitFor(async () => (await jobs('waiting')) === 0 && (await jobs('active')) === 0);
    expect(await jobs('delayed')).toBe(1);
  }, 120_000);

  it('each optimiser run is timed, and the region’s latest plan says what it served, left out, was late and travelled', async () => {
    await addTechnician(db.dataSource, 'R-METRICS');
    await addVisit(db.dataSource, 'R-METRICS');
    await addVisit(db.dataSource, 'R-METRICS', { latitude: 51.47, longitude: -0.45 });
    // Needs a skill nobody has: left out of the plan.
    await addVisit(db.dataSource, 'R-METRICS', { requiredSkills: ['TELEPRESENCE'] });
    const before = metricValue(await scrape(), 'polyplus_optimiser_run_duration_seconds_count', { outcome: 'committed' }) ?? 0;
    await queue.add(OPTIMISE_REGION, { region: 'R-METRICS', reason: 'metrics test' });
    await waitFor(
      async () => metricValue(await scrape(), 'polyplus_optimiser_plan_visits', { region: 'R-METRICS', state: 'served' }) !== undefined,
    );

    const text = await scrape();
    expect(metricValue(text, 'polyplus_optimiser_run_duration_seconds_count', { outcome: 'committed' })).toBeGreaterThan(before);
    expect(metricValue(text, 'polyplus_optimiser_plan_visits', { region: 'R-METRICS', state: 'served' })).toBe(2);
    expect(metricValue(text, 'polyplus_optimiser_plan_visits', { region: 'R-METRICS', state: 'unserved' })).toBe(1);
    expect(metricValue(text, 'polyplus_optimiser_plan_travel_seconds', { region: 'R-METRICS' })).toBeGreaterThan(0);
    expect(metricValue(text, 'polyplus_optimiser_plan_lateness_seconds', { region: 'R-METRICS' })).toBeGreaterThanOrEqual(0);
  }, 120_000);

  it('exposes the database pool and the process, every series labelled with the service', async () => {
    const text = await scrape();
    const database = String(db.dataSource.options.database);
    expect(metricValue(text, 'polyplus_db_pool_connections', { database, state: 'max' })).toBe(5);
    expect(metricValue(text, 'polyplus_db_pool_connections', { database, state: 'idle' })).toBeGreaterThanOrEqual(0);
    expect(metricValue(text, 'polyplus_db_pool_waiting_requests', { database })).toBe(0);
    expect(metricSamples(text, 'process_resident_memory_bytes', { service: 'scheduler' })).toHaveLength(1);
    expect(metricSamples(text, 'polyplus_queue_jobs').every((sample) => sample.labels.service === 'scheduler')).toBe(true);
  });
});
