import { createHmac } from 'node:crypto';
import { secretKey } from './webhook-secret';

export const WEBHOOK_ID_HEADER = 'webhook-id';
export const WEBHOOK_TIMESTAMP_HEADER = 'webhook-timestamp';
export const WEBHOOK_SIGNATURE_HEADER = 'webhook-signature';

export type WebhookHeaders = {
  [WEBHOOK_ID_HEADER]: string;
  [WEBHOOK_TIMESTAMP_HEADER]: string;
  [WEBHOOK_SIGNATURE_HEADER]: string;
};

export type SignWebhookInput = {
  /** Stable across retries: receivers deduplicate by it. */
  id: string;
  /** The exact bytes sent as the request body. */
  body: string;
  /** Every secret currently valid for the endpoint; during a rotation the new and the previous one. */
  secrets: readonly string[];
  now?: Date;
};

/** `base64(HMAC-SHA256(key, "<id>.<timestamp>.<body>"))`, the Standard Webhooks `v1` scheme. */
export function webhookSignature(secret: string, id: string, timestamp: number, body: string): string {
  return createHmac('sha256', secretKey(secret)).update(`${id}.${timestamp}.${body}`).digest('base64');
}

/**
 * The headers of one delivery attempt: `webhook-id`, `webhook-timestamp` (Unix seconds) and
 * `webhook-signature` with one space-separated `v1,<signature>` per secret, so a receiver that
 * still holds only the previous secret keeps verifying while the partner rolls the new one out.
 */
export function signWebhook(input: SignWebhookInput): WebhookHeaders {
  if (input.secrets.length === 0) throw new Error('signWebhook needs at least one secret');
  const timestamp = Math.floor((input.now ?? new Date()).getTime() / 1000);
  const signatures = input.secrets.map((secret) => `v1,${webhookSignature(secret, input.id, timestamp, input.body)}`);
  return {
    [WEBHOOK_ID_HEADER]: input.id,
    [WEBHOOK_TIMESTAMP_HEADER]: String(timestamp),
    [WEBHOOK_SIGNATURE_HEADER]: signatures.join(' '),
  };
}
