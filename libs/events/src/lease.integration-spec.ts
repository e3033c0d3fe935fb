import { randomUUID } from 'node:crypto';
import { createRedis, DEFAULT_REDIS_URL } from './redis';
import { deleteKeysMatching } from './delete-keys';
import { startLeasedSweep, tryAcquireLease, type LeasedSweep } from './lease';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('leases for work that must run once across replicas', () => {
  const prefix = `test-lease-${randomUUID()}`;
  const redis = createRedis('worker', DEFAULT_REDIS_URL);
  const sweeps: LeasedSweep[] = [];

  afterAll(async () => {
    await Promise.all(sweeps.map((sweep) => sweep.stop()));
    await deleteKeysMatching(redis, `${prefix}:*`);
    redis.disconnect();
  }, 60_000);

  it('two sweepers ticking at the same moment: one runs, the other skips the period', async () => {
    const runs: string[] = [];
    const sweep = (who: string) => {
      const started = startLeasedSweep({ redis, prefix, name: 'same-moment', everyMs: 60_000, run: async () => void runs.push(who) });
      sweeps.push(started);
      return started;
    };
    const [a, b] = [sweep('a'), sweep('b')];
    const ran = await Promise.all([a.tick(), b.tick()]);
    expect(ran.filter(Boolean)).toHaveLength(1);
    expect(runs).toHaveLength(1);
    // Within the period neither runs again, whoever ticks.
    expect(await Promise.all([a.tick(), b.tick()])).toEqual([false, false]);
    expect(runs).toHaveLength(1);
  });

  it('a sweep that runs at start on a connection made just before runs once it is ready, logging nothing', async () => {
    const fresh = createRedis('producer', DEFAULT_REDIS_URL); // fail-fast: refuses commands until ready
    const logged: string[] = [];
    let ran!: () => void;
    const running = new Promise<void>((resolve) => (ran = resolve));
    const sweep = startLeasedSweep({
      redis: fresh,
      prefix,
      name: 'at-start',
      everyMs: 60_000,
      runAtStart: true,
      run: async () => ran(),
      log: (message) => logged.push(message),
    });
    await running;
    await sweep.stop();
    fresh.disconnect();
    expect(logged).toEqual([]);
  });

  it('a run that outlasts its lease keeps it: the other sweeper never runs beside it', async () => {
    let running = 0;
    let overlapped = false;
    const runs: string[] = [];
    const run = (who: string) => async () => {
      running++;
      if (running > 1) overlapped = true;
      runs.push(who);
      await sleep(1_000); // five times the lease of 180 ms
      running--;
    };
    const a = startLeasedSweep({ redis, prefix, name: 'long-run', everyMs: 200, run: run('a') });
    sweeps.push(a);
    const first = a.tick();
    await sleep(50);
    const b = startLeasedSweep({ redis, prefix, name: 'long-run', everyMs: 200, run: run('b') });
    sweeps.push(b);
    // b ticks every 200 ms while a's run lasts: each tick finds the lease held.
    const during = await Promise.all([b.tick(), sleep(300).then(() => b.tick()), sleep(600).then(() => b.tick())]);
    await first;
    await a.stop();
    await b.stop();
    expect(during).toEqual([false, false, false]);
    expect(overlapped).toBe(false);
    expect(runs[0]).toBe('a');
  });

  it('when the holder dies, its lease lapses and a surviving sweeper runs in a later period', async () => {
    const runs: string[] = [];
    const a = startLeasedSweep({ redis, prefix, name: 'takeover', everyMs: 300, run: async () => void runs.push('a') });
    sweeps.push(a);
    expect(await a.tick()).toBe(true);
    await a.stop(); // a dies: it never releases, the lease runs out by itself
    const b = startLeasedSweep({ redis, prefix, name: 'takeover', everyMs: 300, run: async () => void runs.push('b') });
    sweeps.push(b);
    expect(await b.tick()).toBe(false);
    // b's own ticks (every 300 ms) find the lease free once it lapsed.
    for (let i = 0; i < 40 && !runs.includes('b'); i++) await sleep(50);
    expect(runs).toEqual(['a', 'b']);
  });

  it('only the holder can extend or release a lease', async () => {
    const key = `${prefix}:lease:owned`;
    const lease = await tryAcquireLease(redis, key, 5_000, 'owner-1');
    expect(lease).not.toBeNull();
    expect(await tryAcquireLease(redis, key, 5_000, 'owner-2')).toBeNull();
    await redis.set(key, 'owner-2', 'PX', 5_000); // it lapsed and someone else took it
    expect(await lease?.extend()).toBe(false);
    await lease?.release();
    expect(await redis.get(key)).toBe('owner-2');
  });
});
