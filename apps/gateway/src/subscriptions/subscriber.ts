import { GraphQLError, type ExecutionResult } from 'graphql';
import type { Principal } from '@polyplus/auth';
import type { EventEnvelope } from '@polyplus/events';
import { newRequestId, serviceLogger, withLogContext } from '@polyplus/logger';
import type { DeliveryPlan } from './delivery-plan';
import { deliveryResult, type EntityReadResult } from './delivery-result';
import { PushIterator } from './push-iterator';

/** Runs a delivery query through the supergraph as the given principal. */
export type EntityReader = (plan: DeliveryPlan, entityId: string, principal: Principal) => Promise<EntityReadResult>;

/** Events accepted but not yet sent; a subscriber this far behind is cut off rather than buffered forever. */
export const MAX_SUBSCRIBER_BACKLOG = 1_000;

/**
 * One active subscription. Events are resolved one after the other, each after the previous one
 * was resolved, so the subscriber sees them in stream order even though look-ups take different
 * times; other subscribers do not wait for it.
 */
export class Subscriber {
  readonly results: PushIterator<ExecutionResult>;
  private chain: Promise<void> = Promise.resolve();
  private pending = 0;

  constructor(
    readonly plan: DeliveryPlan,
    readonly principal: Principal,
    private readonly read: EntityReader,
    onEnd: (subscriber: Subscriber) => void,
    private readonly log: (message: string) => void = (message) => serviceLogger('subscriptions').warn(message),
  ) {
    this.results = new PushIterator(() => onEnd(this));
  }

  wants(event: EventEnvelope): boolean {
    return this.plan.field.follows(event.topic) && this.plan.field.mayMatch(this.plan.args, event, this.principal);
  }

  offer(event: EventEnvelope): void {
    if (this.results.done) return;
    if (this.pending + this.results.backlog >= MAX_SUBSCRIBER_BACKLOG) {
      this.results.end(new GraphQLError('The subscription fell too far behind and was ended; subscribe again', { extensions: { code: 'SUBSCRIPTION_OVERFLOW' } }));
      return;
    }
    this.pending += 1;
    // Each delivery is a request of its own through the supergraph: its hops and lines share an id and name the event.
    const logContext = { requestId: newRequestId(), eventId: event.id, topic: event.topic };
    this.chain = this.chain.then(() => withLogContext(logContext, () => this.deliver(event))).finally(() => {
      this.pending -= 1;
    });
  }

  /** Resolves once every accepted event was delivered or dropped. */
  settled(): Promise<void> {
    return this.chain;
  }

  private async deliver(event: EventEnvelope): Promise<void> {
    if (this.results.done) return;
    try {
      const answer = await this.read(this.plan, event.key, this.principal);
      const result = deliveryResult(this.plan, event, answer);
      if (result) this.results.push(result);
      else if (!answer.data && answer.errors?.length) this.log(`[subscriptions] ${event.topic} ${event.key} not delivered: ${answer.errors[0].message}`);
    } catch (error) {
      // One failed look-up costs this subscriber one update, never the order of the rest.
      this.log(`[subscriptions] ${event.topic} ${event.key} not delivered: ${String(error)}`);
    }
  }
}
