import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import { createPool, type Pool } from 'mysql2/promise';
import type { Client } from 'graphql-ws';
import { authConfig, issueToken, type Principal } from '@polyplus/auth';
import { startMailSink, type MailSink } from '@polyplus/mail-sink';
import { parseMysqlUrl } from '@polyplus/persistence';
import { SUBGRAPH_NAMES, type SubgraphName } from '@polyplus/subgraph-kit';
import { deleteRedisKeys, dropDatabasesWithPrefix, uniqueTestPrefix } from '@polyplus/testing';
import { until } from '@polyplus/polling';
import { startPrivateRedis, type PrivateServer } from './private-servers';
import { startLoadBalancer, type LoadBalancer } from './load-balancer';
import { startReplica, type ReplicaProcess } from './replica-process';
import {
  createWorld,
  Gateways,
  OPEN_CASE,
  ORDER,
  PART,
  SHIP,
  subscribe,
  startWebhookReceiver,
  TRACK,
  WEBHOOK_EVENT_TYPES,
  type Feed,
  type Tenant,
  type WebhookReceiver,
} from './scale-out-world';

// Every service in two replicas, as a cluster would run them: two of each subgraph behind a load
// balancer each, two gateways (clients alternate), two schedulers; the shared MariaDB (databases
// of this test's own) and a Redis of its own. A mixed load runs for a bounded time and one replica
// of each kind is killed (SIGKILL) in the middle of it; then nothing may be lost or done twice.
// The load runs at least LOAD_MS, and on a busy machine longer (up to LOAD_CAP_MS) until replacement
// orders went through both before and after the kill; the kill comes at KILL_AT_MS at the earliest.
const LOAD_MS = 30_000;
const KILL_AT_MS = 12_000;
const LOAD_CAP_MS = 90_000;
const ORDERS_EACH_SIDE = 2;
const SETTLE_MS = 150_000;
const TENANTS = 3;

let redis: PrivateServer;
let inspector: Redis;
let prefix: string;
let queuePrefix: string;
let sink: MailSink;
let receiver: WebhookReceiver;
let webhookSecret = '';
let pool: Pool;
const balancers = {} as Record<SubgraphName, LoadBalancer>;
const replicas = {} as Record<SubgraphName, ReplicaProcess[]>;
let gateways: ReplicaProcess[] = [];
let schedulers: ReplicaProcess[] = [];
const clients: Client[] = [];
let env: NodeJS.ProcessEnv;
let staff: Gateways;
let tenants: Tenant[];
const warmUpIncidents = new Set<string>();
const warmUpVisits = new Set<string>();
const servedBeforeKill = {} as Record<SubgraphName, number[]>;
/** How long each phase took, printed at the end: the run is bounded, this shows where the time goes. */
const phases: Record<string, number> = {};
const phase = async <T>(name: string, work: () => Promise<T>): Promise<T> => {
  const started = Date.now();
  try {
    return await work();
  } finally {
    phases[name] = Math.round((Date.now() - started) / 100) / 10;
  }
};

type Subscriber = { gateway: number; who: string; customerId?: string; kind: 'incident' | 'visit'; feed: Feed };
const subscribers: Subscriber[] = [];

const database = (subgraph: SubgraphName) => `${prefix}${subgraph}`;
async function rows<T>(subgraph: SubgraphName, sql: string, params: unknown[] = []): Promise<T[]> {
  const [result] = await pool.query(sql.replace(/`db`/g, `\`${database(subgraph)}\``), params);
  return result as T[];
}

const tokenFor = (principal: Principal) => issueToken(principal, authConfig(env));

/** Both replicas of a subgraph, started together (they migrate their database under a lock). */
async function startPair(name: SubgraphName): Promise<void> {
  const start = (n: number) =>
    startReplica({
      name: `${name}-${n}`,
      entry: `apps/${name}/src/main.ts`,
      env: { ...env, ...(name === 'notifications' ? { MAIL_RECEIVER_PORT: '0', MAIL_LINKS_PORT: '0' } : {}) },
      portVariable: `${name.toUpperCase()}_PORT`,
    });
  replicas[name] = await Promise.all([start(1), start(2)]);
  for (const replica of replicas[name]) balancers[name].add({ host: '127.0.0.1', port: replica.port as number });
}

