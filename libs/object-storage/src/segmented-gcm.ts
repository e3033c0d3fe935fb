import { createCipheriv, createDecipheriv, createHash, hkdfSync, randomBytes, type Hash } from 'node:crypto';
import { Transform, type TransformCallback } from 'node:stream';
import type { Keyring } from '@polyplus/keyring';

/*
 * Encryption at rest: AES-256-GCM over fixed-size segments (the "STREAM" construction), so an object
 * of any size is encrypted and decrypted while it streams, and every byte handed out on a read has
 * been authenticated first.
 *
 *   header  = "PPOS" | version 1 | segment size (uint32 BE) | key id length (1) | key id | salt (32) | nonce prefix (7)
 *   segment = AES-256-GCM(segment key, nonce = prefix | segment index (uint32 BE) | last ? 1 : 0,
 *                         plaintext ≤ segment size, aad = header | object key) | tag (16)
 *
 * The segment key is HKDF-SHA256(keyring key, salt, "polyplus-object-storage/v1/<key id>"), fresh
 * per object, so nonces never repeat under one key however many objects it encrypts. The object key
 * in the associated data means an object copied or moved under another key fails to decrypt; the
 * flag on the last segment means a truncated object fails too.
 */

const MAGIC = Buffer.from('PPOS', 'ascii');
const VERSION = 1;
const SALT_BYTES = 32;
const NONCE_PREFIX_BYTES = 7;
const TAG_BYTES = 16;
/** Plaintext bytes per segment. */
export const SEGMENT_BYTES = 64 * 1024;
const MAX_SEGMENT_BYTES = 16 * 1024 * 1024;
const FIXED_HEADER_BYTES = MAGIC.length + 1 + 4 + 1;

export class ObjectIntegrityError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ObjectIntegrityError';
  }
}

export class UnknownKeyError extends Error {
  constructor(readonly keyId: string) {
    super(`The object was encrypted with key ${keyId}, which the keyring does not hold`);
    this.name = 'UnknownKeyError';
  }
}

type Header = { bytes: Buffer; keyId: string; salt: Buffer; noncePrefix: Buffer; segmentBytes: number };

export function headerLength(keyId: string): number {
  return FIXED_HEADER_BYTES + Buffer.byteLength(keyId) + SALT_BYTES + NONCE_PREFIX_BYTES;
}

/** The stored size of `plaintextBytes` encrypted under `keyId`. */
export function encryptedLength(plaintextBytes: number, keyId: string, segmentBytes = SEGMENT_BYTES): number {
  const segments = Math.max(1, Math.ceil(plaintextBytes / segmentBytes));
  return headerLength(keyId) + plaintextBytes + segments * TAG_BYTES;
}

/** The plaintext size of a stored object of `storedBytes` whose header is `headerBytes` long. */
export function plaintextLength(storedBytes: number, headerBytes: number, segmentBytes = SEGMENT_BYTES): number {
  const body = storedBytes - headerBytes;
  const segments = Math.ceil(body / (segmentBytes + TAG_BYTES));
  return body - segments * TAG_BYTES;
}

function segmentKey(master: Buffer, header: Pick<Header, 'keyId' | 'salt'>): Buffer {
  return Buffer.from(hkdfSync('sha256', master, header.salt, `polyplus-object-storage/v1/${header.keyId}`, 32));
}

function nonce(prefix: Buffer, index: number, last: boolean): Buffer {
  const value = Buffer.alloc(12);
  prefix.copy(value, 0);
  value.writeUInt32BE(index, NONCE_PREFIX_BYTES);
  value[11] = last ? 1 : 0;
  return value;
}

function buildHeader(keyId: string, segmentBytes: number): Header {
  const id = Buffer.from(keyId, 'utf8');
  const salt = randomBytes(SALT_BYTES);
  const noncePrefix = randomBytes(NONCE_PREFIX_BYTES);
  const fixed = Buffer.alloc(FIXED_HEADER_BYTES);
  MAGIC.copy(fixed, 0);
  fixed[4] = VERSION;
  fixed.writeUInt32BE(segmentBytes, 5);
  fixed[9] = id.length;
  return { bytes: Buffer.concat([fixed, id, salt, noncePrefix]), keyId, salt, noncePrefix, segmentBytes };
}

/** Parses a header from the start of `data`; undefined while more bytes are needed. */
export function parseHeader(data: Buffer): Header | undefined {
  if (data.length < FIXED_HEADER_BYTES) return undefined;
  if (!data.subarray(0, MAGIC.length).equals(MAGIC)) throw new ObjectIntegrityError('Not an encrypted object (bad magic)');
  if (data[4] !== VERSION) throw new ObjectIntegrityError(`Unsupported encryption format version ${data[4]}`);
  const segmentBytes = data.readUInt32BE(5);
  if (segmentBytes < 1 || segmentBytes > MAX_SEGMENT_BYTES) throw new ObjectIntegrityError('Implausible segment size');
  const idLength = data[9];
  const total = FIXED_HEADER_BYTES + idLength + SALT_BYTES + NONCE_PREFIX_BYTES;
  if (data.length < total) return undefined;
  const keyId = data.subarray(FIXED_HEADER_BYTES, FIXED_HEADER_BYTES + idLength).toString('utf8');
  const salt = data.subarray(FIXED_HEADER_BYTES + idLength, FIXED_HEADER_BYTES + idLength + SALT_BYTES);
  const noncePrefix = data.subarray(total - NONCE_PREFIX_BYTES, total);
  return {
    bytes: Buffer.from(data.subarray(0, total)),
    keyId,
    salt: Buffer.from(salt),
    noncePrefix: Buffer.from(noncePrefix),
    segmentBytes,
  };
}

