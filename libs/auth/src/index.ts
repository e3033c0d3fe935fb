export {
  ROLES,
  ACTOR_MAX_LENGTH,
  ANONYMOUS_SUBJECT,
  actorOf,
  anonymousPrincipal,
  isAnonymous,
  isCustomerScoped,
  canSeeCustomer,
  servicePrincipal,
  type Principal,
  type Role,
} from './principal';
export { AuthError, type AuthErrorCode } from './auth-error';
export { authConfig, type AuthConfig } from './auth-config';
export { issueToken, verifyBearerToken } from './bearer-token';
export { verifiedTokens, type VerifiedTokensOptions } from './verified-tokens';
export { DEMO_ENGINEER, DEMO_PLANNER, issueDevelopmentToken } from './development-token';
export { PRINCIPAL_HEADER, SIGNATURE_HEADER, DEFAULT_TOLERANCE_SECONDS, signPrincipal, verifyPrincipal } from './principal-header';
