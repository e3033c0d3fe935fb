// Subscriptions that must tell a case's history: customers with one open case each, subscribers
// following their own customer's cases on two gateways (subgraph requests counted by proxies),
// lifecycle transitions committed at a set rate. Prints delivered/expected, stale deliveries (a
// status other than the one its event set), subgraph requests per event, mutation response →
// delivery p50/p95/p99, and the mutation p50 without and with subscribers.
// Usage: node -r @swc-node/register tools/bench/subscription-lifecycle/run.ts
//   [--customers 20] [--subscribers 500] [--rate 10] [--events 300] [--selection '{ severity device { serialNumber } customer { name } }']
import { authConfig, issueToken } from '@polyplus/auth';
import { createRedis, eventStreamKey } from '@polyplus/events';
import { graphqlData } from '@polyplus/local-stack';
import { SUBGRAPH_NAMES } from '@polyplus/subgraph-kit';
import { openSubscriberSocket, startSubscriptionBench } from '../subscription-fanout/subscription-bench';
import { createCases, driveTransitions, type Transition } from './transitions';
import { summarise, type Delivery } from './report';
import { cpuMsOf } from './cpu-time';
import { exitWhenDone } from '../exit-when-done';

function option(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : fallback;
}

async function main(): Promise<void> {
  const customers = Number(option('customers', '20'));
  const subscribers = Number(option('subscribers', '500'));
  const rate = Number(option('rate', '10'));
  const events = Number(option('events', '300'));
  const selection = option('selection', '{ severity device { serialNumber } customer { name } }');
  const {
    stack,
    queuePrefix,
    staff,
    gateways: subscriptionGateways,
    clients,
    cleanUp,
  } = await startSubscriptionBench('bench_lifecycle', 2);
  const { proxies, gateways, urls: gatewayUrls } = subscriptionGateways;
  try {
    const cases = await createCases(staff, customers);

    // Without subscribers: the mutations' own response time on this machine now.
    const warmUpEvents = Math.min(100, events);
    const alone = await driveTransitions(staff, cases, { rate, events: warmUpEvents });

    // Subscribers spread over the customers, each its own principal and socket, on alternating gateways.
    const feeds: Delivery[][] = [];
    const live: boolean[] = [];
    for (let s = 0; s < subscribers; s++) {
      const own = cases[s % cases.length];
      const token = await issueToken(
        { subject: `lifecycle-${s}`, role: 'CUSTOMER_ADMIN', customerIds: [own.customerId] },
        authConfig(stack.env),
      );
      // One handshake at a time (see openSubscriberSocket).
      const client = await openSubscriberSocket({ clients }, gatewayUrls[s % 2], token);
      const received: Delivery[] = [];
      feeds.push(received);
      live.push(false);
      client.subscribe(
        {
          query: `subscription ($customerId: ID!) { incidentUpdated(filter: { customerId: $customerId }) { topic incident { benchId: id benchStatus: status ${selection.replace(/^\s*\{|\}\s*$/g, '')} } } }`,
          variables: { customerId: own.customerId },
        },
        {
          next: (result) => {
            const update = (
              result.data as { incidentUpdated?: { topic: string; incident: { benchId: string; benchStatus: string } } } | undefined
            )?.incidentUpdated;
            if (!update) return;
            // A comment marks the subscription live: what came before it belongs to no measured event.
            if (update.topic === 'incident.comment-added') {
              received.length = 0;
              live[s] = true;
            } else if (update.topic === 'incident.status-changed' && live[s]) {
              received.push({ incidentId: update.incident.benchId, status: update.incident.benchStatus, at: Date.now() });
            }
          },
          error: (error) => console.error(`subscription error: ${(error as { reason?: string }).reason ?? JSON.stringify(error)}`),
          complete: () => undefined,
        },
      );
    }
    const comment = (incidentId: string) =>
      graphqlData(staff, 'mutation ($input: AddIncidentCommentInput!) { addIncidentComment(input: $input) { id } }', {
        input: { incidentId, body: 'live?' },
      });
    for (let round = 0; round < 20 && live.some((ok) => !ok); round++) {
      for (const c of cases) await comment(c.incidentId);
      for (let i = 0; i < 100 && live.some((ok) => !ok); i++) await new Promise((resolve) => setTimeout(resolve, 100));
    }
    if (live.some((ok) => !ok)) throw new Error(`${live.filter((ok) => !ok).length} subscriptions never went live`);
    for (const proxy of Object.values(proxies)) proxy.reset();

    const gatewaysCpu = () => gateways.reduce((sum, child) => sum + (cpuMsOf(child.pid) ?? NaN), 0);
    const cpuBefore = gatewaysCpu();
    const measuredFrom = Date.now();
    const measured: Transition[] = await driveTransitions(staff, cases, { rate, events });
    const expected = measured.length;
    // Let the fan-out drain: until every expected delivery arrived or nothing moved for 15 s.
    let last = -1;
    let stillSince = Date.now();
    for (;;) {
      const now = feeds.reduce((sum, received) => sum + received.length, 0);
      if (now >= expected * (subscribers / cases.length)) break;
      if (now !== last) [last, stillSince] = [now, Date.now()];
      if (Date.now() - stillSince > 15_000) break;
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    // Commit → on the stream: the entry id's time against the event's own time, for the measured transitions.
    const redis = createRedis('worker', stack.env);
    const entries = await redis.xrange(eventStreamKey(queuePrefix), String(measuredFrom), '+');
    redis.disconnect();
    const onStream = entries
      .map(([entryId, fields]) => {
        const field = (name: string) => fields[fields.indexOf(name) + 1];
        return {
          ms: Number(entryId.split('-')[0]),
          topic: field('topic'),
          key: field('key'),
          at: Date.parse(field('occurredAt')),
          version: (JSON.parse(field('payload')) as { version?: number }).version,
        };
      })
      .filter((entry) => entry.topic === 'incident.status-changed');
    const streamLags = onStream.map((entry) => entry.ms - entry.at);
    // The mutation's answer at the client → the event on the stream (negative: published before the answer arrived).
    const answered = new Map(measured.map((t) => [`${t.incidentId}@${t.version}`, t.answeredAt]));
    const answerToStream = onStream.flatMap((entry) => {
      const at = answered.get(`${entry.key}@${entry.version}`);
      return at === undefined ? [] : [entry.ms - at];
    });
    const requests = Object.fromEntries(SUBGRAPH_NAMES.map((name) => [name, proxies[name].count()]));
    const gatewayCpuMs = gatewaysCpu() - cpuBefore;
    // Without subscribers again: on a shared machine the load moves, and this brackets the measured phase.
    await Promise.all(clients.splice(0).map((client) => Promise.resolve(client.dispose()).catch(() => undefined)));
    const aloneAfter = await driveTransitions(staff, cases, { rate, events: warmUpEvents });
    for (const line of summarise({
      customers,
      subscribers,
      rate,
      selection,
      alone,
      aloneAfter,
      measured,
      feeds,
      cases,
      requests,
      streamLags,
      answerToStream,
      gatewayCpuMs,
    }))
      console.log(line);
  } finally {
    await cleanUp();
  }
}

exitWhenDone(main);
