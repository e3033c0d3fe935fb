// Subscription fan-out benchmark: 500 subscriptions (100 principals × 5 selections) on two gateways,
// events committed at a steady rate; prints event committed → delivered p50/p99 and the subgraph
// requests the gateways made per event (through counting proxies in front of every subgraph).
// Usage: node -r @swc-node/register tools/bench/subscription-fanout/run.ts [--rate 50] [--duration 20]
import { authConfig, issueToken, type Principal } from '@polyplus/auth';
import { graphqlData } from '@polyplus/local-stack';
import { SUBGRAPH_NAMES } from '@polyplus/subgraph-kit';
import { connectToMysql, createCoveredCustomer } from '@polyplus/testing';
import { openSubscriberSocket, startSubscriptionBench } from './subscription-bench';
import { exitWhenDone } from '../exit-when-done';

const CUSTOMERS = 20;
const USERS_PER_CUSTOMER = 5; // 20 × 5 = 100 principals
const CASES_PER_CUSTOMER = 3;
/** The five selections every principal subscribes: one subgraph, and across subgraphs. */
const SELECTIONS = [
  'subscription { incidentUpdated { topic incident { id status } } }',
  'subscription { incidentUpdated { topic incident { id severity summary } } }',
  'subscription { incidentUpdated { topic incident { id device { serialNumber productModel } } } }',
  'subscription { incidentUpdated { topic incident { id customer { name } } } }',
  'subscription { incidentUpdated(filter: { severity: 3 }) { topic incident { id status responseDueAt } } }',
];
const TOPIC = 'incident.comment-added';

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
}

const percentile = (sorted: number[], p: number) =>
  sorted.length === 0 ? NaN : sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];

type Delivery = { incidentId: string; at: number };