beforeAll(async () => {
  redis = await startPrivateRedis();
  prefix = uniqueTestPrefix('rel_scale');
  queuePrefix = prefix.replace(/_$/, '');
  inspector = new Redis(redis.url, { maxRetriesPerRequest: null });
  inspector.on('error', () => undefined);
  const server = parseMysqlUrl();
  pool = createPool({ host: server.host, port: server.port, user: server.username, password: server.password, connectionLimit: 4 });
  sink = await startMailSink({});
  receiver = await startWebhookReceiver(() => webhookSecret);
  for (const name of SUBGRAPH_NAMES) balancers[name] = await startLoadBalancer();
  env = {
    NODE_ENV: 'test',
    MYSQL_DATABASE_PREFIX: prefix,
    QUEUE_PREFIX: queuePrefix,
    REDIS_URL: redis.url,
    SMTP_URL: sink.smtpUrl,
    ...Object.fromEntries(SUBGRAPH_NAMES.map((name) => [`${name.toUpperCase()}_URL`, balancers[name].url()])),
    // Every case escalates as soon as it is opened: level 1 after 0 business minutes.
    INCIDENTS_ESCALATION_MINUTES: '{"1":[0],"2":[0],"3":[0]}',
    WEBHOOK_ALLOW_PRIVATE_HOSTS: '127.0.0.1',
    WEBHOOK_RETRY_BASE_MS: '200',
    WEBHOOK_RETRY_MAX_MS: '1000',
    // A dead replica's stream entries are claimed after 3 s; sweeps run every 5 s.
    EVENTS_CLAIM_IDLE_MS: '3000',
    ESCALATION_REARM_MS: '5000',
    RETURN_DEADLINE_REARM_MS: '5000',
    SCHEDULER_LOCK_MS: '2000',
    SCHEDULER_STALLED_INTERVAL_MS: '1000',
    SCHEDULER_OPTIMISER_MS: '500',
    MAIL_LOCK_MS: '2000',
  };
  try {
    await phase('start subgraphs', () => Promise.all(SUBGRAPH_NAMES.map((name) => startPair(name))));
    const startGateway = (n: number) =>
      startReplica({ name: `gateway-${n}`, entry: 'apps/gateway/src/main.ts', env, portVariable: 'GATEWAY_PORT' });
    const startScheduler = (n: number) =>
      startReplica({ name: `scheduler-${n}`, entry: 'apps/scheduler/src/main.ts', env, readyLine: 'scheduler worker ready' });
    [gateways, schedulers] = await phase('start gateways and schedulers', () =>
      Promise.all([Promise.all([startGateway(1), startGateway(2)]), Promise.all([startScheduler(1), startScheduler(2)])]),
    );
  } catch (error) {
    await stopEverything();
    throw error;
  }
  const gatewayUrls = gateways.map((gateway) => `http://127.0.0.1:${gateway.port}/graphql`);
  staff = new Gateways(gatewayUrls, await tokenFor({ subject: 'scale-engineer', role: 'SUPPORT_ENGINEER', customerIds: [] }));
  tenants = await phase('create data', () => createWorld(staff, TENANTS));
  const partner = new Gateways(
    gatewayUrls,
    await tokenFor({ subject: 'scale-partner', role: 'PARTNER', customerIds: tenants.map((tenant) => tenant.customerId) }),
  );
  const { registerWebhookEndpoint } = await partner.must<{ registerWebhookEndpoint: { secret: string } }>(
    'mutation ($input: RegisterWebhookEndpointInput!) { registerWebhookEndpoint(input: $input) { endpoint { id } secret } }',
    { input: { url: receiver.url, eventTypes: WEBHOOK_EVENT_TYPES } },
  );
  webhookSecret = registerWebhookEndpoint.secret;

  // Subscribers on both gateways: support staff (every case), each customer's admin (its own
  // cases) and a planner (every visit).
  const incidentQuery = 'subscription { incidentUpdated { topic incident { id } } }';
  const readIncident = (data: Record<string, unknown>) => {
    const update = data.incidentUpdated as { topic: string; incident: { id: string } };
    return { topic: update.topic, key: update.incident.id };
  };
  const readVisit = (data: Record<string, unknown>) => {
    const update = data.visitChanged as { change: string; visit: { id: string } };
    return { topic: update.change, key: update.visit.id };
  };
  for (const [index, url] of gatewayUrls.entries()) {
    const add = async (who: string, principal: Principal, kind: Subscriber['kind'], customerId?: string) => {
      const query = kind === 'incident' ? incidentQuery : 'subscription { visitChanged { change visit { id } } }';
      const { client, feed } = subscribe(url, await tokenFor(principal), query, kind === 'incident' ? readIncident : readVisit);
      clients.push(client);
      subscribers.push({ gateway: index, who, customerId, kind, feed });
    };
    await add('staff', { subject: 'scale-watcher', role: 'SUPPORT_ENGINEER', customerIds: [] }, 'incident');
    for (const [i, tenant] of tenants.entries())
      await add(
        `admin-${i}`,
        { subject: `scale-admin-${i}`, role: 'CUSTOMER_ADMIN', customerIds: [tenant.customerId] },
        'incident',
        tenant.customerId,
      );
    await add('planner', { subject: 'scale-planner', role: 'DISPATCH_PLANNER', customerIds: [] }, 'visit');
  }
  // graphql-ws does not acknowledge a subscribe: a first case per customer, and a first visit,
  // reaching every subscriber shows they are all live. Those are left out of the checks.
  for (const tenant of tenants) {
    const { openIncident } = await staff.must<{ openIncident: { id: string } }>(OPEN_CASE, {
      input: { contactId: tenant.contactId, deviceId: tenant.deviceId, severity: 3, channel: 'PHONE', summary: 'warm-up' },
    });
    warmUpIncidents.add(openIncident.id);
    if (tenant === tenants[0]) await staff.must(ORDER, { input: { incidentId: openIncident.id, partNumber: PART, quantity: 1 } });
  }
  await phase('subscribers live', () =>
    until(async () => subscribers.every((s) => s.feed.items.length > 0), 'every subscriber to receive its warm-up event', {
      timeoutMs: 60_000,
      everyMs: 200,
    }),
  );
  for (const s of subscribers.filter((s) => s.kind === 'visit')) for (const item of s.feed.items) warmUpVisits.add(item.key);

  await phase('load', runLoad);
}, 600_000);

