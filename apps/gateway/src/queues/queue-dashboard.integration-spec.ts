import { Queue, Worker, type Job } from 'bullmq';
import { authConfig, issueToken, type Principal } from '@polyplus/auth';
import { createRedis, ESCALATION_QUEUE, PRODUCT_QUEUES, type RedisConnection } from '@polyplus/events';
import { SUBGRAPH_NAMES } from '@polyplus/subgraph-kit';
import { deleteRedisKeys, uniqueTestPrefix } from '@polyplus/testing';
import { startGateway, type RunningGateway } from '../gateway';

// The dashboard at /queues of a real gateway, on real Redis under a prefix of this suite's own.
// No subgraph listens on port 9: the dashboard never needs one.
const ENGINEER: Principal = { subject: 'jane', role: 'SUPPORT_ENGINEER', customerIds: [] };
const PLANNER: Principal = { subject: 'pat', role: 'DISPATCH_PLANNER', customerIds: [] };
const CUSTOMER_ADMIN: Principal = { subject: 'ann', role: 'CUSTOMER_ADMIN', customerIds: ['c1'] };
const PARTNER: Principal = { subject: 'ecps', role: 'PARTNER', customerIds: ['c1'] };
const QUEUE_NAMES = PRODUCT_QUEUES.map((queue) => queue.name);

type Answer = { status: number; text: string; headers: Headers };

