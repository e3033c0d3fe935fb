export {
  assertValidKey,
  MAX_KEY_LENGTH,
  ObjectNotFoundError,
  ObjectSizeMismatchError,
  type ObjectHead,
  type ObjectStorage,
  type PutOptions,
  type PutResult,
} from './object-storage';
export { FilesystemObjectStorage } from './filesystem-object-storage';
export { S3ObjectStorage, s3Client, type S3Location } from './s3-object-storage';
export { EncryptedObjectStorage, type EncryptedObjectHead, type StoredObject } from './encrypted-object-storage';
export { DEVELOPMENT_KEY_ID, KEY_BYTES, developmentKeyring, keyringFromEnv, parseKeyring, type Keyring } from '@polyplus/keyring';
export { ObjectIntegrityError, UnknownKeyError, SEGMENT_BYTES, encryptedLength } from './segmented-gcm';
export {
  DEFAULT_OBJECT_STORAGE_DIR,
  createObjectStorage,
  describeObjectStorage,
  objectStorageConfig,
  type ObjectStorageConfig,
} from './object-storage-config';
