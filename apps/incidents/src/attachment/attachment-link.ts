import { createHmac, timingSafeEqual } from 'node:crypto';
import { DomainError } from '@polyplus/subgraph-kit';

/** What an upload link allows: one file of this name, type, size and kind, on this case of this customer, by this caller. */
export type UploadClaims = {
  op: 'upload';
  attachmentId: string;
  incidentId: string;
  customerId: string;
  /** `actorOf(principal)` of the caller the link was issued to. */
  actor: string;
  fileName: string;
  contentType: string;
  size: number;
  kind: string;
  /** Unix seconds. */
  exp: number;
};

/** What a download link allows: fetching this attachment, by this caller. */
export type DownloadClaims = { op: 'download'; attachmentId: string; customerId: string; actor: string; exp: number };

export type LinkClaims = UploadClaims | DownloadClaims;

type Unsigned<T> = T extends LinkClaims ? Omit<T, 'exp'> : never;

const CONTEXT = 'polyplus-attachment-link.v1.';
const MAX_TOKEN_LENGTH = 4096;

/** A link that is malformed, forged, expired or for the other direction: refused, whatever it names. */
export function linkRefused(): DomainError {
  return new DomainError('FORBIDDEN', 'The link is invalid or has expired; ask for a new one');
}

function signature(secret: string, payload: string): Buffer {
  return createHmac('sha256', secret)
    .update(CONTEXT + payload)
    .digest();
}

const isString = (value: unknown): value is string => typeof value === 'string' && value.length > 0;

function wellFormed(value: unknown): value is LinkClaims {
  const claims = value as Record<string, unknown> | null;
  if (!claims || typeof claims !== 'object' || !Number.isInteger(claims.exp)) return false;
  const common = isString(claims.attachmentId) && isString(claims.customerId) && isString(claims.actor);
  if (claims.op === 'download') return common;
  return (
    claims.op === 'upload' &&
    common &&
    isString(claims.incidentId) &&
    isString(claims.fileName) &&
    isString(claims.contentType) &&
    isString(claims.kind) &&
    Number.isInteger(claims.size)
  );
}

/**
 * Short-lived signed links for moving a file's bytes outside GraphQL: the claims travel in the
 * link as base64url JSON with an HMAC-SHA256 over them. The first secret signs, every secret
 * verifies (rotation). Nothing is stored: a link is valid exactly while its signature and expiry are.
 */
export class AttachmentLinks {
  constructor(
    private readonly secrets: readonly string[],
    private readonly ttlSeconds: number,
    private readonly now: () => Date = () => new Date(),
  ) {
    if (secrets.length === 0) throw new Error('AttachmentLinks needs at least one secret');
  }

  sign<T extends LinkClaims>(claims: Unsigned<T>): { token: string; expiresAt: Date } {
    const exp = Math.floor(this.now().getTime() / 1000) + this.ttlSeconds;
    const payload = Buffer.from(JSON.stringify({ ...claims, exp })).toString('base64url');
    return { token: `${payload}.${signature(this.secrets[0], payload).toString('base64url')}`, expiresAt: new Date(exp * 1000) };
  }

  /** The claims of a valid, unexpired link for `op`; anything else is FORBIDDEN. */
  verify<Op extends LinkClaims['op']>(token: string, op: Op): Extract<LinkClaims, { op: Op }> {
    if (token.length > MAX_TOKEN_LENGTH) throw linkRefused();
    const [payload, given, ...rest] = token.split('.');
    if (!payload || !given || rest.length > 0) throw linkRefused();
    const mac = Buffer.from(given, 'base64url');
    if (
      !this.secrets.some((secret) => {
        const expected = signature(secret, payload);
        return mac.length === expected.length && timingSafeEqual(mac, expected);
      })
    )
      throw linkRefused();
    let claims: unknown;
    try {
      claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
    } catch {
      throw linkRefused();
    }
    if (!wellFormed(claims) || claims.op !== op) throw linkRefused();
    if (claims.exp * 1000 <= this.now().getTime()) throw linkRefused();
    return claims as Extract<LinkClaims, { op: Op }>;
  }
}