describe('queue dashboard', () => {
  const prefix = uniqueTestPrefix('queue_dashboard').replace(/_$/, '');
  const env = {
    ...process.env,
    QUEUE_PREFIX: prefix,
    ...Object.fromEntries(SUBGRAPH_NAMES.map((name) => [`${name.toUpperCase()}_URL`, 'http://127.0.0.1:9/graphql'])),
  };
  let gateway: RunningGateway;
  let origin: string;
  let redis: RedisConnection;
  let escalations: Queue;

  beforeAll(async () => {
    gateway = await startGateway({ port: 0, env });
    origin = new URL(gateway.url).origin;
    redis = createRedis('worker', env);
    escalations = new Queue(ESCALATION_QUEUE, { connection: redis, prefix });
  }, 180_000);

  afterAll(async () => {
    await escalations?.close();
    redis?.disconnect();
    await gateway?.stop();
    await deleteRedisKeys(prefix);
  }, 60_000);

  const tokenOf = (principal: Principal) => issueToken(principal, authConfig(env));

  async function request(path: string, init: RequestInit & { headers?: Record<string, string> } = {}): Promise<Answer> {
    const response = await fetch(`${origin}${path}`, { redirect: 'manual', ...init });
    return { status: response.status, text: await response.text(), headers: response.headers };
  }

  /** Signs in with a bearer token as a script would; the session cookie to send back. */
  async function signIn(principal: Principal): Promise<string> {
    const answer = await request('/queues/sign-in', { method: 'POST', headers: { authorization: `Bearer ${await tokenOf(principal)}` } });
    expect(answer.status).toBe(303);
    return (answer.headers.get('set-cookie') as string).split(';')[0];
  }

  /** A job of the escalation queue that has failed its one attempt. */
  async function failedJob(): Promise<Job> {
    const job = await escalations.add('escalate', { incidentId: `i-${Date.now()}`, level: 1 }, { attempts: 1 });
    const worker = new Worker(ESCALATION_QUEUE, async () => Promise.reject(new Error('no incidents service here')), {
      connection: createRedis('worker', env),
      prefix,
    });
    await new Promise<void>((resolve) => worker.on('failed', (failed) => failed?.id === job.id && resolve()));
    await worker.close();
    await worker.disconnect();
    return job;
  }

  const queueNamesIn = (answer: Answer) =>
    ((JSON.parse(answer.text) as { queues: { name: string }[] }).queues ?? []).map((queue) => queue.name);
  const fromDashboard = () => ({ origin, 'content-type': 'application/json' });

  it('support staff see every queue of the product and retry a failed job', async () => {
    const cookie = await signIn(ENGINEER);
    const list = await request('/queues/api/queues', { headers: { cookie } });
    expect(list.status).toBe(200);
    expect(queueNamesIn(list).sort()).toEqual([...QUEUE_NAMES].sort());

    const job = await failedJob();
    const retry = await request(`/queues/api/queues/${ESCALATION_QUEUE}/${job.id}/retry`, {
      method: 'PUT',
      headers: { cookie, ...fromDashboard() },
      body: '{}',
    });
    expect(retry.status).toBeLessThan(300);
    expect(await escalations.getJobState(job.id as string)).toBe('waiting');
    await escalations.remove(job.id as string);
  });

  it('support staff clean failed jobs, but may not obliterate, empty or pause a queue', async () => {
    const cookie = await signIn(ENGINEER);
    const job = await failedJob();
    for (const change of ['obliterate', 'empty', 'pause']) {
      const refused = await request(`/queues/api/queues/${ESCALATION_QUEUE}/${change}`, {
        method: 'PUT',
        headers: { cookie, ...fromDashboard() },
        body: '{}',
      });
      expect({ change, status: refused.status }).toEqual({ change, status: 403 });
    }
    expect(await escalations.isPaused()).toBe(false);
    expect(await escalations.getJobState(job.id as string)).toBe('failed');
    // Cleaning a whole status keeps what failed in the last 5 s (Bull Board's grace time); one job goes at once.
    const clean = await request(`/queues/api/queues/${ESCALATION_QUEUE}/${job.id}/clean`, {
      method: 'PUT',
      headers: { cookie, ...fromDashboard() },
      body: '{}',
    });
    expect(clean.status).toBeLessThan(300);
    expect(await escalations.getJob(job.id as string)).toBeUndefined();
  });

  it('a dispatch planner sees the same queues read-only: retry and clean are refused and the job is untouched', async () => {
    const cookie = await signIn(PLANNER);
    const list = await request('/queues/api/queues', { headers: { cookie } });
    expect(list.status).toBe(200);
    expect(queueNamesIn(list).sort()).toEqual([...QUEUE_NAMES].sort());
    expect(JSON.parse(list.text).queues.every((queue: { readOnlyMode: boolean }) => queue.readOnlyMode)).toBe(true);

    const job = await failedJob();
    const bearer = { authorization: `Bearer ${await tokenOf(PLANNER)}`, 'content-type': 'application/json' };
    for (const [path, headers] of [
      [`/queues/api/queues/${ESCALATION_QUEUE}/${job.id}/retry`, { cookie, ...fromDashboard() }],
      [`/queues/api/queues/${ESCALATION_QUEUE}/retry/failed`, bearer],
      [`/queues/api/queues/${ESCALATION_QUEUE}/clean/failed`, { cookie, ...fromDashboard() }],
      [`/queues/api/queues/${ESCALATION_QUEUE}/${job.id}/clean`, bearer],
    ] as const) {
      const refused = await request(path, { method: 'PUT', headers, body: '{}' });
      expect({ path, status: refused.status }).toEqual({ path, status: 403 });
    }
    expect(await escalations.getJobState(job.id as string)).toBe('failed');
    expect((await escalations.getJob(job.id as string))?.attemptsMade).toBe(1);
    await escalations.remove(job.id as string);
  });

  it('customers, partners and callers without a token are refused and learn no queue name', async () => {
    for (const principal of [CUSTOMER_ADMIN, PARTNER]) {
      const token = await tokenOf(principal);
      const signInRefused = await request('/queues/sign-in', { method: 'POST', headers: { authorization: `Bearer ${token}` } });
      expect(signInRefused.status).toBe(403);
      expect(signInRefused.headers.get('set-cookie')).toBeNull();
      const list = await request('/queues/api/queues', { headers: { authorization: `Bearer ${token}` } });
      expect(list.status).toBe(403);
      for (const name of QUEUE_NAMES) expect(list.text).not.toContain(name);
    }
    const anonymous = await request('/queues/api/queues');
    expect(anonymous.status).toBe(401);
    for (const name of QUEUE_NAMES) expect(anonymous.text).not.toContain(name);
    const page = await request('/queues/', { headers: { accept: 'text/html' } });
    expect(page.status).toBe(303);
    expect(page.headers.get('location')).toBe('/queues/sign-in');
  });

  it('an API token is no session cookie, and a session cookie is no API token', async () => {
    const apiToken = await tokenOf(ENGINEER);
    expect((await request('/queues/api/queues', { headers: { cookie: `polyplus_queues=${apiToken}` } })).status).toBe(401);
    const session = (await signIn(ENGINEER)).split('=')[1];
    const graphql = await fetch(gateway.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${session}` },
      body: '{"query":"{ __typename }"}',
    });
    expect(graphql.status).toBe(401);
  });

  it('a change riding on the session cookie from another site, or with no origin, is refused and changes nothing', async () => {
    const cookie = await signIn(ENGINEER);
    const job = await failedJob();
    const path = `/queues/api/queues/${ESCALATION_QUEUE}/${job.id}/retry`;
    const crossSite = await request(path, {
      method: 'PUT',
      headers: { cookie, origin: 'https://elsewhere.example', 'content-type': 'application/json' },
      body: '{}',
    });
    expect(crossSite.status).toBe(403);
    const sameHostOtherSite = await request(path, {
      method: 'PUT',
      headers: { cookie, ...fromDashboard(), 'sec-fetch-site': 'cross-site' },
      body: '{}',
    });
    expect(sameHostOtherSite.status).toBe(403);
    const noOrigin = await request(path, { method: 'PUT', headers: { cookie, 'content-type': 'application/json' }, body: '{}' });
    expect(noOrigin.status).toBe(403);
    expect(await escalations.getJobState(job.id as string)).toBe('failed');
    // Nor can another site sign a browser in with a token of its choosing.
    const form = await request('/queues/sign-in', {
      method: 'POST',
      headers: { origin: 'https://elsewhere.example', 'content-type': 'application/x-www-form-urlencoded' },
      body: `token=${await tokenOf(ENGINEER)}`,
    });
    expect(form.status).toBe(403);
    expect(form.headers.get('set-cookie')).toBeNull();
    await escalations.remove(job.id as string);
  });

  it('signs in from its own page with a pasted token, into a short-lived HttpOnly SameSite=Strict cookie', async () => {
    const form = await request('/queues/sign-in', {
      method: 'POST',
      headers: { origin, 'content-type': 'application/x-www-form-urlencoded' },
      body: `token=${await tokenOf(ENGINEER)}`,
    });
    expect(form.status).toBe(303);
    expect(form.headers.get('location')).toBe('/queues/');
    const cookie = form.headers.get('set-cookie') as string;
    expect(cookie).toMatch(/; Path=\/queues; Max-Age=1800; HttpOnly; SameSite=Strict$/);
  });

  it('serves Bull Board’s page under a strict policy, loading nothing from another origin', async () => {
    const cookie = await signIn(PLANNER);
    const page = await request('/queues/', { headers: { cookie, accept: 'text/html' } });
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toContain("default-src 'self'; script-src 'self'");
    expect(page.text).toContain('<base href="/queues/"');
    expect(page.text).not.toMatch(/(src|href)="https?:/);
    const scripts = [...page.text.matchAll(/<script defer src="([^"]+)"/g)].map((match) => match[1]);
    expect(scripts.length).toBeGreaterThan(0);
    for (const script of scripts) expect((await request(`/queues/${script}`, { headers: { cookie } })).status).toBe(200);
  });

  it('outside production ?as=engineer signs in as the demo support engineer with one click', async () => {
    const answer = await request('/queues/sign-in?as=engineer');
    expect(answer.status).toBe(303);
    const cookie = (answer.headers.get('set-cookie') as string).split(';')[0];
    const list = await request(`/queues/api/queues`, { headers: { cookie } });
    expect(list.status).toBe(200);
    expect(JSON.parse(list.text).queues.every((queue: { readOnlyMode: boolean }) => !queue.readOnlyMode)).toBe(true);
  });
});
