import { randomBytes } from 'node:crypto';

/**
 * Fresh values for every secret production refuses to default, for a stack started with
 * `NODE_ENV=production` on this machine (tests, benchmarks). Add a secret here when a service
 * starts refusing to run without it.
 */
export function productionSecrets(label = 'run'): NodeJS.ProcessEnv {
  return {
    AUTH_JWT_KEYS: JSON.stringify({ [label]: randomBytes(32).toString('hex') }),
    AUTH_JWT_CURRENT_KID: label,
    AUTH_PRINCIPAL_SECRETS: randomBytes(32).toString('hex'),
    OBJECT_STORAGE_KEYS: JSON.stringify({ [label]: randomBytes(32).toString('base64') }),
    OBJECT_STORAGE_CURRENT_KEY_ID: label,
    ATTACHMENT_LINK_SECRETS: randomBytes(32).toString('hex'),
    MAIL_LINK_SECRET: randomBytes(32).toString('hex'),
  };
}
