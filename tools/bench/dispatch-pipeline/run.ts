// Whole-pipeline benchmark: event → debounced BullMQ job → load region → optimise on a worker thread
// → checkPlan → conditional commit, on 1,000 open visits and 100 technicians in one region.
// Usage: node -r @swc-node/register tools/bench/dispatch-pipeline/run.ts [--visits 1000] [--technicians 100] [--time 2]
import 'reflect-metadata';
import { randomBytes, randomUUID } from 'node:crypto';
import { Queue } from 'bullmq';
import { In, IsNull, MoreThanOrEqual } from 'typeorm';
import { databaseName, dropDatabase, openDatabase } from '@polyplus/persistence';
import {
  createRedis,
  DISPATCH_OPTIMISATION_QUEUE,
  enqueueRegionOptimisation,
  eventStreamKey,
  OutboxEvent,
  publishToStream,
  type OptimiseRegionJob,
} from '@polyplus/events';
import {
  DISPATCH_ENTITIES,
  DISPATCH_MIGRATIONS,
  OnsiteVisit,
  OnsiteVisitStatus,
  RegionPlanStore,
  Technician,
} from '@polyplus/dispatch-data';
import { serviceUnavailable, type SubgraphClient } from '@polyplus/subgraph-kit';
import { CaseDirectory } from '../../../apps/dispatch/src/intake/case-directory';
import { RegionDirectory } from '../../../apps/dispatch/src/intake/region-directory';
import { VisitIntakeService } from '../../../apps/dispatch/src/intake/visit-intake.service';
import { OptimisationTrigger, REPLAN_DEBOUNCE_MS } from '../../../apps/dispatch/src/onsite-visit/optimisation-trigger';
import { startDispatchRuntime } from '../../../apps/dispatch/src/runtime/dispatch-runtime';
import { startSchedulerWorker } from '../../../apps/scheduler/src/scheduler-worker';
import type { OptimiseRegionResult } from '../../../apps/scheduler/src/optimise-region.processor';

const SKILLS = ['PRINTER', 'DISPLAY', 'CAMERA', 'AUDIO'];
const DAY_MS = 86_400_000;

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
}