/** Bytes collected from a stream, taken from the front in slices. */
class ByteQueue {
  private chunks: Buffer[] = [];
  length = 0;

  push(chunk: Buffer): void {
    this.chunks.push(chunk);
    this.length += chunk.length;
  }

  peek(): Buffer {
    if (this.chunks.length > 1) this.chunks = [Buffer.concat(this.chunks)];
    return this.chunks[0] ?? Buffer.alloc(0);
  }

  take(bytes: number): Buffer {
    const all = this.peek();
    const taken = all.subarray(0, bytes);
    const rest = all.subarray(bytes);
    this.chunks = rest.length > 0 ? [rest] : [];
    this.length = rest.length;
    return taken;
  }
}

/**
 * Encrypts a plaintext stream under the keyring's current key for the object stored under
 * `objectKey`; `sha256` and `plaintextBytes` describe the plaintext once the stream has ended.
 */
export class EncryptingStream extends Transform {
  readonly keyId: string;
  private readonly header: Header;
  private readonly key: Buffer;
  private readonly aad: Buffer;
  private readonly pending = new ByteQueue();
  private readonly hash: Hash = createHash('sha256');
  private index = 0;
  private started = false;
  private digest?: string;
  plaintextBytes = 0;

  constructor(keyring: Keyring, objectKey: string, segmentBytes = SEGMENT_BYTES) {
    super();
    this.keyId = keyring.currentKeyId;
    const master = keyring.keys.get(this.keyId);
    if (!master) throw new UnknownKeyError(this.keyId);
    this.header = buildHeader(this.keyId, segmentBytes);
    this.key = segmentKey(master, this.header);
    this.aad = Buffer.concat([this.header.bytes, Buffer.from(objectKey, 'utf8')]);
  }

  /** Hex SHA-256 of the plaintext; available once the stream has finished. */
  get sha256(): string {
    if (!this.digest) throw new Error('The plaintext digest is known only once the stream has ended');
    return this.digest;
  }

  private start(): void {
    if (this.started) return;
    this.started = true;
    this.push(this.header.bytes);
  }

  private seal(plaintext: Buffer, last: boolean): void {
    const cipher = createCipheriv('aes-256-gcm', this.key, nonce(this.header.noncePrefix, this.index++, last), {
      authTagLength: TAG_BYTES,
    });
    cipher.setAAD(this.aad);
    this.push(Buffer.concat([cipher.update(plaintext), cipher.final(), cipher.getAuthTag()]));
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    this.start();
    this.hash.update(chunk);
    this.plaintextBytes += chunk.length;
    this.pending.push(chunk);
    // A full segment is sealed only once a byte beyond it shows it is not the last.
    while (this.pending.length > this.header.segmentBytes) this.seal(this.pending.take(this.header.segmentBytes), false);
    callback();
  }

  override _flush(callback: TransformCallback): void {
    this.start();
    this.seal(this.pending.take(this.pending.length), true);
    this.digest = this.hash.digest('hex');
    callback();
  }
}

/**
 * Decrypts an object stored under `objectKey` with whichever keyring key its header names; each
 * segment is authenticated before its plaintext is passed on. A tampered, truncated, extended or
 * moved object fails with {@link ObjectIntegrityError}.
 */
export class DecryptingStream extends Transform {
  private readonly pending = new ByteQueue();
  private header?: Header;
  private key?: Buffer;
  private aad?: Buffer;
  private index = 0;
  private finished = false;

  constructor(
    private readonly keyring: Keyring,
    private readonly objectKey: string,
  ) {
    super();
  }

  /** The key id the object names, once its header has been read. */
  get keyId(): string | undefined {
    return this.header?.keyId;
  }

  private open(): boolean {
    if (this.header) return true;
    const header = parseHeader(this.pending.peek());
    if (!header) return false;
    const master = this.keyring.keys.get(header.keyId);
    if (!master) throw new UnknownKeyError(header.keyId);
    this.pending.take(header.bytes.length);
    this.header = header;
    this.key = segmentKey(master, header);
    this.aad = Buffer.concat([header.bytes, Buffer.from(this.objectKey, 'utf8')]);
    this.emit('header', header.keyId);
    return true;
  }

  private openSegment(sealed: Buffer, last: boolean): Buffer {
    if (!this.header || !this.key || !this.aad) throw new ObjectIntegrityError('No header');
    if (sealed.length < TAG_BYTES) throw new ObjectIntegrityError('Truncated object');
    const body = sealed.subarray(0, sealed.length - TAG_BYTES);
    const decipher = createDecipheriv('aes-256-gcm', this.key, nonce(this.header.noncePrefix, this.index++, last), {
      authTagLength: TAG_BYTES,
    });
    decipher.setAAD(this.aad);
    decipher.setAuthTag(sealed.subarray(sealed.length - TAG_BYTES));
    try {
      return Buffer.concat([decipher.update(body), decipher.final()]);
    } catch {
      throw new ObjectIntegrityError('The object failed authentication: altered, truncated or stored under another key');
    }
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    try {
      this.pending.push(chunk);
      if (!this.open() || !this.header) return callback();
      const sealedBytes = this.header.segmentBytes + TAG_BYTES;
      while (this.pending.length > sealedBytes) this.push(this.openSegment(this.pending.take(sealedBytes), false));
      callback();
    } catch (error) {
      callback(error as Error);
    }
  }

  override _flush(callback: TransformCallback): void {
    try {
      if (!this.open()) throw new ObjectIntegrityError('Truncated object header');
      this.push(this.openSegment(this.pending.take(this.pending.length), true));
      this.finished = true;
      callback();
    } catch (error) {
      callback(error as Error);
    }
  }

  /** True once the last segment has been authenticated. */
  get complete(): boolean {
    return this.finished;
  }
}
