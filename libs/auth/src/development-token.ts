import { authConfig } from './auth-config';
import { issueToken } from './bearer-token';
import type { Principal } from './principal';

/** The vendor staff identity the demo data, the development GraphQL IDE and the end-to-end tests act as. */
export const DEMO_ENGINEER: Principal = { subject: 'demo-engineer', role: 'SUPPORT_ENGINEER', customerIds: [] };

/** The dispatch planner the dispatch board's development sign-in signs in as. */
export const DEMO_PLANNER: Principal = { subject: 'demo-planner', role: 'DISPATCH_PLANNER', customerIds: [] };

/**
 * A token for a demo identity, signed with this process's keys, for the one-click sign-ins of
 * development servers. Refused with `NODE_ENV=production`: there only the real issuer's tokens count.
 */
export function issueDevelopmentToken(principal: Principal, env: NodeJS.ProcessEnv = process.env, expiresIn = '12h'): Promise<string> {
  if (env.NODE_ENV === 'production') return Promise.reject(new Error('Development tokens are not issued in production'));
  return issueToken(principal, authConfig(env), expiresIn);
}
