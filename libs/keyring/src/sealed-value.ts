import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';
import type { Keyring } from './keyring';

/** What a sealed value starts with; anything else in a sealed column is a value written before encryption. */
export const SEALED_PREFIX = 'enc:v1:';

const IV_BYTES = 12;
const TAG_BYTES = 16;
const SEALED = /^enc:v1:([A-Za-z0-9._-]{1,64}):([A-Za-z0-9_-]+)$/;

/** A sealed value that cannot be opened: unknown key id, altered, moved to another record, or not sealed at all. */
export class SealedValueError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SealedValueError';
  }
}

// Stored secrets get a key of their own derived from the keyring key (HKDF), never the key itself:
// the same key also encrypts object storage, under a different derivation.
const derived = new WeakMap<Buffer, Buffer>();
function sealingKey(key: Buffer): Buffer {
  let sealing = derived.get(key);
  if (!sealing) {
    sealing = Buffer.from(hkdfSync('sha256', key, Buffer.alloc(0), 'polyplus sealed value v1', 32));
    derived.set(key, sealing);
  }
  return sealing;
}

/**
 * Encrypts a small value (a signing secret, a token) for a database column with the keyring's
 * current key: AES-256-GCM, a random IV, and `context` (e.g. `webhook_endpoint:<id>`) as associated
 * data, so a sealed value copied to another record does not open there. The result names its key:
 * `enc:v1:<key id>:<base64url of IV, ciphertext and tag>`.
 */
export function sealValue(keyring: Keyring, plaintext: string, context: string): string {
  const key = keyring.keys.get(keyring.currentKeyId);
  if (!key) throw new SealedValueError(`The current key ${keyring.currentKeyId} is not in the keyring`);
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', sealingKey(key), iv);
  cipher.setAAD(Buffer.from(context, 'utf8'));
  const ciphertext = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  return `${SEALED_PREFIX}${keyring.currentKeyId}:${Buffer.concat([iv, ciphertext, cipher.getAuthTag()]).toString('base64url')}`;
}

/** Whether a stored value is sealed (else it was written before encryption and is plaintext). */
export function isSealed(stored: string): boolean {
  return SEALED.test(stored);
}

/** The key id a sealed value names; undefined for plaintext. */
export function sealedKeyId(stored: string): string | undefined {
  return SEALED.exec(stored)?.[1];
}

/** Opens a value sealed by {@link sealValue} for the same `context`, with whichever key of the ring it names. */
export function openValue(keyring: Keyring, stored: string, context: string): string {
  const match = SEALED.exec(stored);
  if (!match) throw new SealedValueError('The value is not sealed');
  const [, keyId, encoded] = match;
  const key = keyring.keys.get(keyId);
  if (!key) throw new SealedValueError(`The value is sealed with key ${keyId}, which is not in the keyring`);
  const bytes = Buffer.from(encoded, 'base64url');
  if (bytes.length < IV_BYTES + TAG_BYTES) throw new SealedValueError('The sealed value is truncated');
  const decipher = createDecipheriv('aes-256-gcm', sealingKey(key), bytes.subarray(0, IV_BYTES));
  decipher.setAAD(Buffer.from(context, 'utf8'));
  decipher.setAuthTag(bytes.subarray(bytes.length - TAG_BYTES));
  try {
    return Buffer.concat([decipher.update(bytes.subarray(IV_BYTES, bytes.length - TAG_BYTES)), decipher.final()]).toString('utf8');
  } catch {
    throw new SealedValueError('The sealed value does not authenticate (altered, or sealed for another record)');
  }
}

/**
 * Opens a stored value that may predate encryption: sealed values are opened, anything else is
 * returned as it is (see {@link needsResealing} to find and seal those).
 */
export function openStoredValue(keyring: Keyring, stored: string, context: string): string {
  return isSealed(stored) ? openValue(keyring, stored, context) : stored;
}

/** True for plaintext and for values sealed with a key other than the current one: what a rotation re-seals. */
export function needsResealing(keyring: Keyring, stored: string): boolean {
  return sealedKeyId(stored) !== keyring.currentKeyId;
}

/** The longest sealed form of a value of `plaintextBytes` bytes (UTF-8): what a column must hold. */
export function sealedLength(plaintextBytes: number): number {
  return SEALED_PREFIX.length + 64 + 1 + Math.ceil(((IV_BYTES + plaintextBytes + TAG_BYTES) * 4) / 3);
}
