import { GraphQLError, type ExecutionResult } from 'graphql';
import type { Principal } from '@polyplus/auth';
import type { ProductEvent } from '@polyplus/events';
import { newRequestId, serviceLogger, withLogContext } from '@polyplus/logger';
import { countSubscriptionDelivery } from '@polyplus/metrics';
import type { DeliveryPlan } from './delivery-plan';
import { deliveryResult, type EntityReadResult } from './delivery-result';
import { PushIterator } from './push-iterator';
import { rightsScope } from './rights-scope';

/** Runs a delivery query through the supergraph as the given principal. */
export type EntityReader = (plan: DeliveryPlan, entityId: string, principal: Principal) => Promise<EntityReadResult>;

/**
 * The slow-consumer policy: a subscriber whose queue (events accepted and not yet delivered, plus
 * deliveries its socket has not taken yet) reaches this length is ended with SUBSCRIPTION_OVERFLOW
 * rather than buffered without bound. It is ended, not thinned out: skipping events would break
 * the promise that a subscriber sees every event of an entity in order. It re-subscribes and
 * reconciles by `event.version`.
 */
export const MAX_SUBSCRIBER_BACKLOG = 1_000;

/**
 * One active subscription. Each event's read is handed in (shared with subscribers of the same
 * read key); deliveries are made one after the other in the order the events were offered, so the
 * subscriber sees them in stream order even though reads answer in any order; other subscribers
 * do not wait for it.
 */
export class Subscriber {
  readonly results: PushIterator<ExecutionResult>;
  /** Subscribers with the same key get the same answer to a delivery read: same rights, same query. */
  readonly readKey: string;
  private chain: Promise<void> = Promise.resolve();
  private pending = 0;

  constructor(
    readonly plan: DeliveryPlan,
    readonly principal: Principal,
    onEnd: (subscriber: Subscriber) => void,
    private readonly log: (message: string) => void = (message) => serviceLogger('subscriptions').warn(message),
  ) {
    this.results = new PushIterator(() => onEnd(this));
    this.readKey = `${rightsScope(principal)}\n${plan.query}\n${JSON.stringify(plan.variables)}`;
  }

  /** Events accepted and not yet delivered or dropped, and deliveries not yet taken by the socket. */
  get backlog(): number {
    return this.pending + this.results.backlog;
  }

  wants(event: ProductEvent): boolean {
    return !this.results.done && this.plan.field.follows(event.topic) && this.plan.field.mayMatch(this.plan.args, event, this.principal);
  }

  /** Queues the event's delivery behind the earlier ones; false when it ended the subscription instead (too far behind). */
  offer(event: ProductEvent, answer: Promise<EntityReadResult>): boolean {
    if (this.results.done) return false;
    if (this.backlog >= MAX_SUBSCRIBER_BACKLOG) {
      countSubscriptionDelivery('overflow');
      this.results.end(
        new GraphQLError('The subscription fell too far behind and was ended; subscribe again', {
          extensions: { code: 'SUBSCRIPTION_OVERFLOW' },
        }),
      );
      return false;
    }
    this.pending += 1;
    // Each delivery is a request of its own through the supergraph: its hops and lines share an id and name the event.
    const logContext = { requestId: newRequestId(), eventId: event.id, topic: event.topic };
    this.chain = this.chain
      .then(() => withLogContext(logContext, () => this.deliver(event, answer)))
      .finally(() => {
        this.pending -= 1;
      });
    return true;
  }

  /** Resolves once every accepted event was delivered or dropped. */
  settled(): Promise<void> {
    return this.chain;
  }

  private async deliver(event: ProductEvent, read: Promise<EntityReadResult>): Promise<void> {
    if (this.results.done) return;
    try {
      const answer = await read;
      const result = deliveryResult(this.plan, event, answer);
      countSubscriptionDelivery(result ? 'sent' : 'withheld');
      if (result) this.results.push(result);
      else if (!answer.data && answer.errors?.length)
        this.log(`[subscriptions] ${event.topic} ${event.key} not delivered: ${answer.errors[0].message}`);
    } catch (error) {
      // One failed look-up costs this subscriber one update, never the order of the rest.
      countSubscriptionDelivery('failed');
      this.log(`[subscriptions] ${event.topic} ${event.key} not delivered: ${String(error)}`);
    }
  }
}