async function stopEverything(): Promise<void> {
  await Promise.all(clients.map((client) => Promise.resolve(client.dispose()).catch(() => undefined)));
  await Promise.all([...gateways, ...schedulers].map((replica) => replica.stop()));
  await Promise.all(
    Object.values(replicas)
      .flat()
      .map((replica) => replica.stop()),
  );
  await Promise.all(Object.values(balancers).map((balancer) => balancer.stop()));
}

afterAll(async () => {
  if (pool && tenants) {
    const count = async (subgraph: SubgraphName, table: string) =>
      Number((await rows<{ n: number }>(subgraph, `SELECT COUNT(*) AS n FROM \`db\`.\`${table}\``).catch(() => [{ n: -1 }]))[0].n);
    const events = (await Promise.all(SUBGRAPH_NAMES.map((name) => count(name, 'outbox_event')))).reduce(
      (sum, n) => sum + Math.max(0, n),
      0,
    );
    console.log(
      `scale-out: ${await count('incidents', 'incident')} cases, ${await count('logistics', 'replacement_order')} orders, ${await count('dispatch', 'onsite_visit')} visits, ` +
        `${await count('incidents', 'incident_escalation')} escalations, ${await count('logistics', 'invoice')} invoices, ${events} events; phases (s): ${JSON.stringify(phases)}`,
    );
  }
  await stopEverything();
  await receiver?.close();
  await sink?.close();
  inspector?.disconnect();
  await pool?.end();
  if (prefix) {
    await dropDatabasesWithPrefix(prefix);
    await deleteRedisKeys(queuePrefix, redis?.url).catch(() => undefined);
  }
  await redis?.dispose();
}, 120_000);

