// What the page may read from a bearer token without verifying it: who it is for and until when.
// The gateway verifies every request; this only lets the sign-in form explain a wrong token early.

export type TokenClaims = { subject: string; role: string; expiresAt: Date | null };

function decodeSegment(segment: string): unknown {
  const base64 = segment.replace(/-/g, '+').replace(/_/g, '/').padEnd(Math.ceil(segment.length / 4) * 4, '=');
  return JSON.parse(decodeURIComponent(Array.from(atob(base64), (c) => `%${c.charCodeAt(0).toString(16).padStart(2, '0')}`).join('')));
}

/** The claims of a JWT, or null when the text is not one. */
export function readTokenClaims(token: string): TokenClaims | null {
  const parts = token.trim().split('.');
  if (parts.length !== 3) return null;
  try {
    const claims = decodeSegment(parts[1]) as { sub?: unknown; role?: unknown; exp?: unknown };
    if (typeof claims.sub !== 'string' || typeof claims.role !== 'string') return null;
    return { subject: claims.sub, role: claims.role, expiresAt: typeof claims.exp === 'number' ? new Date(claims.exp * 1000) : null };
  } catch {
    return null;
  }
}

/** Why a token cannot open the board, or null when it can. */
export function tokenProblem(token: string, now: Date = new Date()): string | null {
  const claims = readTokenClaims(token);
  if (!claims) return 'That is not a bearer token. Paste the whole token printed by `npm run token -- DISPATCH_PLANNER <your name>`.';
  if (claims.role !== 'DISPATCH_PLANNER') return `This token is for the role ${claims.role}; the board needs a DISPATCH_PLANNER token.`;
  if (claims.expiresAt && claims.expiresAt <= now) return 'This token has expired; issue a new one.';
  return null;
}
