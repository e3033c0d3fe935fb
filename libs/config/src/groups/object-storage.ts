import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import { boolean, json, text, url } from '../entries';
import type { Rule } from '../service-schema';

const KEY_ID = /^[A-Za-z0-9._-]{1,64}$/;
const isKey = (encoded: string) => /^[A-Za-z0-9+/]+={0,2}$/.test(encoded) && Buffer.from(encoded, 'base64').length === 32;
// The public development key (libs/keyring), refused in production like every development secret.
const DEV_KEYS = JSON.stringify({ dev: Buffer.from('polyplus-object-storage-dev-key!', 'utf8').toString('base64') });

/** The platform keyring: seals stored files and webhook secrets. */
export const keyringGroup = {
  OBJECT_STORAGE_KEYS: json({
    shape: z
      .record(
        z.string().regex(KEY_ID, 'key ids are 1-64 letters, digits, ".", "_" or "-"'),
        z.string().refine(isKey, 'each key is the base64 of 32 bytes'),
      )
      .refine((keys) => Object.keys(keys).length > 0, 'at least one key'),
    form: 'JSON {"<key id>": "<base64 of 32 bytes>", ...}',
    secret: true,
    requiredInProduction: true,
    developmentDefault: DEV_KEYS,
    generate: (label: string) => JSON.stringify({ [label]: randomBytes(32).toString('base64') }),
    description: 'The keys data is encrypted with at rest, by key id; all decrypt.',
  }),
  OBJECT_STORAGE_CURRENT_KEY_ID: text({
    pattern: KEY_ID,
    form: 'a key id of OBJECT_STORAGE_KEYS',
    generate: (label: string) => label,
    defaultNote: 'the only key of OBJECT_STORAGE_KEYS',
    description: 'The key new data is encrypted with (required when there are several).',
  }),
} as const;

/** Where case attachments' bytes live. */
export const objectStoreGroup = {
  OBJECT_STORAGE_URL: url({
    protocols: ['s3', 'file'],
    description: 's3://<bucket>[/<prefix>] or file:///<directory>.',
    defaultNote: 'OBJECT_STORAGE_DIR on the filesystem',
  }),
  OBJECT_STORAGE_DIR: text({
    form: 'a directory path',
    default: 'var/object-storage',
    description: 'The directory files are kept in when OBJECT_STORAGE_URL is unset (relative to the working directory).',
  }),
  OBJECT_STORAGE_ENDPOINT: url({ protocols: ['http', 'https'], description: 'An S3-compatible server’s endpoint.', defaultNote: 'AWS S3' }),
  OBJECT_STORAGE_REGION: text({ description: 'The S3 region.', defaultNote: 'AWS_REGION, else us-east-1' }),
  AWS_REGION: text({ description: 'The S3 region when OBJECT_STORAGE_REGION is unset.' }),
  OBJECT_STORAGE_ACCESS_KEY_ID: text({
    description: 'S3 access key id (with OBJECT_STORAGE_SECRET_ACCESS_KEY); unset: the AWS default chain.',
  }),
  OBJECT_STORAGE_SECRET_ACCESS_KEY: text({ secret: true, description: 'S3 secret access key.' }),
  OBJECT_STORAGE_FORCE_PATH_STYLE: boolean({
    description: 'Path-style S3 addressing.',
    defaultNote: 'true with OBJECT_STORAGE_ENDPOINT, else false',
  }),
} as const;

export const objectStoreRules: Rule<typeof objectStoreGroup>[] = [
  (config) =>
    Boolean(config.OBJECT_STORAGE_ACCESS_KEY_ID) !== Boolean(config.OBJECT_STORAGE_SECRET_ACCESS_KEY)
      ? 'OBJECT_STORAGE_ACCESS_KEY_ID and OBJECT_STORAGE_SECRET_ACCESS_KEY go together'
      : undefined,
];

/** The keyring and the store: what the incidents service's attachments need. */
export const objectStorageGroup = { ...keyringGroup, ...objectStoreGroup } as const;

export const keyringRules = [
  (config: { OBJECT_STORAGE_KEYS: Record<string, string>; OBJECT_STORAGE_CURRENT_KEY_ID?: string }) => {
    const ids = Object.keys(config.OBJECT_STORAGE_KEYS);
    const current = config.OBJECT_STORAGE_CURRENT_KEY_ID;
    if (current === undefined)
      return ids.length > 1
        ? 'OBJECT_STORAGE_CURRENT_KEY_ID is not set; expected the key id new data uses, as OBJECT_STORAGE_KEYS holds several'
        : undefined;
    return ids.includes(current)
      ? undefined
      : `OBJECT_STORAGE_CURRENT_KEY_ID="${current}" is not in OBJECT_STORAGE_KEYS; expected one of its key ids`;
  },
];
