import { checkDependencies } from './preflight';

describe('start-up preflight', () => {
  it('passes when MySQL and Redis answer', async () => {
    await expect(checkDependencies(process.env)).resolves.toBeUndefined();
  });

  it('names Redis, its URL and how to start it when Redis cannot be reached', async () => {
    const error = await checkDependencies({ ...process.env, REDIS_URL: 'redis://127.0.0.1:1' }).catch((e: Error) => e);
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).message).toContain('Redis is not reachable at redis://127.0.0.1:1 (REDIS_URL)');
    expect((error as Error).message).toContain('docker compose up -d mysql redis');
    expect((error as Error).message).not.toContain('MySQL is not reachable');
  });

  it('names MySQL and its URL when MySQL cannot be reached', async () => {
    const error = await checkDependencies({ ...process.env, MYSQL_URL: 'mysql://root@127.0.0.1:1' }).catch((e: Error) => e);
    expect((error as Error).message).toContain('MySQL is not reachable at mysql://root@127.0.0.1:1 (MYSQL_URL)');
  });
});
