import { readFileSync } from 'node:fs';
import { parse, type ExecutionResult } from 'graphql';
import type { Principal } from '@polyplus/auth';
import { decodedEvent, sampleEventPayload, type EventTopic, type ProductEvent } from '@polyplus/events';
import { metricsRegistry } from '@polyplus/metrics';
import { SUPERGRAPH_PATH } from '../gateway';
import { planDelivery } from './delivery-plan';
import type { EntityReadResult } from './delivery-result';
import { MAX_SUBSCRIBER_BACKLOG } from './subscriber';
import { SubscriptionHub } from './subscription-hub';
import { buildSubscriptionSchema } from './subscription-schema';

const schema = buildSubscriptionSchema(readFileSync(SUPERGRAPH_PATH, 'utf8'));
const plan = planDelivery(schema, parse('subscription { incidentUpdated { topic incident { id } } }'), undefined, {});
const engineer: Principal = { subject: 'e', role: 'SUPPORT_ENGINEER', customerIds: [] };
/** A decoded event of a well-formed payload (no case snapshot), with `fields` over it. */
const event = (id: string, key = 'i1', topic: EventTopic = 'incident.updated', fields: Record<string, unknown> = {}): ProductEvent =>
  decodedEvent({
    id,
    topic,
    key,
    source: 'incidents',
    occurredAt: '2026-11-24T10:00:00.000Z',
    payload: sampleEventPayload(topic, { version: undefined, changed: undefined, snapshot: undefined, ...fields }),
  });
const found = (id: string): EntityReadResult => ({ data: { incident: { id }, subscriptionCheck: { id } } });

/** Look-ups that answer only when the test says so, in any order it likes. */
function controlledReads() {
  const waiting = new Map<string, (answer: EntityReadResult) => void>();
  const asked: string[] = [];
  return {
    asked,
    read: (_plan: unknown, entityId: string) =>
      new Promise<EntityReadResult>((resolve) => {
        asked.push(entityId);
        waiting.set(entityId, resolve);
      }),
    answer(entityId: string, result: EntityReadResult = found(entityId)) {
      waiting.get(entityId)?.(result);
      waiting.delete(entityId);
    },
  };
}

const take = async (results: AsyncGenerator<ExecutionResult>, count: number) => {
  const seen: unknown[] = [];
  for (let i = 0; i < count; i++) seen.push(((await results.next()).value as ExecutionResult).data);
  return seen;
};