async function main(): Promise<void> {
  const rate = arg('rate', 50);
  const duration = arg('duration', 20);
  const { stack, prefix, staff, gateways, clients, cleanUp } = await startSubscriptionBench('bench_fanout', 2);
  const { proxies, urls: gatewayUrls } = gateways;
  try {
    const customers: { id: string; incidents: string[] }[] = [];
    for (let c = 0; c < CUSTOMERS; c++) {
      const { customerId, contactId, deviceId } = await createCoveredCustomer(staff, {
        name: `Fan-out ${c}`,
        serial: `FANOUT-${c}`,
        technician: { email: `tech${c}@fanout.example` },
        contract: { reference: `PP-FAN-${c}` },
      });
      const incidents: string[] = [];
      for (let k = 0; k < CASES_PER_CUSTOMER; k++) {
        const { openIncident } = await graphqlData<{ openIncident: { id: string } }>(
          staff,
          'mutation ($input: OpenIncidentInput!) { openIncident(input: $input) { id } }',
          {
            input: {
              contactId,
              deviceId,
              severity: 3,
              channel: 'PHONE',
              summary: `Fan-out case ${c}-${k}`,
            },
          },
        );
        incidents.push(openIncident.id);
      }
      customers.push({ id: customerId, incidents });
    }

    // 100 principals (five users of each customer), each with the five selections on one gateway.
    const deliveries: Delivery[][] = [];
    const expectedPerIncident = new Map<string, number>();
    for (const [c, customer] of customers.entries()) {
      for (let u = 0; u < USERS_PER_CUSTOMER; u++) {
        const principal: Principal = { subject: `fanout-${c}-${u}`, role: 'CUSTOMER_ADMIN', customerIds: [customer.id] };
        const url = gatewayUrls[(c * USERS_PER_CUSTOMER + u) % 2];
        const token = await issueToken(principal, authConfig(stack.env));
        // One socket per principal, opened one after another.
        const client = await openSubscriberSocket({ clients }, url, token);
        for (const query of SELECTIONS) {
          const received: Delivery[] = [];
          deliveries.push(received);
          client.subscribe(
            { query },
            {
              next: (result) => {
                const update = (result.data as { incidentUpdated?: { topic: string; incident: { id: string } } } | undefined)
                  ?.incidentUpdated;
                if (update?.topic === TOPIC) received.push({ incidentId: update.incident.id, at: Date.now() });
              },
              error: (error) => console.error(`subscription error: ${(error as { reason?: string }).reason ?? JSON.stringify(error)}`),
              complete: () => undefined,
            },
          );
        }
      }
      for (const incidentId of customer.incidents) expectedPerIncident.set(incidentId, USERS_PER_CUSTOMER * SELECTIONS.length);
    }
    // Live once a first comment per customer reached all of its 25 subscriptions.
    const comment = (incidentId: string, body: string) =>
      graphqlData(staff, 'mutation ($input: AddIncidentCommentInput!) { addIncidentComment(input: $input) { id } }', {
        input: { incidentId, body },
      });
    for (const customer of customers) await comment(customer.incidents[0], 'warm-up');
    for (let i = 0; i < 600 && deliveries.some((received) => received.length === 0); i++)
      await new Promise((resolve) => setTimeout(resolve, 100));
    if (deliveries.some((received) => received.length === 0)) throw new Error('not every subscription received the warm-up event');
    for (const received of deliveries) received.length = 0;
    const measureFrom = new Date();
    for (const proxy of Object.values(proxies)) proxy.reset();

    // Every case commits a comment in turn, one after the other per case (so per case the stream
    // order is the commit order), together `rate` events per second.
    const incidents = customers.flatMap((customer) => customer.incidents);
    const perCaseEveryMs = (incidents.length / rate) * 1000;
    const started = Date.now();
    let sent = 0;
    await Promise.all(
      incidents.map(async (incidentId, index) => {
        let next = started + (index / incidents.length) * perCaseEveryMs;
        while (next < started + duration * 1000) {
          await new Promise((resolve) => setTimeout(resolve, Math.max(0, next - Date.now())));
          await comment(incidentId, `event ${sent++}`);
          next += perCaseEveryMs;
        }
      }),
    );
    const sendSeconds = (Date.now() - started) / 1000;

    // Commit instants from the outbox, in order per case.
    const connection = await connectToMysql(`${prefix}incidents`);
    const [rows] = await connection.query(
      'SELECT `aggregateKey`, `occurredAt` FROM `outbox_event` WHERE `topic` = ? AND `occurredAt` >= ? ORDER BY `sequence`',
      [TOPIC, measureFrom],
    );
    await connection.end();
    const committed = new Map<string, number[]>();
    for (const row of rows as { aggregateKey: string; occurredAt: Date }[])
      committed.set(row.aggregateKey, [...(committed.get(row.aggregateKey) ?? []), row.occurredAt.getTime()]);
    const events = (rows as unknown[]).length;
    const expected = [...committed.entries()].reduce(
      (sum, [incidentId, times]) => sum + times.length * (expectedPerIncident.get(incidentId) ?? 0),
      0,
    );
    // Let the fan-out drain: wait until every expected delivery arrived or nothing moves for 15 s.
    let last = -1;
    let stillSince = Date.now();
    for (;;) {
      const now = deliveries.reduce((sum, received) => sum + received.length, 0);
      if (now >= expected) break;
      if (now !== last) [last, stillSince] = [now, Date.now()];
      if (Date.now() - stillSince > 15_000) break;
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    const requests = Object.fromEntries(SUBGRAPH_NAMES.map((name) => [name, proxies[name].count()]));
    const totalRequests = Object.values(requests).reduce((sum, n) => sum + n, 0);

    // The k-th delivery of a case to a subscription is the k-th commit on that case.
    const latencies: number[] = [];
    for (const received of deliveries) {
      const seen = new Map<string, number>();
      for (const delivery of received) {
        const k = seen.get(delivery.incidentId) ?? 0;
        seen.set(delivery.incidentId, k + 1);
        const at = committed.get(delivery.incidentId)?.[k];
        if (at !== undefined) latencies.push(delivery.at - at);
      }
    }
    latencies.sort((a, b) => a - b);
    console.log(
      `${deliveries.length} subscriptions (${CUSTOMERS * USERS_PER_CUSTOMER} principals × ${SELECTIONS.length} selections) on 2 gateways; ${CUSTOMERS * CASES_PER_CUSTOMER} cases`,
    );
    console.log(
      `events: ${events} committed in ${sendSeconds.toFixed(1)} s (${(events / sendSeconds).toFixed(1)}/s, target ${rate}/s); each concerns one customer: ${USERS_PER_CUSTOMER * SELECTIONS.length} subscriptions entitled`,
    );
    console.log(
      `deliveries: ${latencies.length} of ${expected} expected (${((100 * latencies.length) / Math.max(expected, 1)).toFixed(1)} %)`,
    );
    console.log(
      `committed → delivered: p50 ${percentile(latencies, 50)} ms, p90 ${percentile(latencies, 90)} ms, p99 ${percentile(latencies, 99)} ms, max ${latencies[latencies.length - 1]} ms`,
    );
    console.log(
      `subgraph requests by the two gateways: ${totalRequests} = ${(totalRequests / Math.max(events, 1)).toFixed(1)} per event (${Object.entries(
        requests,
      )
        .filter(([, n]) => n > 0)
        .map(([name, n]) => `${name} ${(n / Math.max(events, 1)).toFixed(1)}`)
        .join(', ')})`,
    );
    console.log(
      `lower bound with one read per (principal, selection): ${USERS_PER_CUSTOMER * SELECTIONS.length} reads per event; with one read per (customer scope, selection): ${SELECTIONS.length}`,
    );
  } finally {
    await cleanUp();
  }
}

exitWhenDone(main);
