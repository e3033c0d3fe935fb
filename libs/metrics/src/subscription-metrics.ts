import { Counter } from 'prom-client';
import { metricsRegistry } from './registry';
import { onScrape, scrapeTimeGauge } from './scrape-time';

const reads = new Counter({
  name: 'polyplus_subscription_reads_total',
  help: 'Supergraph reads made for subscription deliveries: one per event, rights scope and delivery query, shared by the subscribers of that scope and query.',
  registers: [metricsRegistry()],
});

const deliveries = new Counter({
  name: 'polyplus_subscription_deliveries_total',
  help: 'Events handed to a subscription, by outcome: sent, withheld (not visible to the subscriber or its filter does not hold), failed (the read failed), overflow (the subscriber was too far behind and was ended).',
  labelNames: ['outcome'],
  registers: [metricsRegistry()],
});

const undecodable = new Counter({
  name: 'polyplus_subscription_events_undecodable_total',
  help: 'Events on a topic the subscriptions follow that the event contract refused: delivered to no subscriber (the log names each, with the reason), by topic.',
  labelNames: ['topic'],
  registers: [metricsRegistry()],
});

const active = scrapeTimeGauge({ name: 'polyplus_subscriptions_active', help: 'Subscriptions open on this gateway.' });
const deepest = scrapeTimeGauge({
  name: 'polyplus_subscription_backlog_max',
  help: 'The longest subscriber queue on this gateway: events accepted and not yet delivered, plus deliveries not yet written to its socket.',
});
const limit = scrapeTimeGauge({
  name: 'polyplus_subscription_backlog_limit',
  help: 'The slow-consumer policy: a subscriber whose queue reaches this length is ended with SUBSCRIPTION_OVERFLOW.',
});

export type SubscriptionDeliveryOutcome = 'sent' | 'withheld' | 'failed' | 'overflow';
export type SubscriptionReading = { active: number; maxBacklog: number; backlogLimit: number };

/** Counts one shared supergraph read of a subscription delivery. */
export function countSubscriptionRead(): void {
  reads.inc();
}

/** Counts what became of one event for one subscription. */
export function countSubscriptionDelivery(outcome: SubscriptionDeliveryOutcome): void {
  deliveries.inc({ outcome });
}

/** Counts one event the subscriptions follow that the event contract refused; `topic` is one of the contract's. */
export function countUndecodableSubscriptionEvent(topic: string): void {
  undecodable.inc({ topic });
}

/** Reports the open subscriptions and their queues at each scrape, until the returned function is called. */
export function watchSubscriptions(read: () => SubscriptionReading): () => void {
  return onScrape('subscriptions', async () => {
    const reading = read();
    active.set(reading.active);
    deepest.set(reading.maxBacklog);
    limit.set(reading.backlogLimit);
  });
}
