// What a page may read from a bearer token without verifying it: who it is for and until when.
// The gateway verifies every request; this only lets a sign-in form explain a wrong token early.

export type TokenClaims = {
  subject: string;
  role: string;
  expiresAt: Date | null;
  /** Present when the token names them. */
  issuer?: string;
  customerIds?: string[];
  contactId?: string;
};

function decodeSegment(segment: string): unknown {
  const base64 = segment
    .replace(/-/g, '+')
    .replace(/_/g, '/')
    .padEnd(Math.ceil(segment.length / 4) * 4, '=');
  return JSON.parse(decodeURIComponent(Array.from(atob(base64), (c) => `%${c.charCodeAt(0).toString(16).padStart(2, '0')}`).join('')));
}

/** The claims of a JWT, or null when the text is not one. */
export function readTokenClaims(token: string): TokenClaims | null {
  const parts = token.trim().split('.');
  if (parts.length !== 3) return null;
  try {
    const claims = decodeSegment(parts[1]) as {
      sub?: unknown;
      role?: unknown;
      exp?: unknown;
      iss?: unknown;
      customer_ids?: unknown;
      contact_id?: unknown;
    };
    if (typeof claims.sub !== 'string' || typeof claims.role !== 'string') return null;
    const read: TokenClaims = {
      subject: claims.sub,
      role: claims.role,
      expiresAt: typeof claims.exp === 'number' ? new Date(claims.exp * 1000) : null,
    };
    if (typeof claims.iss === 'string') read.issuer = claims.iss;
    if (Array.isArray(claims.customer_ids) && claims.customer_ids.every((id) => typeof id === 'string'))
      read.customerIds = claims.customer_ids as string[];
    if (typeof claims.contact_id === 'string') read.contactId = claims.contact_id;
    return read;
  } catch {
    return null;
  }
}
