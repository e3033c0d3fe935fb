import { createHmac, timingSafeEqual } from 'node:crypto';
import { AuthError } from './auth-error';
import { ROLES, type Principal } from './principal';

export const PRINCIPAL_HEADER = 'x-polyplus-principal';
export const SIGNATURE_HEADER = 'x-polyplus-signature';

/** How old a signed principal may be: long enough for a slow hop, too short to replay usefully. */
export const DEFAULT_TOLERANCE_SECONDS = 60;

function hmac(secret: string, timestamp: number, payload: string): string {
  return createHmac('sha256', secret).update(`${timestamp}.${payload}`).digest('hex');
}

/**
 * The headers the gateway (or a service) sends a subgraph: the principal as base64url JSON and an
 * HMAC-SHA256 over `timestamp.payload` with the shared secret, so a subgraph trusts only the gateway.
 */
export function signPrincipal(principal: Principal, secret: string, now: Date = new Date()): Record<string, string> {
  const payload = Buffer.from(JSON.stringify(principal)).toString('base64url');
  const timestamp = Math.floor(now.getTime() / 1000);
  return { [PRINCIPAL_HEADER]: payload, [SIGNATURE_HEADER]: `t=${timestamp},v1=${hmac(secret, timestamp, payload)}` };
}

function parsePrincipal(payload: string): Principal {
  let value: unknown;
  try {
    value = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
  } catch {
    throw new AuthError('UNAUTHENTICATED', 'Malformed principal header');
  }
  const candidate = value as Partial<Principal>;
  if (
    typeof candidate?.subject !== 'string' ||
    !ROLES.includes(candidate.role as Principal['role']) ||
    !Array.isArray(candidate.customerIds) ||
    !candidate.customerIds.every((id) => typeof id === 'string')
  ) {
    throw new AuthError('UNAUTHENTICATED', 'Malformed principal header');
  }
  return {
    subject: candidate.subject,
    role: candidate.role as Principal['role'],
    customerIds: candidate.customerIds,
    contactId: candidate.contactId,
  };
}

/**
 * Verifies the signed principal on a request reaching a subgraph: missing, forged or stale
 * headers are refused, so a subgraph reached directly, `_entities` included, gives nothing away.
 * Several secrets may be accepted during a rotation.
 */
export function verifyPrincipal(
  headers: Record<string, string | string[] | undefined>,
  secrets: readonly string[],
  now: Date = new Date(),
  toleranceSeconds = DEFAULT_TOLERANCE_SECONDS,
): Principal {
  const payload = headers[PRINCIPAL_HEADER];
  const signature = headers[SIGNATURE_HEADER];
  if (typeof payload !== 'string' || typeof signature !== 'string') throw new AuthError('UNAUTHENTICATED', 'Missing gateway signature');
  const match = /^t=(\d{1,12}),v1=([0-9a-f]{64})$/.exec(signature);
  if (!match) throw new AuthError('UNAUTHENTICATED', 'Malformed gateway signature');
  const timestamp = Number(match[1]);
  if (Math.abs(now.getTime() / 1000 - timestamp) > toleranceSeconds) throw new AuthError('UNAUTHENTICATED', 'Stale gateway signature');
  const given = Buffer.from(match[2], 'hex');
  const valid = secrets.some((secret) => timingSafeEqual(Buffer.from(hmac(secret, timestamp, payload), 'hex'), given));
  if (!valid) throw new AuthError('UNAUTHENTICATED', 'Invalid gateway signature');
  return parsePrincipal(payload);
}
