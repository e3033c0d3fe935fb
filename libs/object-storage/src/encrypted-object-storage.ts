import { pipeline, type Readable } from 'node:stream';
import { ByteCounter } from './exact-length';
import type { Keyring } from '@polyplus/keyring';
import { assertValidKey, type ObjectHead, type ObjectStorage, type PutOptions, type PutResult } from './object-storage';
import { DecryptingStream, encryptedLength, EncryptingStream, parseHeader, plaintextLength } from './segmented-gcm';

/** A stored object as its writer knows it: plaintext size and SHA-256, and the key that encrypted it. */
export type StoredObject = PutResult & { key: string; keyId: string; sha256: string; storedSize: number };

export type EncryptedObjectHead = ObjectHead & { keyId: string; storedSize: number };

/**
 * Encrypts every object at rest on the storage beneath (see `segmented-gcm.ts`): puts and gets
 * stream plaintext, the key id and IV travel in the object's header, and a read uses whichever key
 * of the keyring the object names, so objects written before a key rotation stay readable.
 */
export class EncryptedObjectStorage implements ObjectStorage {
  constructor(
    private readonly storage: ObjectStorage,
    private readonly keyring: Keyring,
  ) {}

  get driver(): string {
    return this.storage.driver;
  }

  get currentKeyId(): string {
    return this.keyring.currentKeyId;
  }

  /**
   * Stores the plaintext encrypted under the current key. With `size`, a stream of any other length
   * fails and nothing is stored. A failed put removes whatever the storage may hold under the key.
   */
  async put(key: string, plaintext: Readable, options: PutOptions = {}): Promise<StoredObject> {
    assertValidKey(key);
    const encrypting = new EncryptingStream(this.keyring, key);
    let sealed!: Readable;
    const sealing = new Promise<Error | null | undefined>((resolve) => {
      sealed = pipeline(plaintext, new ByteCounter(options.size), encrypting, resolve);
    });
    const storedSize = options.size === undefined ? undefined : encryptedLength(options.size, encrypting.keyId);
    let stored: PutResult | undefined;
    let storageError: unknown;
    try {
      stored = await this.storage.put(key, sealed, { size: storedSize });
    } catch (error) {
      storageError = error;
      sealed.destroy();
    }
    const sourceError = await sealing;
    if (stored && !sourceError) {
      return { key, keyId: encrypting.keyId, size: encrypting.plaintextBytes, sha256: encrypting.sha256, storedSize: stored.size };
    }
    await this.storage.delete(key).catch(() => undefined);
    // The source's own failure (e.g. content refused while it streamed) explains more than the
    // storage's; a premature close is only the echo of the storage giving up.
    const echo = (sourceError as NodeJS.ErrnoException | undefined)?.code === 'ERR_STREAM_PREMATURE_CLOSE';
    throw sourceError && !(echo && storageError) ? sourceError : storageError;
  }

  /** The plaintext, each segment authenticated before it is passed on; a failure destroys the stream. */
  async get(key: string): Promise<Readable> {
    const stored = await this.storage.get(key);
    return pipeline(stored, new DecryptingStream(this.keyring, key), () => undefined);
  }

  /** Plaintext size and key id, from the stored size and the header (the object is not decrypted). */
  async head(key: string): Promise<EncryptedObjectHead | null> {
    const head = await this.storage.head(key);
    if (!head) return null;
    const header = await this.readHeader(key);
    return { size: plaintextLength(head.size, header.bytes.length, header.segmentBytes), keyId: header.keyId, storedSize: head.size };
  }

  private async readHeader(key: string) {
    const stream = await this.storage.get(key);
    const chunks: Buffer[] = [];
    try {
      for await (const chunk of stream) {
        chunks.push(chunk as Buffer);
        const header = parseHeader(Buffer.concat(chunks));
        if (header) return header;
      }
    } finally {
      stream.destroy();
    }
    throw new Error(`Object ${key} has no complete encryption header`);
  }

  delete(key: string): Promise<void> {
    return this.storage.delete(key);
  }

  close(): Promise<void> {
    return this.storage.close();
  }
}
