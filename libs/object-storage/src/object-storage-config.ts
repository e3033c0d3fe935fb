import { objectStoreGroup, objectStoreRules, readGroup, type ConfigOf } from '@polyplus/config';
import { isAbsolute, resolve } from 'node:path';
import { EncryptedObjectStorage } from './encrypted-object-storage';
import { FilesystemObjectStorage } from './filesystem-object-storage';
import { keyringFromEnv, type Keyring } from '@polyplus/keyring';
import { S3ObjectStorage, type S3Location } from './s3-object-storage';

/** Where `npm start` keeps objects when nothing is configured: `var/object-storage` in the working directory. */
export const DEFAULT_OBJECT_STORAGE_DIR: string = objectStoreGroup.OBJECT_STORAGE_DIR.defaultText;

export type ObjectStorageConfig = { keyring: Keyring } & ({ driver: 'filesystem'; directory: string } | ({ driver: 's3' } & S3Location));

type StoreSettings = ConfigOf<typeof objectStoreGroup>;

function s3Location(url: URL, config: StoreSettings): S3Location {
  const bucket = url.hostname;
  if (!/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/.test(bucket))
    throw new Error('OBJECT_STORAGE_URL must name a bucket: s3://<bucket>[/<prefix>]');
  const accessKeyId = config.OBJECT_STORAGE_ACCESS_KEY_ID;
  const secretAccessKey = config.OBJECT_STORAGE_SECRET_ACCESS_KEY;
  const endpoint = config.OBJECT_STORAGE_ENDPOINT;
  return {
    bucket,
    prefix: decodeURIComponent(url.pathname).replace(/^\/+|\/+$/g, '') || undefined,
    endpoint,
    region: config.OBJECT_STORAGE_REGION || config.AWS_REGION || 'us-east-1',
    // S3-compatible servers at their own endpoint mostly want path-style addressing.
    forcePathStyle: config.OBJECT_STORAGE_FORCE_PATH_STYLE ?? Boolean(endpoint),
    credentials: accessKeyId && secretAccessKey ? { accessKeyId, secretAccessKey } : undefined,
  };
}

/**
 * Where attachments go, from the incidents schema's `OBJECT_STORAGE_*` (docs/configuration.md):
 * `OBJECT_STORAGE_URL` s3://<bucket>[/<prefix>] or file:///<directory>, else `OBJECT_STORAGE_DIR`
 * (relative to `cwd`); the keyring from `OBJECT_STORAGE_KEYS`.
 * @throws Error naming the variable.
 */
export function objectStorageConfig(env: NodeJS.ProcessEnv = process.env, cwd: string = process.cwd()): ObjectStorageConfig {
  const keyring = keyringFromEnv(env);
  const config = readGroup(objectStoreGroup, objectStoreRules, env);
  if (!config.OBJECT_STORAGE_URL) {
    const directory = config.OBJECT_STORAGE_DIR;
    return { keyring, driver: 'filesystem', directory: isAbsolute(directory) ? directory : resolve(cwd, directory) };
  }
  const url = new URL(config.OBJECT_STORAGE_URL);
  if (url.protocol === 's3:') return { keyring, driver: 's3', ...s3Location(url, config) };
  return { keyring, driver: 'filesystem', directory: decodeURIComponent(url.pathname) };
}

/** The configured storage, encrypting at rest. */
export function createObjectStorage(config: ObjectStorageConfig = objectStorageConfig()): EncryptedObjectStorage {
  const storage = config.driver === 's3' ? new S3ObjectStorage(config) : new FilesystemObjectStorage(config.directory);
  return new EncryptedObjectStorage(storage, config.keyring);
}

/** What the configuration says, without secrets: for start-up logs. */
export function describeObjectStorage(config: ObjectStorageConfig): string {
  const where =
    config.driver === 's3'
      ? `s3://${config.bucket}${config.prefix ? `/${config.prefix}` : ''}${config.endpoint ? ` at ${config.endpoint}` : ''}`
      : config.directory;
  return `${config.driver} ${where}, encrypted with key ${config.keyring.currentKeyId} (${config.keyring.keys.size} in the keyring)`;
}