describe('fan-out of events to subscribers', () => {
  it('a subscriber receives updates in event order even when a later look-up answers first', async () => {
    const reads = controlledReads();
    const hub = new SubscriptionHub(reads.read);
    const results = hub.subscribe(plan, engineer);
    hub.publish(event('e1', 'slow'));
    hub.publish(event('e2', 'fast'));
    // Both reads start at once (each event's own state is in the event, so reading early is safe)...
    expect(reads.asked).toEqual(['slow', 'fast']);
    // ...and the one that answers first still waits for its turn.
    reads.answer('fast');
    await new Promise((resolve) => setImmediate(resolve));
    reads.answer('slow');
    expect(await take(results, 2)).toEqual([
      { incidentUpdated: { topic: 'incident.updated', incident: { id: 'slow' } } },
      { incidentUpdated: { topic: 'incident.updated', incident: { id: 'fast' } } },
    ]);
  });

  it('one slow subscriber does not hold back another', async () => {
    const slow = controlledReads();
    const hub = new SubscriptionHub((p, id, principal) => (principal.subject === 'slow' ? slow.read(p, id) : Promise.resolve(found(id))));
    hub.subscribe(plan, { subject: 'slow', role: 'DISPATCH_PLANNER', customerIds: [] });
    const fastResults = hub.subscribe(plan, engineer);
    hub.publish(event('e1'));
    expect(await take(fastResults, 1)).toEqual([{ incidentUpdated: { topic: 'incident.updated', incident: { id: 'i1' } } }]);
    expect(slow.asked).toEqual(['i1']);
  });

  it('subscribers with the same rights and selection share one read; another customer reads on its own and never sees it', async () => {
    const asked: string[] = [];
    const hub = new SubscriptionHub((readPlan, id, principal) => {
      asked.push(principal.customerIds.join());
      const incident = readPlan.query.includes('readFor') ? { id, readFor: principal.customerIds.join() } : { id };
      return Promise.resolve({ data: { incident, subscriptionCheck: { id } } });
    });
    const byCase = planDelivery(
      schema,
      parse('subscription { incidentUpdated { topic incident { id readFor: summary } } }'),
      undefined,
      {},
    );
    const admins = ['ann', 'bob', 'cy'].map((subject) => hub.subscribe(byCase, { subject, role: 'CUSTOMER_ADMIN', customerIds: ['A'] }));
    const other = hub.subscribe(byCase, { subject: 'dan', role: 'CUSTOMER_ADMIN', customerIds: ['B'] });
    const differentSelection = hub.subscribe(plan, { subject: 'eve', role: 'CUSTOMER_ADMIN', customerIds: ['A'] });
    hub.publish(event('e1', 'i1', 'incident.updated', { customerId: 'A' }));
    hub.publish(event('e2', 'i2', 'incident.updated', { customerId: 'B' }));
    // Case i1 (customer A): one read for the three admins, one for the other selection; B's subscriber is skipped unread.
    // Case i2 (customer B): only B's subscriber reads.
    expect(asked).toEqual(['A', 'A', 'B']);
    for (const admin of admins)
      expect(await take(admin, 1)).toEqual([{ incidentUpdated: { topic: 'incident.updated', incident: { id: 'i1', readFor: 'A' } } }]);
    expect(await take(other, 1)).toEqual([{ incidentUpdated: { topic: 'incident.updated', incident: { id: 'i2', readFor: 'B' } } }]);
    expect(await take(differentSelection, 1)).toEqual([{ incidentUpdated: { topic: 'incident.updated', incident: { id: 'i1' } } }]);
  });

  it('a shared read is still judged by each subscriber’s own filter', async () => {
    const reads: string[] = [];
    const hub = new SubscriptionHub((_p, id) => {
      reads.push(id);
      return Promise.resolve({ data: { incident: { id }, subscriptionCheck: { id, severity: 2 } } });
    });
    const bySeverity = (severity: number) =>
      planDelivery(schema, parse('subscription ($s: Int) { incidentUpdated(filter: { severity: $s }) { incident { id } } }'), undefined, {
        s: severity,
      });
    const major = hub.subscribe(bySeverity(2), engineer);
    const critical = hub.subscribe(bySeverity(1), { ...engineer, subject: 'other' });
    hub.publish(event('e1'));
    await hub.settled();
    expect(reads).toEqual(['i1']);
    expect(await take(major, 1)).toEqual([{ incidentUpdated: { incident: { id: 'i1' } } }]);
    hub.closeAll();
    expect(await critical.next()).toEqual({ value: undefined, done: true });
  });

  it('a relay re-send of an event id already fanned out is not delivered twice', async () => {
    const hub = new SubscriptionHub((_p, id) => Promise.resolve(found(id)));
    const results = hub.subscribe(plan, engineer);
    hub.publish(event('same', 'i1'));
    hub.publish(event('same', 'i1'));
    hub.publish(event('other', 'i2'));
    expect(await take(results, 2)).toEqual([
      { incidentUpdated: { topic: 'incident.updated', incident: { id: 'i1' } } },
      { incidentUpdated: { topic: 'incident.updated', incident: { id: 'i2' } } },
    ]);
  });

  it('a failed look-up costs that update only; the next one still arrives', async () => {
    const hub = new SubscriptionHub(
      (_p, id) => (id === 'broken' ? Promise.reject(new Error('subgraph down')) : Promise.resolve(found(id))),
      () => undefined,
    );
    const results = hub.subscribe(plan, engineer);
    hub.publish(event('e1', 'broken'));
    hub.publish(event('e2', 'i2'));
    expect(await take(results, 1)).toEqual([{ incidentUpdated: { topic: 'incident.updated', incident: { id: 'i2' } } }]);
  });

  it('a completed subscription leaves the hub and gets no more look-ups', async () => {
    const reads = controlledReads();
    const hub = new SubscriptionHub(reads.read);
    const results = hub.subscribe(plan, engineer);
    expect(hub.size).toBe(1);
    await results.return(undefined);
    expect(hub.size).toBe(0);
    hub.publish(event('e1'));
    expect(reads.asked).toEqual([]);
  });

  it('a subscriber too far behind is ended with SUBSCRIPTION_OVERFLOW instead of buffering without bound', async () => {
    const reads = controlledReads();
    const hub = new SubscriptionHub(reads.read);
    const results = hub.subscribe(plan, engineer);
    for (let i = 0; i <= MAX_SUBSCRIBER_BACKLOG; i++) hub.publish(event(`e${i}`, `i${i}`));
    await expect(results.next()).rejects.toMatchObject({ extensions: { code: 'SUBSCRIPTION_OVERFLOW' } });
    expect(hub.size).toBe(0);
  });

  it('the slow-consumer policy is visible in metrics: the longest queue against the limit, and every subscriber it ended', async () => {
    const overflows = async () =>
      (await metricsRegistry().getSingleMetric('polyplus_subscription_deliveries_total')?.get())?.values.find(
        (value) => value.labels.outcome === 'overflow',
      )?.value ?? 0;
    const before = await overflows();
    const reads = controlledReads();
    const hub = new SubscriptionHub(reads.read);
    const stuck = hub.subscribe(plan, engineer);
    hub.subscribe(plan, { subject: 'p', role: 'DISPATCH_PLANNER', customerIds: [] });
    for (let i = 0; i < 10; i++) hub.publish(event(`q${i}`, `i${i}`));
    expect(hub.reading()).toEqual({ active: 2, maxBacklog: 10, backlogLimit: MAX_SUBSCRIBER_BACKLOG });
    for (let i = 10; i <= MAX_SUBSCRIBER_BACKLOG; i++) hub.publish(event(`q${i}`, `i${i}`));
    await expect(stuck.next()).rejects.toMatchObject({ extensions: { code: 'SUBSCRIPTION_OVERFLOW' } });
    expect(hub.size).toBe(0);
    expect((await overflows()) - before).toBe(2);
  });

  it('closing the hub completes every subscription', async () => {
    const hub = new SubscriptionHub((_p, id) => Promise.resolve(found(id)));
    const results = hub.subscribe(plan, engineer);
    hub.closeAll();
    expect(await results.next()).toEqual({ value: undefined, done: true });
  });
});