async function main(): Promise<void> {
  const visitCount = arg('visits', 1000);
  const technicianCount = arg('technicians', 100);
  const timeLimitMs = arg('time', 2) * 1000;
  let seed = 7;
  const random = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
  const prefix = `bench_pipeline_${randomBytes(4).toString('hex')}_`;
  const queuePrefix = `bench-${randomUUID()}`;
  const dataSource = await openDatabase({
    database: databaseName('dispatch', prefix),
    entities: DISPATCH_ENTITIES,
    migrations: DISPATCH_MIGRATIONS,
  });
  const [redis, workerRedis] = [createRedis('producer'), createRedis('worker')];
  const queue = new Queue<OptimiseRegionJob>(DISPATCH_OPTIMISATION_QUEUE, { connection: redis, prefix: queuePrefix });
  const scheduler = await startSchedulerWorker(dataSource, workerRedis, queuePrefix, { timeLimitMs });
  try {
    await dataSource.getRepository(Technician).insert(
      Array.from({ length: technicianCount }, (_, i) => ({
        id: randomUUID(),
        name: `Tech ${i}`,
        region: 'BENCH',
        skills: [SKILLS[i % 4], SKILLS[(i + 1) % 4]],
        homeLatitude: 51.5 + (random() - 0.5) * 0.6,
        homeLongitude: -0.12 + (random() - 0.5) * 0.9,
        timeZone: 'Europe/London',
        workFrom: '08:00',
        workTo: '17:00',
        maxDailyWorkMinutes: 480,
      })),
    );
    const now = Date.now();
    const visits = Array.from({ length: visitCount }, () => ({
      id: randomUUID(),
      incidentId: randomUUID(),
      siteId: randomUUID(),
      region: 'BENCH',
      status: OnsiteVisitStatus.UNPLANNED,
      latitude: 51.5 + (random() - 0.5) * 0.6,
      longitude: -0.12 + (random() - 0.5) * 0.9,
      siteTimeZone: 'Europe/London',
      siteCountryCode: 'GB',
      siteSubdivision: 'ENG',
      durationMinutes: 45 + Math.floor(random() * 4) * 15,
      requiredSkills: [SKILLS[Math.floor(random() * 4)]],
      severity: 1 + Math.floor(random() * 4),
      ...(random() < 0.3
        ? { releaseAt: new Date(now + random() * 3 * DAY_MS), replacementOrderId: randomUUID() }
        : { releaseAt: null, replacementOrderId: null }),
    }));
    for (let i = 0; i < visits.length; i += 200) await dataSource.getRepository(OnsiteVisit).insert(visits.slice(i, i + 200));
    console.log(
      `${visitCount} open visits, ${technicianCount} technicians, region BENCH, 7-day horizon, optimiser limit ${timeLimitMs / 1000} s`,
    );
    console.log('  run                 event→commit (s)  optimiser (s)  optimiser share  planned  unassigned  version');

    const measure = async (label: string) => {
      const completed = new Promise<OptimiseRegionResult>((resolve) =>
        scheduler.worker.once('completed', (_job, result: OptimiseRegionResult) => resolve(result)),
      );
      const started = performance.now();
      await enqueueRegionOptimisation(queue, { region: 'BENCH', reason: label });
      const result = await completed;
      const seconds = (performance.now() - started) / 1000;
      const planned = await dataSource.getRepository(OnsiteVisit).countBy({ region: 'BENCH', status: OnsiteVisitStatus.PLANNED });
      console.log(
        `  ${label.padEnd(18)}  ${seconds.toFixed(2).padStart(16)}  ${(result.optimiserMs / 1000).toFixed(2).padStart(13)}  ${((result.optimiserMs / 1000 / seconds) * 100).toFixed(0).padStart(14)} %  ${String(planned).padStart(7)}  ${String(visitCount - planned).padStart(10)}  ${String(result.version).padStart(7)}`,
      );
    };
    await measure('first plan');
    // A carrier exception delays 20 parts by a day: the incremental re-plan starts from the committed plan.
    const delayed = visits.slice(0, 20).map((visit) => visit.id);
    await dataSource.getRepository(OnsiteVisit).update({ id: In(delayed) }, { releaseAt: new Date(now + DAY_MS) });
    await measure('ETA change (20)');

    // The production path: a carrier exception on a consolidated shipment publishes 20
    // `replacement.eta-changed` events; dispatch's intake consumes them from the stream, moves the
    // release times and asks for a re-plan; the worker commits a plan built on all 20.
    const trigger = new OptimisationTrigger(queuePrefix);
    const noLookUps: SubgraphClient = { request: () => Promise.reject(serviceUnavailable('not used by ETA changes')) };
    const intake = new VisitIntakeService(
      dataSource,
      new CaseDirectory(noLookUps, noLookUps, noLookUps),
      new RegionDirectory(dataSource),
      trigger,
    );
    const runtime = await startDispatchRuntime({ dataSource, intake, prefix: queuePrefix, pollMs: 100 });
    try {
      // Let the relay publish the earlier runs' visit.changed rows first, so they do not count here.
      while ((await dataSource.getRepository(OutboxEvent).countBy({ publishedAt: IsNull() })) > 0)
        await new Promise((resolve) => setTimeout(resolve, 100));
      const withParts = visits.filter((visit) => visit.replacementOrderId).slice(20, 40);
      const newEta = new Date(Math.ceil((now + 2 * DAY_MS) / 3_600_000) * 3_600_000);
      const runs: OptimiseRegionResult[] = [];
      const onCompleted = (_job: unknown, result: OptimiseRegionResult) => void runs.push(result);
      scheduler.worker.on('completed', onCompleted);
      const started = performance.now();
      await publishToStream(
        redis,
        eventStreamKey(queuePrefix),
        withParts.map((visit) => ({
          id: randomUUID(),
          topic: 'replacement.eta-changed',
          key: visit.replacementOrderId as string,
          source: 'bench',
          occurredAt: new Date().toISOString(),
          payload: {
            orderId: visit.replacementOrderId,
            incidentId: visit.incidentId,
            status: 'SHIPPED',
            expectedDeliveryAt: newEta.toISOString(),
            shipmentStatus: 'EXCEPTION',
          },
        })),
      );
      const ids = withParts.map((visit) => visit.id);
      const store = new RegionPlanStore(dataSource);
      // Committed by a run that saw all 20 new ETAs: an ETA change bumps the region's version, only a run's commit stamps the visits with it.
      for (;;) {
        const rows = await dataSource.getRepository(OnsiteVisit).findBy({ id: In(ids) });
        const version = (await store.findPlan('BENCH'))?.version;
        if (rows.every((row) => row.releaseAt?.getTime() === newEta.getTime() && row.planVersion === version)) break;
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      const seconds = (performance.now() - started) / 1000;
      const committed = runs.filter((run) => !run.stale);
      const last = committed[committed.length - 1];
      const honoured = await dataSource
        .getRepository(OnsiteVisit)
        .countBy({ id: In(ids), status: OnsiteVisitStatus.PLANNED, windowStart: MoreThanOrEqual(newEta) });
      const planned = await dataSource.getRepository(OnsiteVisit).countBy({ region: 'BENCH', status: OnsiteVisitStatus.PLANNED });
      console.log(
        `  ${'20 ETA events'.padEnd(18)}  ${seconds.toFixed(2).padStart(16)}  ${(last.optimiserMs / 1000).toFixed(2).padStart(13)}  ${((last.optimiserMs / 1000 / seconds) * 100).toFixed(0).padStart(14)} %  ${String(planned).padStart(7)}  ${String(visitCount - planned).padStart(10)}  ${String(last.version).padStart(7)}`,
      );
      console.log(
        `  20 ETA events: ${runs.length} optimisation run(s) (${runs.length - committed.length} stale), ${honoured}/20 delayed visits planned after their new ETA`,
      );
      scheduler.worker.off('completed', onCompleted);
    } finally {
      await runtime.close();
      await trigger.close();
    }
    console.log(
      `event→commit includes the ${REPLAN_DEBOUNCE_MS / 1000} s debounce of enqueueRegionOptimisation; the event rows also include stream consumption and one locked update per ETA change.`,
    );
  } finally {
    await scheduler.close();
    await queue.obliterate({ force: true });
    await queue.close();
    redis.disconnect();
    workerRedis.disconnect();
    await dataSource.destroy();
    await dropDatabase(databaseName('dispatch', prefix));
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
