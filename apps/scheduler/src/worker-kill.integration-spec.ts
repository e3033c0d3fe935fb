import { uniqueTestPrefix } from '@polyplus/testing';
import { expectKilledRunRetried } from './killed-worker-scenario';
import { openWorkerTestRig, type WorkerTestRig } from './worker-test-rig';

describe('scheduler worker process', () => {
  const databasePrefix = uniqueTestPrefix('kill');
  let rig: WorkerTestRig;

  beforeAll(async () => {
    rig = await openWorkerTestRig(databasePrefix, databasePrefix.replace(/_$/, ''));
  }, 180_000);
  afterAll(() => rig?.close(), 60_000);

  it(
    'killing the worker process mid-run (SIGKILL) loses no visit: the job is retried and the plan ends complete',
    () => expectKilledRunRetried(rig, 'R-KILL'),
    120_000,
  );
});
