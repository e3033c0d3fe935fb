export {
  DEFAULT_REDIS_URL,
  createRedis,
  duplicateConnection,
  masterNodes,
  redisTarget,
  isClusterConfigured,
  isEncryptedTarget,
  targetHosts,
  assertNoEviction,
  waitForRedis,
  type RedisConnection,
  type RedisRole,
  type RedisTarget,
} from './redis';
export { redisTlsFromEnv, redisTlsOption } from './redis-tls';
export { hashTagOf } from './keys';
export { deleteKeysMatching } from './delete-keys';
export { queuePrefix, DEFAULT_QUEUE_PREFIX, OPTIMISE_REGION, enqueueRegionOptimisation, type OptimiseRegionJob } from './queues';
export {
  PRODUCT_QUEUES,
  ESCALATION_QUEUE,
  RETURN_DEADLINE_QUEUE,
  DISPATCH_OPTIMISATION_QUEUE,
  MAIL_DELIVERY_QUEUE,
  WEBHOOK_DELIVERY_QUEUE,
  type ProductQueue,
} from './queue-names';
export { OutboxEvent } from './outbox/outbox-event.entity';
export { appendToOutbox, appendProbeEvent, checkedOutboxEvent, type NewOutboxEvent } from './outbox/append-to-outbox';
export { eventStreamKey, type EventEnvelope } from './outbox/event-envelope';
export { startOutboxRelay, publishToStream, type OutboxRelay, type OutboxRelayOptions } from './outbox/outbox-relay';
export { watchOutboxOf } from './outbox/outbox-metrics';
export {
  consumeEvents,
  consumerSettingsFromEnv,
  processInstance,
  redisProcessedEvents,
  type ConsumeEventsOptions,
  type EventConsumer,
  type ProcessedEvents,
} from './outbox/event-consumer';
export {
  deadLetterStreamKey,
  deadLetterCounts,
  readDeadLetters,
  redriveDeadLetters,
  type DeadLetter,
  type DeadLetterInfo,
} from './outbox/dead-letter';
export { eventStreamStatus, consumerGroupStatus, type ConsumerGroupStatus, type ConsumerStatus } from './outbox/consumer-status';
export { tailEvents, type EventTail, type TailEventsOptions } from './outbox/event-tail';
export { tryAcquireLease, startLeasedSweep, type Lease, type LeasedSweep, type LeasedSweepOptions } from './lease';
export { closeWorkerWithin } from './close-worker';
export { TimerSet, timerJobId, type TimerArming, type TimerSetOptions } from './timers/timer-set';
export { startTimerWorker, type TimerRun, type TimerWorker, type TimerWorkerOptions } from './timers/timer-worker';
export { DurableTimers, type DurableTimersOptions } from './timers/durable-timers';
export {
  INCIDENT_TOPICS,
  REPLACEMENT_TOPICS,
  VISIT_CHANGED,
  SECURITY_NOTICE_PUBLISHED,
  type IncidentTopic,
  type ReplacementTopic,
} from './contract/event-topics';
export {
  EVENT_PAYLOADS,
  EVENT_TOPIC_LIST,
  VISIT_CHANGES,
  isEventTopic,
  type EventTopic,
  type EventPayload,
  type EventPayloadInput,
  type VisitChange,
} from './contract/event-payloads';
export { decodeEvent, eventOf, type DecodedEvent, type ProductEvent, type ProductEventOf } from './contract/decode-event';
export { decoderFor, type EventDecoder } from './contract/event-decoder';
export { entityEventState, decodeEntityEventState, type EntityEventState } from './entity-event-state';
export { SAMPLE_EVENT_PAYLOADS, sampleEventPayload } from './testing/sample-payloads';
export { decodeOutbox } from './testing/outbox-decodes';
export { decodedEvent } from './testing/decoded-event';
export { anyEvent } from './testing/any-event';
export { commitProbeEvents, republishAfterRelayCrash } from './testing/probe-outbox';
