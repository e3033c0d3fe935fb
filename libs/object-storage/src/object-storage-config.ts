import { isAbsolute, resolve } from 'node:path';
import { EncryptedObjectStorage } from './encrypted-object-storage';
import { FilesystemObjectStorage } from './filesystem-object-storage';
import { keyringFromEnv, type Keyring } from '@polyplus/keyring';
import { S3ObjectStorage, type S3Location } from './s3-object-storage';

/** Where `npm start` keeps objects when nothing is configured: `var/object-storage` in the working directory. */
export const DEFAULT_OBJECT_STORAGE_DIR = 'var/object-storage';

export type ObjectStorageConfig = { keyring: Keyring } & ({ driver: 'filesystem'; directory: string } | ({ driver: 's3' } & S3Location));

function flag(name: string, value: string | undefined, fallback: boolean): boolean {
  if (value === undefined || value === '') return fallback;
  if (value === 'true' || value === '1') return true;
  if (value === 'false' || value === '0') return false;
  throw new Error(`${name} must be true or false`);
}

function s3Location(url: URL, env: NodeJS.ProcessEnv): S3Location {
  const bucket = url.hostname;
  if (!/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/.test(bucket)) throw new Error('OBJECT_STORAGE_URL must name a bucket: s3://<bucket>[/<prefix>]');
  const accessKeyId = env.OBJECT_STORAGE_ACCESS_KEY_ID;
  const secretAccessKey = env.OBJECT_STORAGE_SECRET_ACCESS_KEY;
  if (Boolean(accessKeyId) !== Boolean(secretAccessKey)) throw new Error('OBJECT_STORAGE_ACCESS_KEY_ID and OBJECT_STORAGE_SECRET_ACCESS_KEY go together');
  const endpoint = env.OBJECT_STORAGE_ENDPOINT || undefined;
  if (endpoint && !/^https?:\/\//.test(endpoint)) throw new Error('OBJECT_STORAGE_ENDPOINT must be an http(s) URL');
  return {
    bucket,
    prefix: decodeURIComponent(url.pathname).replace(/^\/+|\/+$/g, '') || undefined,
    endpoint,
    region: env.OBJECT_STORAGE_REGION || env.AWS_REGION || 'us-east-1',
    // S3-compatible servers at their own endpoint mostly want path-style addressing.
    forcePathStyle: flag('OBJECT_STORAGE_FORCE_PATH_STYLE', env.OBJECT_STORAGE_FORCE_PATH_STYLE, Boolean(endpoint)),
    credentials: accessKeyId && secretAccessKey ? { accessKeyId, secretAccessKey } : undefined,
  };
}

/**
 * Reads the object storage settings once, naming the variable that is wrong:
 * - `OBJECT_STORAGE_URL`: `s3://<bucket>[/<prefix>]` for S3 (with `OBJECT_STORAGE_ENDPOINT`,
 *   `OBJECT_STORAGE_REGION`, `OBJECT_STORAGE_FORCE_PATH_STYLE`, `OBJECT_STORAGE_ACCESS_KEY_ID` /
 *   `OBJECT_STORAGE_SECRET_ACCESS_KEY`), or `file:///<directory>`; absent, the filesystem at
 *   `OBJECT_STORAGE_DIR` (default {@link DEFAULT_OBJECT_STORAGE_DIR}, relative to `cwd`).
 * - `OBJECT_STORAGE_KEYS` / `OBJECT_STORAGE_CURRENT_KEY_ID`: see {@link keyringFromEnv}.
 */
export function objectStorageConfig(env: NodeJS.ProcessEnv = process.env, cwd: string = process.cwd()): ObjectStorageConfig {
  const keyring = keyringFromEnv(env);
  const raw = env.OBJECT_STORAGE_URL;
  if (!raw) {
    const directory = env.OBJECT_STORAGE_DIR || DEFAULT_OBJECT_STORAGE_DIR;
    return { keyring, driver: 'filesystem', directory: isAbsolute(directory) ? directory : resolve(cwd, directory) };
  }
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new Error('OBJECT_STORAGE_URL must be s3://<bucket>[/<prefix>] or file:///<directory>');
  }
  if (url.protocol === 's3:') return { keyring, driver: 's3', ...s3Location(url, env) };
  if (url.protocol === 'file:') return { keyring, driver: 'filesystem', directory: decodeURIComponent(url.pathname) };
  throw new Error('OBJECT_STORAGE_URL must be s3://<bucket>[/<prefix>] or file:///<directory>');
}

/** The configured storage, encrypting at rest. */
export function createObjectStorage(config: ObjectStorageConfig = objectStorageConfig()): EncryptedObjectStorage {
  const storage = config.driver === 's3' ? new S3ObjectStorage(config) : new FilesystemObjectStorage(config.directory);
  return new EncryptedObjectStorage(storage, config.keyring);
}

/** What the configuration says, without secrets: for start-up logs. */
export function describeObjectStorage(config: ObjectStorageConfig): string {
  const where = config.driver === 's3' ? `s3://${config.bucket}${config.prefix ? `/${config.prefix}` : ''}${config.endpoint ? ` at ${config.endpoint}` : ''}` : config.directory;
  return `${config.driver} ${where}, encrypted with key ${config.keyring.currentKeyId} (${config.keyring.keys.size} in the keyring)`;
}