/**
 * Cases opened, replacements ordered, shipped, delayed by the carrier (a new ETA) and delivered,
 * through alternating gateways, by a few clients at once for LOAD_MS; one replica of each kind is
 * killed at KILL_AT_MS. Failed requests are part of a crash: the checks read what was committed.
 */
async function runLoad(): Promise<void> {
  const started = Date.now();
  const elapsed = () => Date.now() - started;
  const orders = { before: 0, after: 0, delivered: 0 };
  let killed = false;
  let tracking = 0;
  const going = () =>
    elapsed() < LOAD_CAP_MS && (elapsed() < LOAD_MS || !killed || orders.after < ORDERS_EACH_SIDE || orders.delivered < 2);
  const client = async (lane: number) => {
    let laneOrders = 0;
    for (let n = 0; going(); n++) {
      const tenant = tenants[(lane + n) % tenants.length];
      const opened = await staff.ask<{ openIncident: { id: string } }>(OPEN_CASE, {
        input: { contactId: tenant.contactId, deviceId: tenant.deviceId, severity: 3, channel: 'PHONE', summary: `load ${lane}-${n}` },
      });
      if (!opened || n % 2 === 1) continue;
      const ordered = await staff.ask<{ orderReplacement: { id: string } }>(ORDER, {
        input: { incidentId: opened.openIncident.id, partNumber: PART, quantity: 1 },
      });
      if (!ordered) continue;
      orders[killed ? 'after' : 'before']++;
      const deliver = laneOrders++ % 2 === 0;
      const trackingNumber = `JDSCALE${++tracking}L${lane}`;
      if (
        !(await staff.ask(SHIP, {
          input: { orderId: ordered.orderReplacement.id, carrier: 'DHL', trackingNumber, partSerialNumber: `PS-${trackingNumber}` },
        }))
      )
        continue;
      const event = (status: string, extra: Record<string, unknown> = {}) =>
        staff.ask(TRACK, { input: { carrier: 'DHL', trackingNumber, status, at: new Date().toISOString(), ...extra } });
      if (!(await event('PICKED_UP'))) continue;
      // The carrier reports a delay: a new ETA moves the visit, the scheduler re-plans the region.
      await new Promise((resolve) => setTimeout(resolve, 5));
      if (!(await event('EXCEPTION', { eta: new Date(Date.now() + (3 + (n % 3)) * 86_400_000).toISOString(), note: 'missed connection' })))
        continue;
      // Every other part arrives: its return window opens (and is made late below).
      if (deliver) {
        await new Promise((resolve) => setTimeout(resolve, 5));
        if (await event('DELIVERED')) orders.delivered++;
      }
    }
  };
  const killer = (async () => {
    while (elapsed() < KILL_AT_MS || (orders.before < ORDERS_EACH_SIDE && elapsed() < LOAD_CAP_MS / 2))
      await new Promise((resolve) => setTimeout(resolve, 200));
    await makeDeliveredReturnsLate();
    for (const name of SUBGRAPH_NAMES)
      servedBeforeKill[name] = replicas[name].map((replica) => balancers[name].counts().get(`127.0.0.1:${replica.port}`) ?? 0);
    staff.markDown(1);
    killed = true;
    phases['kill at'] = Math.round(elapsed() / 100) / 10;
    await Promise.all([gateways[1].kill(), schedulers[1].kill(), ...SUBGRAPH_NAMES.map((name) => replicas[name][1].kill())]);
  })();
  await Promise.all([client(0), client(1), client(2), killer]);
  Object.assign(phases, { 'orders before kill': orders.before, 'orders after kill': orders.after, 'parts delivered': orders.delivered });
  await makeDeliveredReturnsLate();
}

/**
 * Ten business days pass for every delivered part, as far as the return deadlines care: the
 * windows are moved into the past and their timers fire now, on both logistics replicas at once.
 */
