import { authConfig, issueToken, type Principal } from '@polyplus/auth';

/** The vendor staff identity the demo loader and the end-to-end tests act as. */
export const DEMO_ENGINEER: Principal = { subject: 'demo-engineer', role: 'SUPPORT_ENGINEER', customerIds: [] };

/** The dispatch planner the demo board is signed in as. */
export const DEMO_PLANNER: Principal = { subject: 'demo-planner', role: 'DISPATCH_PLANNER', customerIds: [] };

/** A bearer token the running stack accepts (signed with the keys of `env`). */
export function tokenFor(principal: Principal, env: NodeJS.ProcessEnv = process.env, expiresIn = '12h'): Promise<string> {
  return issueToken(principal, authConfig(env), expiresIn);
}
