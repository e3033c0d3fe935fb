import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import { json, secretList, text } from '../entries';
import type { Rule } from '../service-schema';

// Outside production every process signs and checks with the same public defaults.
const DEV_JWT_KEYS = JSON.stringify({ dev: 'polyplus-development-jwt-key-not-for-production' });
const DEV_PRINCIPAL_SECRET = 'polyplus-development-principal-secret-not-for-production';

/** Bearer tokens (the gateway verifies them) and the signed principal header (subgraphs verify it). */
export const authGroup = {
  AUTH_JWT_KEYS: json({
    shape: z
      .record(z.string().min(1), z.string().min(32, 'each secret needs 32 characters or more'))
      .refine((keys) => Object.keys(keys).length > 0, 'at least one key'),
    form: 'JSON {"<kid>": "<secret of 32+ characters>", ...}',
    secret: true,
    requiredInProduction: true,
    developmentDefault: DEV_JWT_KEYS,
    generate: (label: string) => JSON.stringify({ [label]: randomBytes(32).toString('hex') }),
    description: 'The keys bearer tokens are signed with, by key id; all verify.',
  }),
  AUTH_JWT_CURRENT_KID: text({
    pattern: /^\S+$/,
    form: 'a key id of AUTH_JWT_KEYS',
    defaultNote: 'the first key of AUTH_JWT_KEYS',
    generate: (label: string) => label,
    description: 'The key id new tokens are signed with.',
  }),
  AUTH_PRINCIPAL_SECRETS: secretList({
    minLength: 32,
    developmentDefault: DEV_PRINCIPAL_SECRET,
    generate: () => randomBytes(32).toString('hex'),
    description: 'HMAC secrets of the principal header the gateway signs for subgraphs.',
  }),
  AUTH_JWT_ISSUER: text({ default: 'polyplus', description: 'The issuer bearer tokens carry and must carry.' }),
  AUTH_JWT_AUDIENCE: text({ default: 'polyplus-api', description: 'The audience bearer tokens carry and must carry.' }),
} as const;

// The keys may be unset only on a page server in production, which signs nothing there.
export const authRules: Rule<typeof authGroup>[] = [
  (config) =>
    config.AUTH_JWT_CURRENT_KID !== undefined &&
    config.AUTH_JWT_KEYS !== undefined &&
    config.AUTH_JWT_KEYS[config.AUTH_JWT_CURRENT_KID] === undefined
      ? `AUTH_JWT_CURRENT_KID="${config.AUTH_JWT_CURRENT_KID}" is not a key id of AUTH_JWT_KEYS; expected one of its key ids`
      : undefined,
];
