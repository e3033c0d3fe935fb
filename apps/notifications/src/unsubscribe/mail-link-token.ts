import { createHmac, timingSafeEqual } from 'node:crypto';
import { NotificationCategory } from '../notice/notification-category';

/** What an unsubscribe link may turn off: one category, or every mail. */
export type UnsubscribeScope = NotificationCategory | 'ALL';

export type UnsubscribeClaim = { contactId: string; customerId: string; scope: UnsubscribeScope };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function mac(secret: string, purpose: string, payload: string): Buffer {
  return createHmac('sha256', secret).update(`${purpose}\n${payload}`).digest();
}

function sameMac(expected: Buffer, given: string, length: number): boolean {
  const provided = Buffer.from(given, 'base64url');
  return provided.length === length && timingSafeEqual(expected.subarray(0, length), provided);
}

/**
 * A link token naming the contact and what to turn off, signed with HMAC-SHA256 (128 bits kept).
 * It does not expire: an unsubscribe link must keep working in an old mail.
 */
export function signUnsubscribeToken(claim: UnsubscribeClaim, secret: string): string {
  const payload = `${claim.contactId}:${claim.customerId}:${claim.scope}`;
  return `${Buffer.from(payload).toString('base64url')}.${mac(secret, 'unsubscribe', payload).subarray(0, 16).toString('base64url')}`;
}

/** The claim of a genuine token; null for anything forged, altered or malformed. */
export function verifyUnsubscribeToken(token: string, secret: string): UnsubscribeClaim | null {
  if (token.length > 300) return null;
  const [encoded, signature, ...rest] = token.split('.');
  if (!encoded || !signature || rest.length > 0) return null;
  const payload = Buffer.from(encoded, 'base64url').toString();
  if (!sameMac(mac(secret, 'unsubscribe', payload), signature, 16)) return null;
  const [contactId, customerId, scope] = payload.split(':');
  if (!UUID.test(contactId ?? '') || !UUID.test(customerId ?? '')) return null;
  if (scope !== 'ALL' && !Object.values(NotificationCategory).includes(scope as NotificationCategory)) return null;
  return { contactId, customerId, scope: scope as UnsubscribeScope };
}

/**
 * The envelope sender of a mail: `bounces+<delivery>-<mac>@domain`. A delivery status report sent
 * back to it names the delivery, and the MAC keeps anyone else from bouncing an address away.
 */
export function bounceAddress(deliveryId: string, domain: string, secret: string): string {
  const compact = deliveryId.replace(/-/g, '').toLowerCase();
  return `bounces+${compact}-${mac(secret, 'bounce', compact).subarray(0, 8).toString('hex')}@${domain}`;
}

/** The delivery a bounce address names, when the address is genuine. */
export function deliveryOfBounceAddress(address: string, domain: string, secret: string): string | null {
  const match = /^bounces\+([0-9a-f]{32})-([0-9a-f]{16})@(.+)$/i.exec(address.trim());
  if (!match || match[3].toLowerCase() !== domain.toLowerCase()) return null;
  const compact = match[1].toLowerCase();
  if (!timingSafeEqual(mac(secret, 'bounce', compact).subarray(0, 8), Buffer.from(match[2].toLowerCase(), 'hex'))) return null;
  return `${compact.slice(0, 8)}-${compact.slice(8, 12)}-${compact.slice(12, 16)}-${compact.slice(16, 20)}-${compact.slice(20)}`;
}
