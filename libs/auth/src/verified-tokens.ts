import type { AuthConfig } from './auth-config';
import { verifyBearerTokenUntil } from './bearer-token';
import type { Principal } from './principal';

export type VerifiedTokensOptions = {
  /** How many verified tokens are kept, the oldest dropped first (default 10,000). */
  capacity?: number;
  /** How long a verification is kept at most, even for a token that expires later (default 5 min). */
  maxAgeMs?: number;
  now?: () => number;
};

/**
 * A bearer-token verifier that remembers the tokens it has verified, each until it expires: a client
 * sends the same token with every request, and checking its signature again every time was a large
 * share of the gateway's CPU. Only verified tokens are kept (a bad one is checked, and refused, every
 * time), keyed by the whole Authorization value, so a changed byte is a different token.
 */
export function verifiedTokens(config: AuthConfig, options: VerifiedTokensOptions = {}) {
  const capacity = options.capacity ?? 10_000;
  const maxAgeMs = options.maxAgeMs ?? 5 * 60_000;
  const now = options.now ?? Date.now;
  const kept = new Map<string, { principal: Principal; until: number }>();
  return async (authorization: string | undefined): Promise<Principal> => {
    const hit = authorization === undefined ? undefined : kept.get(authorization);
    if (hit && hit.until > now()) return hit.principal;
    if (hit) kept.delete(authorization as string);
    const { principal, expiresAt } = await verifyBearerTokenUntil(authorization, config);
    if (kept.size >= capacity) kept.delete(kept.keys().next().value as string);
    kept.set(authorization as string, { principal, until: Math.min(expiresAt ?? Infinity, now() + maxAgeMs) });
    return principal;
  };
}
