import { errors, jwtVerify, SignJWT, type JWTPayload } from 'jose';
import { AuthError } from './auth-error';
import type { AuthConfig } from './auth-config';
import { ROLES, type Principal, type Role } from './principal';

type PrincipalClaims = JWTPayload & { role?: unknown; customer_ids?: unknown; contact_id?: unknown };

const encoder = new TextEncoder();

/** Issues a signed bearer token for a principal (the development issuer and tests use it). */
export async function issueToken(principal: Principal, config: AuthConfig, expiresIn = '1h'): Promise<string> {
  return new SignJWT({
    role: principal.role,
    customer_ids: principal.customerIds,
    ...(principal.contactId ? { contact_id: principal.contactId } : {}),
  })
    .setProtectedHeader({ alg: 'HS256', kid: config.currentKeyId })
    .setSubject(principal.subject)
    .setIssuer(config.issuer)
    .setAudience(config.audience)
    .setIssuedAt()
    .setExpirationTime(expiresIn)
    .sign(encoder.encode(config.jwtKeys[config.currentKeyId]));
}

/**
 * Verifies an `Authorization: Bearer` token: signature by key id, issuer, audience, expiry, and
 * claims that make a principal. Anything else is UNAUTHENTICATED with a reason safe to show.
 */
export async function verifyBearerToken(authorization: string | undefined, config: AuthConfig): Promise<Principal> {
  return (await verifyBearerTokenUntil(authorization, config)).principal;
}

/** {@link verifyBearerToken}, with the moment the token expires (ms since the epoch; undefined: it names none). */
export async function verifyBearerTokenUntil(
  authorization: string | undefined,
  config: AuthConfig,
): Promise<{ principal: Principal; expiresAt?: number }> {
  const token = /^Bearer ([A-Za-z0-9_.-]+)$/.exec(authorization ?? '')?.[1];
  if (!token) throw new AuthError('UNAUTHENTICATED', 'A bearer token is required');
  let claims: PrincipalClaims;
  try {
    ({ payload: claims } = await jwtVerify<PrincipalClaims>(
      token,
      async (header) => {
        const key = header.kid ? config.jwtKeys[header.kid] : undefined;
        if (!key) throw new AuthError('UNAUTHENTICATED', 'Unknown signing key');
        return encoder.encode(key);
      },
      { issuer: config.issuer, audience: config.audience, algorithms: ['HS256'] },
    ));
  } catch (error) {
    if (error instanceof errors.JWTExpired) throw new AuthError('UNAUTHENTICATED', 'The token has expired');
    throw new AuthError('UNAUTHENTICATED', 'The token is not valid');
  }
  const role = claims.role as Role;
  const customerIds = claims.customer_ids ?? [];
  if (!claims.sub || !ROLES.includes(role) || !Array.isArray(customerIds) || !customerIds.every((id) => typeof id === 'string')) {
    throw new AuthError('UNAUTHENTICATED', 'The token does not describe a principal');
  }
  if (role === 'SERVICE') throw new AuthError('UNAUTHENTICATED', 'Service principals do not use bearer tokens');
  // Anonymous callers send no token at all; a token claiming to be one is not a principal.
  if (role === 'PUBLIC') throw new AuthError('UNAUTHENTICATED', 'The token does not describe a principal');
  const contactId = typeof claims.contact_id === 'string' ? claims.contact_id : undefined;
  return {
    principal: { subject: claims.sub, role, customerIds, contactId },
    expiresAt: claims.exp === undefined ? undefined : claims.exp * 1000,
  };
}
