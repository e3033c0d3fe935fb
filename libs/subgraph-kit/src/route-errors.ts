import type { IncomingMessage } from 'node:http';
import { AuthError, verifyPrincipal, type Principal } from '@polyplus/auth';
import { DomainError } from './errors';

const STATUS_BY_CODE: Record<string, number> = {
  BAD_USER_INPUT: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  SERVICE_UNAVAILABLE: 503,
};

/** The HTTP status a plain HTTP route (file transfers, exports) answers an error code with; 500 for any other code. */
export function httpStatusOf(code: string): number {
  return STATUS_BY_CODE[code] ?? 500;
}

/**
 * The caller the gateway vouched for on a plain HTTP route (its signed principal header), as on
 * GraphQL requests; a missing, forged or stale signature is an `UNAUTHENTICATED` DomainError.
 */
export function signedPrincipal(request: IncomingMessage, secrets: readonly string[], now: Date = new Date()): Principal {
  try {
    return verifyPrincipal(request.headers, secrets, now);
  } catch (error) {
    if (error instanceof AuthError) throw new DomainError('UNAUTHENTICATED', error.message);
    throw error;
  }
}
