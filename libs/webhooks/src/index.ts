export { SECRET_PREFIX, generateWebhookSecret } from './webhook-secret';
export {
  WEBHOOK_ID_HEADER,
  WEBHOOK_TIMESTAMP_HEADER,
  WEBHOOK_SIGNATURE_HEADER,
  signWebhook,
  webhookSignature,
  type SignWebhookInput,
  type WebhookHeaders,
} from './webhook-signature';
export {
  DEFAULT_TOLERANCE_SECONDS,
  WebhookVerificationError,
  verifyWebhook,
  type IncomingHeaders,
  type VerifiedWebhook,
  type VerifyWebhookInput,
  type WebhookRejection,
} from './verify-webhook';
export { memorySeenWebhookIds, redisSeenWebhookIds, type RedisSetNx, type SeenWebhookIds } from './seen-webhook-ids';
export { DEFAULT_RETRY_SCHEDULE, hasAttemptsLeft, retryDelayMs, type RetrySchedule } from './retry-schedule';
export {
  UnsafeWebhookUrlError,
  allowedPrivateHostsFromEnv,
  assertSafeWebhookUrl,
  isPrivateAddress,
  type Lookup,
  type LookupAddress,
  type SafeWebhookUrl,
  type UrlSafetyOptions,
} from './url-safety';
export { webhookIdempotencyKey, webhookPayload, type WebhookPayload, type WebhookSourceEvent } from './webhook-payload';
