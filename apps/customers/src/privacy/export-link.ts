import { createHmac, timingSafeEqual } from 'node:crypto';
import { DomainError } from '@polyplus/subgraph-kit';

/** What an export link allows: one download of this customer's (or contact's) export, by this caller, until `exp`. */
export type ExportClaims = { op: 'personal-data-export'; customerId: string; contactId: string | null; actor: string; exp: number };

/** Where the gateway relays export downloads (under its `/files/` paths), served by the customers service. */
export const EXPORT_PATH_PREFIX = '/files/personal-data/';
export const EXPORT_LINK_TTL_SECONDS = 300;

// Domain-separated from the principal header, which signs `<timestamp>.<payload>` with the same secrets.
const CONTEXT = 'polyplus-personal-data-export.v1.';
const MAX_TOKEN_LENGTH = 2048;

export const exportLinkRefused = () => new DomainError('FORBIDDEN', 'The export link is invalid or has expired; ask for a new one');

function signature(secret: string, payload: string): Buffer {
  return createHmac('sha256', secret)
    .update(CONTEXT + payload)
    .digest();
}

/**
 * Short-lived signed links to a personal-data export: the claims travel in the link (base64url
 * JSON) with an HMAC-SHA256 under the services' shared principal secrets (the first signs, every
 * one verifies). Nothing is stored; the export is produced when the link is used.
 */
export class ExportLinks {
  constructor(
    private readonly secrets: readonly string[],
    private readonly now: () => Date = () => new Date(),
    private readonly ttlSeconds = EXPORT_LINK_TTL_SECONDS,
  ) {
    if (secrets.length === 0) throw new Error('ExportLinks needs at least one secret');
  }

  sign(claims: Omit<ExportClaims, 'op' | 'exp'>): { token: string; expiresAt: Date } {
    const exp = Math.floor(this.now().getTime() / 1000) + this.ttlSeconds;
    const payload = Buffer.from(JSON.stringify({ op: 'personal-data-export', ...claims, exp })).toString('base64url');
    return { token: `${payload}.${signature(this.secrets[0], payload).toString('base64url')}`, expiresAt: new Date(exp * 1000) };
  }

  /** The claims of a genuine, unexpired link issued to `actor`; anything else is FORBIDDEN. */
  verify(token: string, actor: string): ExportClaims {
    if (token.length > MAX_TOKEN_LENGTH) throw exportLinkRefused();
    const [payload, given, ...rest] = token.split('.');
    if (!payload || !given || rest.length > 0) throw exportLinkRefused();
    const mac = Buffer.from(given, 'base64url');
    const genuine = this.secrets.some((secret) => {
      const expected = signature(secret, payload);
      return mac.length === expected.length && timingSafeEqual(mac, expected);
    });
    if (!genuine) throw exportLinkRefused();
    let claims: Partial<ExportClaims>;
    try {
      claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as Partial<ExportClaims>;
    } catch {
      throw exportLinkRefused();
    }
    const wellFormed =
      claims.op === 'personal-data-export' &&
      typeof claims.customerId === 'string' &&
      (claims.contactId === null || typeof claims.contactId === 'string') &&
      typeof claims.actor === 'string' &&
      Number.isInteger(claims.exp);
    if (!wellFormed || (claims.exp as number) * 1000 <= this.now().getTime() || claims.actor !== actor) throw exportLinkRefused();
    return claims as ExportClaims;
  }
}