async function makeDeliveredReturnsLate(): Promise<void> {
  await rows('logistics', "UPDATE `db`.`defective_return` SET `lateFrom` = ? WHERE `status` = 'EXPECTED'", [new Date(Date.now() - 60_000)]);
  const queue = new Queue('return-deadlines', { connection: inspector, prefix: queuePrefix });
  try {
    for (const job of await queue.getDelayed()) await job.promote().catch(() => undefined);
  } finally {
    await queue.close();
  }
}

type OutboxRow = { id: string; topic: string; aggregateKey: string; payload: string };
const outbox = (subgraph: SubgraphName) =>
  rows<OutboxRow>(subgraph, 'SELECT `id`, `topic`, `aggregateKey`, `payload` FROM `db`.`outbox_event` ORDER BY `sequence`');

/** Polls until `check` passes (the system settles after the kill), then runs it once more for the report. */
async function settled(check: () => Promise<void>, what: string): Promise<void> {
  const started = Date.now();
  const deadline = started + SETTLE_MS;
  for (;;) {
    try {
      await check();
      phases[`settle: ${what}`] = Math.round((Date.now() - started) / 100) / 10;
      return;
    } catch (error) {
      if (Date.now() > deadline) throw new Error(`${what}: not settled after ${SETTLE_MS} ms\n${(error as Error).message}`);
      await new Promise((resolve) => setTimeout(resolve, 1_000));
    }
  }
}

const countBy = (values: string[]) =>
  values.reduce((counts, value) => counts.set(value, (counts.get(value) ?? 0) + 1), new Map<string, number>());

