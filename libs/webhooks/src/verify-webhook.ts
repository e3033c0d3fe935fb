import { timingSafeEqual } from 'node:crypto';
import { WEBHOOK_ID_HEADER, WEBHOOK_SIGNATURE_HEADER, WEBHOOK_TIMESTAMP_HEADER, webhookSignature } from './webhook-signature';
import type { SeenWebhookIds } from './seen-webhook-ids';

/** How far a delivery's timestamp may be from the receiver's clock, either way. */
export const DEFAULT_TOLERANCE_SECONDS = 5 * 60;

export type WebhookRejection = 'MISSING_HEADERS' | 'INVALID_TIMESTAMP' | 'STALE_TIMESTAMP' | 'INVALID_SIGNATURE' | 'REPLAYED';

/** A delivery the receiver must refuse (answer 4xx and ignore it); `reason` says why. */
export class WebhookVerificationError extends Error {
  constructor(
    readonly reason: WebhookRejection,
    message: string,
  ) {
    super(message);
    this.name = 'WebhookVerificationError';
  }
}

/** Node's `IncomingMessage.headers` (lower-case keys) or a Fetch `Headers`. */
export type IncomingHeaders = Record<string, string | string[] | undefined> | { get(name: string): string | null };

export type VerifyWebhookInput = {
  headers: IncomingHeaders;
  /** The raw request body exactly as received; a re-serialised JSON body does not verify. */
  body: string | Buffer;
  /** The endpoint's secrets; during a rotation both the new and the previous one. */
  secrets: readonly string[];
  /** Without a store, replays inside the tolerance window are not detected. */
  seenIds?: SeenWebhookIds;
  now?: Date;
  toleranceSeconds?: number;
};

export type VerifiedWebhook<TPayload = unknown> = { id: string; timestamp: Date; payload: TPayload };

function header(headers: IncomingHeaders, name: string): string | undefined {
  const value =
    typeof headers.get === 'function'
      ? (headers as { get(name: string): string | null }).get(name)
      : (headers as Record<string, string | string[] | undefined>)[name];
  return typeof value === 'string' ? value : undefined;
}

function sameSignature(expected: string, given: string): boolean {
  const a = Buffer.from(expected, 'base64');
  const b = Buffer.from(given, 'base64');
  // Equal lengths first: timingSafeEqual throws otherwise, and the length of a SHA-256 MAC is public.
  return a.length === b.length && a.length > 0 && timingSafeEqual(a, b);
}

/**
 * The receiver side of a signed delivery, as partners run it: checks the headers, the timestamp
 * against `toleranceSeconds`, every `v1` signature in constant time against every secret, and
 * only then (so forged requests cannot fill the store) that the id was not seen before.
 * Returns the parsed payload or throws {@link WebhookVerificationError}.
 */
export async function verifyWebhook<TPayload = unknown>(input: VerifyWebhookInput): Promise<VerifiedWebhook<TPayload>> {
  const id = header(input.headers, WEBHOOK_ID_HEADER);
  const timestampHeader = header(input.headers, WEBHOOK_TIMESTAMP_HEADER);
  const signatureHeader = header(input.headers, WEBHOOK_SIGNATURE_HEADER);
  if (!id || !timestampHeader || !signatureHeader)
    throw new WebhookVerificationError('MISSING_HEADERS', 'webhook-id, webhook-timestamp and webhook-signature are required');
  if (!/^\d{1,12}$/.test(timestampHeader))
    throw new WebhookVerificationError('INVALID_TIMESTAMP', 'webhook-timestamp must be Unix seconds');
  const timestamp = Number(timestampHeader);
  const tolerance = input.toleranceSeconds ?? DEFAULT_TOLERANCE_SECONDS;
  const now = (input.now ?? new Date()).getTime() / 1000;
  if (Math.abs(now - timestamp) > tolerance)
    throw new WebhookVerificationError('STALE_TIMESTAMP', `webhook-timestamp is more than ${tolerance} s from now`);

  const body = typeof input.body === 'string' ? input.body : input.body.toString('utf8');
  const given = signatureHeader
    .split(' ')
    .map((part) => part.split(','))
    .filter(([version, signature]) => version === 'v1' && signature)
    .map(([, signature]) => signature);
  const expected = input.secrets.map((secret) => webhookSignature(secret, id, timestamp, body));
  // Every pair is compared, so the time taken does not depend on which signature matched.
  let valid = false;
  for (const candidate of expected) for (const signature of given) valid = sameSignature(candidate, signature) || valid;
  if (!valid) throw new WebhookVerificationError('INVALID_SIGNATURE', 'No webhook-signature matches the body and a known secret');

  // A replay older than the tolerance is already refused above: remembering ids that long suffices.
  if (input.seenIds && !(await input.seenIds.remember(id, tolerance * 2))) {
    throw new WebhookVerificationError('REPLAYED', `webhook ${id} was already received`);
  }
  return { id, timestamp: new Date(timestamp * 1000), payload: JSON.parse(body) as TPayload };
}
