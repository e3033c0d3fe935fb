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

const DEV_JWT_KEY = 'polyplus-development-jwt-key-not-for-production';
const DEV_PRINCIPAL_SECRET = 'polyplus-development-principal-secret-not-for-production';

function parseKeys(raw: string): Record<string, string> {
  let keys: unknown;
  try {
    keys = JSON.parse(raw);
  } catch {
    throw new Error('AUTH_JWT_KEYS must be JSON: {"<kid>": "<secret>", ...}');
  }
  const entries = Object.entries(keys as Record<string, unknown>);
  if (entries.length === 0 || entries.some(([, secret]) => typeof secret !== 'string' || secret.length < 32)) {
    throw new Error('AUTH_JWT_KEYS needs at least one key, each a secret of 32 characters or more');
  }
  return Object.fromEntries(entries) as Record<string, string>;
}

/**
 * Reads `AUTH_JWT_KEYS`, `AUTH_JWT_CURRENT_KID`, `AUTH_JWT_ISSUER`, `AUTH_JWT_AUDIENCE` and
 * `AUTH_PRINCIPAL_SECRETS` (comma-separated). Outside production, missing values fall back to
 * development secrets; in production they are required.
 */
export function authConfig(env: NodeJS.ProcessEnv = process.env): AuthConfig {
  const production = env.NODE_ENV === 'production';
  if (production && (!env.AUTH_JWT_KEYS || !env.AUTH_PRINCIPAL_SECRETS)) {
    throw new Error('AUTH_JWT_KEYS and AUTH_PRINCIPAL_SECRETS must be set in production');
  }
  const jwtKeys = env.AUTH_JWT_KEYS ? parseKeys(env.AUTH_JWT_KEYS) : { dev: DEV_JWT_KEY };
  const currentKeyId = env.AUTH_JWT_CURRENT_KID ?? Object.keys(jwtKeys)[0];
  if (!jwtKeys[currentKeyId]) throw new Error(`AUTH_JWT_CURRENT_KID ${currentKeyId} is not in AUTH_JWT_KEYS`);
  const principalSecrets = (env.AUTH_PRINCIPAL_SECRETS ?? DEV_PRINCIPAL_SECRET).split(',').map((s) => s.trim()).filter(Boolean);
  if (principalSecrets.some((secret) => secret.length < 32)) throw new Error('AUTH_PRINCIPAL_SECRETS entries need 32 characters or more');
  return {
    jwtKeys,
    currentKeyId,
    issuer: env.AUTH_JWT_ISSUER ?? 'polyplus',
    audience: env.AUTH_JWT_AUDIENCE ?? 'polyplus-api',
    principalSecrets,
  };
}
