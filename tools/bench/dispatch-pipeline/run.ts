// Whole-pipeline benchmark: event → debounced BullMQ job → load region → optimise on a worker thread
// → checkPlan → conditional commit, on 1,000 open visits and 100 technicians in one region.
// Usage: node -r @swc-node/register tools/bench/dispatch-pipeline/run.ts [--visits 1000] [--technicians 100] [--time 2]
import 'reflect-metadata';
import { randomBytes, randomUUID } from 'node:crypto';
import { Queue } from 'bullmq';
import { In } from 'typeorm';
import { databaseName, dropDatabase, openDatabase } from '@polyplus/persistence';
import { createRedis, DISPATCH_OPTIMISATION_QUEUE, enqueueRegionOptimisation, type OptimiseRegionJob } from '@polyplus/events';
import { DISPATCH_ENTITIES, DISPATCH_MIGRATIONS, OnsiteVisit, OnsiteVisitStatus, Technician } from '@polyplus/dispatch-data';
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
  const random = () => ((seed = (seed * 16807) % 2147483647) / 2147483647);
  const prefix = `bench_pipeline_${randomBytes(4).toString('hex')}_`;
  const queuePrefix = `bench-${randomUUID()}`;
  const dataSource = await openDatabase({ database: databaseName('dispatch', prefix), entities: DISPATCH_ENTITIES, migrations: DISPATCH_MIGRATIONS });
  const [redis, workerRedis] = [createRedis('producer'), createRedis('worker')];
  const queue = new Queue<OptimiseRegionJob>(DISPATCH_OPTIMISATION_QUEUE, { connection: redis, prefix: queuePrefix });
  const scheduler = await startSchedulerWorker(dataSource, workerRedis, queuePrefix, { timeLimitMs });
  try {
    await dataSource.getRepository(Technician).insert(Array.from({ length: technicianCount }, (_, i) => ({
      id: randomUUID(), name: `Tech ${i}`, region: 'BENCH', skills: [SKILLS[i % 4], SKILLS[(i + 1) % 4]],
      homeLatitude: 51.5 + (random() - 0.5) * 0.6, homeLongitude: -0.12 + (random() - 0.5) * 0.9, timeZone: 'Europe/London',
      workFrom: '08:00', workTo: '17:00', maxDailyWorkMinutes: 480,
    })));
    const now = Date.now();
    const visits = Array.from({ length: visitCount }, () => ({
      id: randomUUID(), incidentId: randomUUID(), siteId: randomUUID(), region: 'BENCH', status: OnsiteVisitStatus.UNPLANNED,
      latitude: 51.5 + (random() - 0.5) * 0.6, longitude: -0.12 + (random() - 0.5) * 0.9, siteTimeZone: 'Europe/London',
      siteCountryCode: 'GB', siteSubdivision: 'ENG', durationMinutes: 45 + Math.floor(random() * 4) * 15,
      requiredSkills: [SKILLS[Math.floor(random() * 4)]], severity: 1 + Math.floor(random() * 4),
      releaseAt: random() < 0.3 ? new Date(now + random() * 3 * DAY_MS) : null,
    }));
    for (let i = 0; i < visits.length; i += 200) await dataSource.getRepository(OnsiteVisit).insert(visits.slice(i, i + 200));
    console.log(`${visitCount} open visits, ${technicianCount} technicians, region BENCH, 7-day horizon, optimiser limit ${timeLimitMs / 1000} s`);
    console.log('  run                 event→commit (s)  optimiser (s)  optimiser share  planned  unassigned  version');

    const measure = async (label: string) => {
      const completed = new Promise<OptimiseRegionResult>((resolve) => scheduler.worker.once('completed', (_job, result: OptimiseRegionResult) => resolve(result)));
      const started = performance.now();
      await enqueueRegionOptimisation(queue, { region: 'BENCH', reason: label });
      const result = await completed;
      const seconds = (performance.now() - started) / 1000;
      const planned = await dataSource.getRepository(OnsiteVisit).countBy({ region: 'BENCH', status: OnsiteVisitStatus.PLANNED });
      console.log(`  ${label.padEnd(18)}  ${seconds.toFixed(2).padStart(16)}  ${(result.optimiserMs / 1000).toFixed(2).padStart(13)}  ${((result.optimiserMs / 1000 / seconds) * 100).toFixed(0).padStart(14)} %  ${String(planned).padStart(7)}  ${String(visitCount - planned).padStart(10)}  ${String(result.version).padStart(7)}`);
    };
    await measure('first plan');
    // A carrier exception delays 20 parts by a day: the incremental re-plan starts from the committed plan.
    const delayed = visits.slice(0, 20).map((visit) => visit.id);
    await dataSource.getRepository(OnsiteVisit).update({ id: In(delayed) }, { releaseAt: new Date(now + DAY_MS) });
    await measure('ETA change (20)');
    console.log('event→commit includes the 0.5 s debounce of enqueueRegionOptimisation.');
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
