// The board's sign-in check: a planner's token, not expired. Reading the claims is shared with
// every page (@polyplus/web-ui); the gateway verifies every request.
import { readTokenClaims } from '@polyplus/web-ui';

export { readTokenClaims, type TokenClaims } from '@polyplus/web-ui';

/** Why a token cannot open the board, or null when it can. */
export function tokenProblem(token: string, now: Date = new Date()): string | null {
  const claims = readTokenClaims(token);
  if (!claims) return 'That is not a bearer token. Paste the whole token printed by `npm run token -- DISPATCH_PLANNER <your name>`.';
  if (claims.role !== 'DISPATCH_PLANNER') return `This token is for the role ${claims.role}; the board needs a DISPATCH_PLANNER token.`;
  if (claims.expiresAt && claims.expiresAt <= now) return 'This token has expired; issue a new one.';
  return null;
}
