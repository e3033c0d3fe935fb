export { DEFAULT_REDIS_URL, createRedis, assertNoEviction, waitForRedis, type RedisRole } from './redis';
export { queuePrefix, DISPATCH_OPTIMISATION_QUEUE, OPTIMISE_REGION, enqueueRegionOptimisation, type OptimiseRegionJob } from './queues';
export { OutboxEvent } from './outbox/outbox-event.entity';
export { appendToOutbox, type NewOutboxEvent } from './outbox/append-to-outbox';
export { eventStreamKey, type EventEnvelope } from './outbox/event-envelope';
export { startOutboxRelay, publishToStream, type OutboxRelay, type OutboxRelayOptions } from './outbox/outbox-relay';
export { consumeEvents, redisProcessedEvents, type ConsumeEventsOptions, type EventConsumer, type ProcessedEvents } from './outbox/event-consumer';
export { tailEvents, type EventTail, type TailEventsOptions } from './outbox/event-tail';
export { closeWorkerWithin } from './close-worker';
export {
  SECURITY_NOTICE_PUBLISHED,
  decodeSecurityNoticePublished,
  type SecurityNoticeKind,
  type SecurityNoticePublished,
  type SecurityNoticeSeverity,
} from './security-notice-events';
