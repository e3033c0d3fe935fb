import { authConfig, issueToken, type Principal } from '@polyplus/auth';

export { DEMO_ENGINEER, DEMO_PLANNER } from '@polyplus/auth';

/** A bearer token the running stack accepts (signed with the keys of `env`, production keys included). */
export function tokenFor(principal: Principal, env: NodeJS.ProcessEnv = process.env, expiresIn = '12h'): Promise<string> {
  return issueToken(principal, authConfig(env), expiresIn);
}