describe('every service in two replicas, one replica of each killed (SIGKILL) mid-load', () => {
  it('both replicas of every subgraph served before the kill, and the survivors carried on alone', async () => {
    for (const name of SUBGRAPH_NAMES) {
      expect({ name, served: servedBeforeKill[name].every((count) => count > 0) }).toEqual({ name, served: true });
      expect({ name, survivor: replicas[name][0].running(), killed: replicas[name][1].running() }).toEqual({
        name,
        survivor: true,
        killed: false,
      });
    }
    expect([gateways[0].running(), gateways[1].running(), schedulers[0].running(), schedulers[1].running()]).toEqual([
      true,
      false,
      true,
      false,
    ]);
  });

  it(
    'every committed event is published and acknowledged by every consumer group: nothing pending, no lag, nothing dead-lettered',
    async () => {
      await settled(async () => {
        for (const name of SUBGRAPH_NAMES) {
          const [unpublished] = await rows<{ n: number }>(
            name,
            'SELECT COUNT(*) AS n FROM `db`.`outbox_event` WHERE `publishedAt` IS NULL',
          ).catch(() => [{ n: 0 }]);
          expect({ name, unpublished: Number(unpublished.n) }).toEqual({ name, unpublished: 0 });
        }
        const stream = `${queuePrefix}:events`;
        const groups = ((await inspector.xinfo('GROUPS', stream)) as (string | number | null)[][]).map((fields) => {
          const info: Record<string, string | number | null> = {};
          for (let i = 0; i < fields.length; i += 2) info[String(fields[i])] = fields[i + 1];
          return { group: String(info.name), pending: Number(info.pending), lag: info.lag === null ? null : Number(info.lag) };
        });
        expect(groups.map((group) => group.group)).toEqual(
          expect.arrayContaining(['dispatch-visit-intake', 'incidents-escalation-scheduler', 'incidents-webhooks', 'notifications-mail']),
        );
        for (const group of groups) expect(group).toEqual({ group: group.group, pending: 0, lag: 0 });
        expect(await inspector.hgetall(`${stream}:dead-letter-counts`)).toEqual({});
      }, 'the event stream');
    },
    SETTLE_MS + 30_000,
  );

  it(
    'visit intake: exactly one visit per replacement order on an onsite contract, released at the part’s latest ETA',
    async () => {
      await settled(async () => {
        const orders = await rows<{ id: string; status: string; expectedDeliveryAt: Date | null }>(
          'logistics',
          'SELECT `id`, `status`, `expectedDeliveryAt` FROM `db`.`replacement_order`',
        );
        const visits = await rows<{ replacementOrderId: string; releaseAt: Date | null }>(
          'dispatch',
          'SELECT `replacementOrderId`, `releaseAt` FROM `db`.`onsite_visit` WHERE `replacementOrderId` IS NOT NULL',
        );
        const perOrder = countBy(visits.map((visit) => visit.replacementOrderId));
        expect(orders.length).toBeGreaterThanOrEqual(2 * ORDERS_EACH_SIDE);
        expect(orders.filter((order) => perOrder.get(order.id) !== 1).map((order) => [order.id, perOrder.get(order.id) ?? 0])).toEqual([]);
        const release = new Map(visits.map((visit) => [visit.replacementOrderId, visit.releaseAt?.getTime() ?? null]));
        const moved = orders.filter((order) => order.status !== 'DELIVERED');
        expect(
          moved.filter((order) => release.get(order.id) !== (order.expectedDeliveryAt?.getTime() ?? null)).map((order) => order.id),
        ).toEqual([]);
      }, 'visit intake');
    },
    SETTLE_MS + 30_000,
  );

  it(
    'escalation: each case has its level-1 timer armed once, and escalated at most once per level, each escalation published once',
    async () => {
      await settled(async () => {
        const incidents = await rows<{ id: string }>('incidents', 'SELECT `id` FROM `db`.`incident`');
        const escalations = await rows<{ incidentId: string; level: number }>(
          'incidents',
          'SELECT `incidentId`, `level` FROM `db`.`incident_escalation`',
        );
        const published = (await outbox('incidents')).filter((event) => event.topic === 'incident.escalated');
        const recorded = countBy(escalations.map((escalation) => `${escalation.incidentId}:${escalation.level}`));
        const publishedBy = countBy(
          published.map((event) => `${event.aggregateKey}:${(JSON.parse(event.payload) as { level: number }).level}`),
        );
        // Level 1 falls due 0 business minutes after the contact: at once in business hours, at the
        // next opening otherwise. A case not escalated yet must still have its timer waiting in Redis.
        const queue = new Queue<{ incidentId: string; level: number; dueAt?: string }>('incident-escalation', {
          connection: inspector,
          prefix: queuePrefix,
        });
        const waiting = await queue.getDelayed().finally(() => queue.close());
        const timers = countBy(
          waiting.filter((job) => job.data.level === 1 && Date.parse(job.data.dueAt ?? '') > Date.now()).map((job) => job.data.incidentId),
        );
        expect(incidents.length).toBeGreaterThanOrEqual(2 * ORDERS_EACH_SIDE);
        expect(
          incidents
            .filter((incident) => (recorded.get(`${incident.id}:1`) ?? 0) + (timers.get(incident.id) ?? 0) !== 1)
            .map((incident) => incident.id),
        ).toEqual([]);
        expect([...recorded.entries()].filter(([key, count]) => count !== 1 || publishedBy.get(key) !== 1)).toEqual([]);
        expect([...publishedBy.keys()].filter((key) => !recorded.has(key))).toEqual([]);
      }, 'escalations');
    },
    SETTLE_MS + 30_000,
  );

  it(
    'late returns: each is invoiced exactly once',
    async () => {
      await settled(async () => {
        const late = await rows<{ id: string; status: string }>(
          'logistics',
          'SELECT `id`, `status` FROM `db`.`defective_return` WHERE `lateFrom` < NOW(3)',
        );
        const invoices = await rows<{ returnId: string; kind: string }>('logistics', 'SELECT `returnId`, `kind` FROM `db`.`invoice`');
        const perReturn = countBy(invoices.map((invoice) => `${invoice.returnId}:${invoice.kind}`));
        expect(late.length).toBeGreaterThan(0);
        expect(
          late.filter((entry) => entry.status !== 'INVOICED' || perReturn.get(`${entry.id}:INVOICE`) !== 1).map((entry) => entry.id),
        ).toEqual([]);
        expect([...perReturn.values()].filter((count) => count > 1)).toEqual([]);
      }, 'late returns');
    },
    SETTLE_MS + 30_000,
  );

  it(
    'webhook fan-out: one delivery per event and endpoint, each accepted by the partner',
    async () => {
      await settled(async () => {
        const events = [...(await outbox('incidents')), ...(await outbox('logistics'))].filter((event) =>
          WEBHOOK_EVENT_TYPES.includes(event.topic),
        );
        const deliveries = await rows<{ eventId: string; status: string; idempotencyKey: string }>(
          'incidents',
          'SELECT `eventId`, `status`, `idempotencyKey` FROM `db`.`webhook_delivery`',
        );
        const perEvent = countBy(deliveries.map((delivery) => delivery.eventId));
        expect(events.filter((event) => perEvent.get(event.id) !== 1).map((event) => `${event.topic} ${event.id}`)).toEqual([]);
        expect(deliveries.filter((delivery) => delivery.status !== 'DELIVERED').map((delivery) => delivery.eventId)).toEqual([]);
        expect(new Set(receiver.acceptedIds)).toEqual(new Set(deliveries.map((delivery) => delivery.idempotencyKey)));
        expect(receiver.acceptedIds).toHaveLength(deliveries.length);
      }, 'webhook deliveries');
    },
    SETTLE_MS + 30_000,
  );

  it(
    'every region plan is complete: each open visit planned or given a reason, under the region’s latest plan version',
    async () => {
      await settled(async () => {
        const plans = new Map(
          (await rows<{ region: string; version: number }>('dispatch', 'SELECT `region`, `version` FROM `db`.`region_plan`')).map(
            (plan) => [plan.region, plan.version],
          ),
        );
        const open = await rows<{
          id: string;
          region: string;
          status: string;
          planVersion: number | null;
          unassignedReason: string | null;
        }>(
          'dispatch',
          "SELECT `id`, `region`, `status`, `planVersion`, `unassignedReason` FROM `db`.`onsite_visit` WHERE `status` IN ('UNPLANNED', 'PLANNED')",
        );
        expect(open.length).toBeGreaterThan(0);
        const incomplete = open.filter(
          (visit) => visit.planVersion !== plans.get(visit.region) || (visit.status !== 'PLANNED' && !visit.unassignedReason),
        );
        expect(incomplete).toEqual([]);
      }, 'region plans');
    },
    SETTLE_MS + 30_000,
  );

  it(
    'every subscriber on the surviving gateway received every event it was entitled to, once',
    async () => {
      await settled(async () => {
        const incidentEvents = (await outbox('incidents')).filter(
          (event) => event.topic.startsWith('incident.') && !warmUpIncidents.has(event.aggregateKey),
        );
        const visitEvents = (await outbox('dispatch')).filter(
          (event) => event.topic === 'visit.changed' && !warmUpVisits.has(event.aggregateKey),
        );
        for (const subscriber of subscribers.filter((s) => s.gateway === 0)) {
          const entitled =
            subscriber.kind === 'visit'
              ? visitEvents.map((event) => `visit ${event.aggregateKey}`)
              : incidentEvents
                  .filter(
                    (event) =>
                      !subscriber.customerId || (JSON.parse(event.payload) as { customerId?: string }).customerId === subscriber.customerId,
                  )
                  .map((event) => `${event.topic} ${event.aggregateKey}`);
          const received = subscriber.feed.items
            .filter((item) => (subscriber.kind === 'visit' ? !warmUpVisits.has(item.key) : !warmUpIncidents.has(item.key)))
            .map((item) => (subscriber.kind === 'visit' ? `visit ${item.key}` : `${item.topic} ${item.key}`));
          expect({ who: subscriber.who, errors: subscriber.feed.errors, closed: subscriber.feed.closed }).toEqual({
            who: subscriber.who,
            errors: [],
            closed: false,
          });
          expect({ who: subscriber.who, received: [...received].sort() }).toEqual({ who: subscriber.who, received: [...entitled].sort() });
        }
      }, 'subscriptions');
    },
    SETTLE_MS + 30_000,
  );
});
