import { randomBytes } from 'node:crypto';

/** Secrets look like Standard Webhooks' `whsec_<base64>`; the HMAC key is the decoded bytes. */
export const SECRET_PREFIX = 'whsec_';

/** A new endpoint secret: 24 random bytes, shown to the partner once. */
export function generateWebhookSecret(): string {
  return `${SECRET_PREFIX}${randomBytes(24).toString('base64')}`;
}

/** The HMAC key of a secret; a secret without the prefix is used as its UTF-8 bytes. */
export function secretKey(secret: string): Buffer {
  return secret.startsWith(SECRET_PREFIX) ? Buffer.from(secret.slice(SECRET_PREFIX.length), 'base64') : Buffer.from(secret, 'utf8');
}
