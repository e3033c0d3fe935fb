import type { ExecutionResult } from 'graphql';
import type { Principal } from '@polyplus/auth';
import type { ProductEvent } from '@polyplus/events';
import { countSubscriptionRead, type SubscriptionReading } from '@polyplus/metrics';
import type { DeliveryPlan } from './delivery-plan';
import type { EntityReadResult } from './delivery-result';
import { MAX_SUBSCRIBER_BACKLOG, Subscriber, type EntityReader } from './subscriber';

/** Envelope ids remembered to drop a relay's re-send of an event already fanned out. */
const RECENT_EVENT_IDS = 10_000;

/** The subscriptions open on this gateway instance, and the fan-out of each event to them. */
export class SubscriptionHub {
  private readonly subscribers = new Set<Subscriber>();
  private readonly recent = new Set<string>();

  constructor(
    private readonly read: EntityReader,
    private readonly log?: (message: string) => void,
  ) {}

  get size(): number {
    return this.subscribers.size;
  }

  /** The open subscriptions and their longest queue, against the slow-consumer limit. */
  reading(): SubscriptionReading {
    let maxBacklog = 0;
    for (const subscriber of this.subscribers) maxBacklog = Math.max(maxBacklog, subscriber.backlog);
    return { active: this.subscribers.size, maxBacklog, backlogLimit: MAX_SUBSCRIBER_BACKLOG };
  }

  subscribe(plan: DeliveryPlan, principal: Principal): AsyncGenerator<ExecutionResult> {
    const subscriber = new Subscriber(plan, principal, (ended) => this.subscribers.delete(ended), this.log);
    this.subscribers.add(subscriber);
    return subscriber.results;
  }

  /**
   * Hands the event to every subscriber that may want it (each subscriber's own rights and
   * arguments decide), with one supergraph read per read key — the same rights scope and the same
   * delivery query — started now and shared; each subscriber delivers it in its own order.
   */
  publish(event: ProductEvent): void {
    if (this.recent.has(event.id)) return;
    this.recent.add(event.id);
    // A Set iterates in insertion order: the oldest id goes first.
    if (this.recent.size > RECENT_EVENT_IDS) this.recent.delete(this.recent.values().next().value as string);
    const reads = new Map<string, Promise<EntityReadResult>>();
    for (const subscriber of this.subscribers) {
      if (!subscriber.wants(event)) continue;
      let answer = reads.get(subscriber.readKey);
      if (!answer) {
        answer = this.read(subscriber.plan, event.key, subscriber.principal);
        countSubscriptionRead();
        // Each subscriber awaits (and reports) it; an unawaited rejection must not crash the process.
        answer.catch(() => undefined);
        reads.set(subscriber.readKey, answer);
      }
      subscriber.offer(event, answer);
    }
  }

  /** Resolves once every event handed out so far was delivered or dropped. */
  async settled(): Promise<void> {
    await Promise.all([...this.subscribers].map((subscriber) => subscriber.settled()));
  }

  /** Completes every subscription (the clients see `complete`). */
  closeAll(): void {
    for (const subscriber of [...this.subscribers]) subscriber.results.end();
  }
}
