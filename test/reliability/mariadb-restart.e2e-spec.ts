import { authConfig, signPrincipal, type Principal } from '@polyplus/auth';
import { DEMO_ENGINEER } from '@polyplus/local-stack';
import { startPrivateMariadb, type PrivateServer } from './private-servers';
import { startSubgraphProcess, type SubgraphProcess } from './subgraph-process';
import { mark, startRequestStream, type Answer, type Outcome } from './request-stream';
import { until } from '@polyplus/polling';

// Check 9. The customers subgraph (its real process) on a MariaDB of this test's own: the shared
// server on 3306 serves other suites and must never restart.
let mariadb: PrivateServer;
let customers: SubgraphProcess;

const env: NodeJS.ProcessEnv = { NODE_ENV: 'test' };

/** A request as the gateway would forward it: the principal in the signed header. */
async function ask(
  query: string,
  variables: Record<string, unknown> = {},
  principal: Principal = DEMO_ENGINEER,
): Promise<Answer & { data?: Record<string, unknown> }> {
  const response = await fetch(customers.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...signPrincipal(principal, authConfig(env).principalSecrets[0]) },
    body: JSON.stringify({ query, variables }),
    signal: AbortSignal.timeout(15_000),
  });
  const body = (await response.json()) as {
    data?: Record<string, unknown> | null;
    errors?: { message: string; extensions?: { code?: string } }[];
  };
  const [error] = body.errors ?? [];
  return error
    ? { ok: false, httpStatus: response.status, code: error.extensions?.code, message: error.message }
    : { ok: true, httpStatus: response.status, data: body.data ?? undefined };
}

const health = async () => {
  const response = await fetch(customers.healthUrl, { signal: AbortSignal.timeout(10_000) });
  return { status: response.status, body: (await response.json().catch(() => ({}))) as { pid?: number; checks?: Record<string, string> } };
};

const READ = 'query ($id: ID!) { customer(id: $id) { id name sites { id } } }';
const WRITE = 'mutation ($input: CreateSiteInput!) { createSite(input: $input) { id name } }';

beforeAll(async () => {
  mariadb = await startPrivateMariadb();
  customers = await startSubgraphProcess('customers', { ...env, MYSQL_URL: mariadb.url });
}, 300_000);

afterAll(async () => {
  await customers?.stop();
  await mariadb?.dispose();
}, 60_000);

describe('check 9: the database restarts under load', () => {
  // A crash cuts connections mid-query; a clean shutdown refuses new work first. The same process lives through both.
  it.each([
    ['a crash (SIGKILL)', 'SIGKILL'],
    ['a clean shutdown (SIGTERM)', 'SIGTERM'],
  ] as const)(
    'MariaDB restarted under load: errors only during the outage; recovery without restarting the app — %s',
    async (_kind, signal) => {
      const created = await ask('mutation { createCustomer(input: { name: "Umbrella" }) { id } }');
      expect(created.ok).toBe(true);
      const customerId = (created.data?.createCustomer as { id: string }).id;
      const before = await health();
      expect(before).toMatchObject({ status: 200, body: { pid: customers.pid, checks: { mysql: 'up' } } });

      // Readers and one writer, back to back; a write counts as acknowledged only when it answered data.
      const acknowledged: string[] = [];
      let writes = 0;
      const reads = startRequestStream(() => ask(READ, { id: customerId }), 4);
      const writer = startRequestStream(async () => {
        const name = `Depot ${++writes}`;
        const answer = await ask(WRITE, { input: { customerId, name, countryCode: 'GB', timeZone: 'Europe/London' } });
        if (answer.ok) acknowledged.push(name);
        return answer;
      }, 1);
      const all = () => [...reads.outcomes, ...writer.outcomes];
      await until(async () => reads.outcomes.filter((o) => o.ok).length >= 20 && writer.outcomes.some((o) => o.ok), 'steady traffic');

      const killedAt = mark();
      await mariadb.stop(signal);
      // The outage is visible: /health says 503 and requests get a clean error, not a dead process.
      await until(async () => (await health()).status === 503, '/health to report the database down');
      await until(async () => all().filter((o) => o.startedAt > killedAt && !o.ok).length >= 10, 'requests to fail during the outage');
      const down = await health();
      expect(down).toMatchObject({ status: 503, body: { pid: customers.pid, checks: { mysql: 'down' } } });

      await mariadb.start();
      const backAt = mark();
      await until(async () => (await health()).status === 200, '/health to report the database up again');
      const recoveredAt = (
        await until(async () => all().find((o) => o.startedAt > backAt && o.ok), 'a request to succeed after the restart')
      ).startedAt;
      // Keep the load on for a while after recovery: every one of those requests must succeed.
      await until(async () => all().filter((o) => o.startedAt > recoveredAt).length >= 40, 'traffic after recovery');
      const outcomes: Outcome[] = [...(await reads.stop()), ...(await writer.stop())];

      const failures = outcomes.filter((o) => !o.ok);
      // Errors only during the outage: none before the kill, none once a request succeeded again.
      expect(failures.filter((o) => o.endedAt < killedAt)).toEqual([]);
      expect(failures.filter((o) => o.startedAt > recoveredAt)).toEqual([]);
      // ...and each was a clean, retryable answer from the running process, not a crash or a dropped connection.
      expect(failures.length).toBeGreaterThan(0);
      expect(new Set(failures.map((o) => `${o.httpStatus} ${o.code} ${o.message}`))).toEqual(
        new Set(['200 SERVICE_UNAVAILABLE A service is temporarily unavailable; try again shortly']),
      );

      // The same process served throughout, and nothing it acknowledged was lost.
      expect(customers.running()).toBe(true);
      expect(await health()).toMatchObject({ status: 200, body: { pid: customers.pid, checks: { mysql: 'up' } } });
      const after = await ask('query ($id: ID!) { customer(id: $id) { sites { name } } }', { id: customerId });
      const stored = new Set((after.data?.customer as { sites: { name: string }[] }).sites.map((site) => site.name));
      expect(acknowledged.length).toBeGreaterThan(0);
      expect(acknowledged.filter((name) => !stored.has(name))).toEqual([]);
    },
    60_000,
  );
});
