export { metricsRegistry, metricsService, useMetricsService } from './registry';
export { metricsEndpoint, type MetricsEndpoint, type MetricsEndpointOptions, type MetricsExposure } from './metrics-endpoint';
export { collectScrapeTime, onScrape, scrapeTimeGauge } from './scrape-time';
export { BoundedLabel, clientOperationName } from './bounded-label';
export { graphqlMetricsPlugin } from './graphql-metrics';
export { timeSubgraphHop, type HopOutcome } from './subgraph-hop-metrics';
export { watchDbPool } from './db-pool-metrics';
export { watchQueue } from './queue-metrics';
export { watchOutbox, type OutboxReading } from './outbox-metrics';
export { watchConsumerGroup, type ConsumerGroupReading } from './event-stream-metrics';
export { countWebhookAttempt, type WebhookAttemptOutcome } from './webhook-metrics';
export { recordOptimiserRun, type OptimiserRun } from './optimiser-metrics';
export { parsePrometheusText, metricSamples, metricValue, type MetricSample } from './prometheus-text';
export {
  countSubscriptionDelivery,
  countSubscriptionRead,
  countUndecodableSubscriptionEvent,
  watchSubscriptions,
  type SubscriptionDeliveryOutcome,
  type SubscriptionReading,
} from './subscription-metrics';
