import { authGroup, authRules, readGroup } from '@polyplus/config';

/** Keys and names the gateway and subgraphs share; from the environment, with development defaults. */
export type AuthConfig = {
  /** HS256 signing keys by key id; tokens name theirs in the `kid` header, so keys rotate by id. */
  jwtKeys: Record<string, string>;
  /** The key id new tokens are signed with. */
  currentKeyId: string;
  issuer: string;
  audience: string;
  /** Secrets for the gateway→subgraph principal signature; the first signs, all verify (rotation). */
  principalSecrets: string[];
};

/**
 * The auth settings of every service's schema (`AUTH_*`: docs/configuration.md): production must set
 * `AUTH_JWT_KEYS` and `AUTH_PRINCIPAL_SECRETS`, elsewhere public development keys stand in.
 * @throws ConfigError naming the variable.
 */
export function authConfig(env: NodeJS.ProcessEnv = process.env): AuthConfig {
  const config = readGroup(authGroup, authRules, env);
  return {
    jwtKeys: config.AUTH_JWT_KEYS,
    currentKeyId: config.AUTH_JWT_CURRENT_KID ?? Object.keys(config.AUTH_JWT_KEYS)[0],
    issuer: config.AUTH_JWT_ISSUER,
    audience: config.AUTH_JWT_AUDIENCE,
    principalSecrets: config.AUTH_PRINCIPAL_SECRETS,
  };
}
