import { readFileSync } from 'node:fs';
import { parse, type ExecutionResult } from 'graphql';
import type { Principal } from '@polyplus/auth';
import type { EventEnvelope } from '@polyplus/events';
import { SUPERGRAPH_PATH } from '../gateway';
import { planDelivery } from './delivery-plan';
import type { EntityReadResult } from './delivery-result';
import { MAX_SUBSCRIBER_BACKLOG } from './subscriber';
import { SubscriptionHub } from './subscription-hub';
import { buildSubscriptionSchema } from './subscription-schema';

const schema = buildSubscriptionSchema(readFileSync(SUPERGRAPH_PATH, 'utf8'));
const plan = planDelivery(schema, parse('subscription { incidentUpdated { topic incident { id } } }'), undefined, {});
const engineer: Principal = { subject: 'e', role: 'SUPPORT_ENGINEER', customerIds: [] };
const event = (id: string, key = 'i1', topic = 'incident.updated'): EventEnvelope => ({ id, topic, key, source: 'incidents', occurredAt: '2026-11-24T10:00:00.000Z', payload: {} });
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
    await new Promise((resolve) => setImmediate(resolve));
    // The second look-up does not even start before the first is answered.
    expect(reads.asked).toEqual(['slow']);
    reads.answer('slow');
    await new Promise((resolve) => setImmediate(resolve));
    reads.answer('fast');
    expect(await take(results, 2)).toEqual([
      { incidentUpdated: { topic: 'incident.updated', incident: { id: 'slow' } } },
      { incidentUpdated: { topic: 'incident.updated', incident: { id: 'fast' } } },
    ]);
  });

  it('one slow subscriber does not hold back another', async () => {
    const slow = controlledReads();
    const hub = new SubscriptionHub((p, id, principal) => (principal.subject === 'slow' ? slow.read(p, id) : Promise.resolve(found(id))));
    hub.subscribe(plan, { ...engineer, subject: 'slow' });
    const fastResults = hub.subscribe(plan, engineer);
    hub.publish(event('e1'));
    expect(await take(fastResults, 1)).toEqual([{ incidentUpdated: { topic: 'incident.updated', incident: { id: 'i1' } } }]);
    expect(slow.asked).toEqual(['i1']);
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
    const hub = new SubscriptionHub((_p, id) => (id === 'broken' ? Promise.reject(new Error('subgraph down')) : Promise.resolve(found(id))), () => undefined);
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

  it('closing the hub completes every subscription', async () => {
    const hub = new SubscriptionHub((_p, id) => Promise.resolve(found(id)));
    const results = hub.subscribe(plan, engineer);
    hub.closeAll();
    expect(await results.next()).toEqual({ value: undefined, done: true });
  });
});
