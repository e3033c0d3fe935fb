// The dashboard's session: a browser cannot put a bearer token on a page's requests, so signing in
// exchanges one for a short-lived cookie (HttpOnly, SameSite=Strict, Secure in production). The
// cookie is a token signed with the gateway's own keys for an audience of its own: it is accepted
// here only, and no API token is accepted as a cookie.
import type { IncomingMessage } from 'node:http';
import { decodeJwt } from 'jose';
import { issueToken, verifyBearerToken, type AuthConfig, type Principal } from '@polyplus/auth';

export const SESSION_COOKIE = 'polyplus_queues';
/** A session never outlives half an hour, nor the token it was made from. */
export const SESSION_MAX_SECONDS = 30 * 60;

export type DashboardCaller = { principal: Principal; via: 'bearer' | 'cookie' };

function sessionKeys(auth: AuthConfig): AuthConfig {
  return { ...auth, audience: `${auth.audience}:queue-dashboard` };
}

function cookieAttributes(path: string, maxAge: number, env: NodeJS.ProcessEnv): string {
  return `Path=${path}; Max-Age=${maxAge}; HttpOnly; SameSite=Strict${env.NODE_ENV === 'production' ? '; Secure' : ''}`;
}

/** The Set-Cookie value that signs `principal` in; `token` (when given) caps the session at its expiry. */
export async function sessionCookie(
  principal: Principal,
  options: { auth: AuthConfig; env: NodeJS.ProcessEnv; path: string; token?: string },
): Promise<string> {
  const tokenExpiry = options.token ? decodeJwt(options.token).exp : undefined;
  const left = tokenExpiry === undefined ? SESSION_MAX_SECONDS : tokenExpiry - Math.floor(Date.now() / 1000);
  const maxAge = Math.max(1, Math.min(SESSION_MAX_SECONDS, left));
  const session = await issueToken(principal, sessionKeys(options.auth), `${maxAge}s`);
  return `${SESSION_COOKIE}=${session}; ${cookieAttributes(options.path, maxAge, options.env)}`;
}

/** The Set-Cookie value that signs out. */
export function expiredSessionCookie(path: string, env: NodeJS.ProcessEnv): string {
  return `${SESSION_COOKIE}=; ${cookieAttributes(path, 0, env)}`;
}

function sessionFrom(request: IncomingMessage): string | undefined {
  for (const pair of (request.headers.cookie ?? '').split(';')) {
    const [name, ...value] = pair.trim().split('=');
    if (name === SESSION_COOKIE && value.length > 0) return value.join('=');
  }
  return undefined;
}

/**
 * Who is asking: an `Authorization: Bearer` header (scripts, curl) wins over the session cookie
 * (browsers). Undefined when the request carries neither; a bad or expired credential throws
 * `AuthError`.
 */
export async function dashboardCaller(request: IncomingMessage, auth: AuthConfig): Promise<DashboardCaller | undefined> {
  if (request.headers.authorization !== undefined)
    return { principal: await verifyBearerToken(request.headers.authorization, auth), via: 'bearer' };
  const session = sessionFrom(request);
  if (!session) return undefined;
  return { principal: await verifyBearerToken(`Bearer ${session}`, sessionKeys(auth)), via: 'cookie' };
}
