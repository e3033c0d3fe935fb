// The behaviour every ObjectStorage driver must show, run against each one by its integration spec.
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import { EncryptedObjectStorage } from './encrypted-object-storage';
import { parseKeyring, type Keyring } from '@polyplus/keyring';
import { ObjectNotFoundError, ObjectSizeMismatchError, type ObjectStorage } from './object-storage';
import { ObjectIntegrityError } from './segmented-gcm';

export type ContractSubject = {
  /** A fresh, empty storage (or a fresh key prefix of one). */
  storage: ObjectStorage;
  /** Every key that holds an object, read behind the driver's back (files on disk, keys in the bucket). */
  storedKeys(): Promise<string[]>;
};

const sha256 = (data: Buffer) => createHash('sha256').update(data).digest('hex');

async function read(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/** A stream of `data` in chunks of `chunk` bytes, failing with `failWith` after `failAfter` chunks when given. */
function streamOf(data: Buffer, chunk = 64 * 1024, failAfter?: number, failWith = new Error('connection reset by the uploader')): Readable {
  let index = 0;
  return new Readable({
    read() {
      if (failAfter !== undefined && index === failAfter) return this.destroy(failWith);
      const part = data.subarray(index * chunk, (index + 1) * chunk);
      index += 1;
      this.push(part.length > 0 ? part : null);
    },
  });
}

const key = () => `contract/${randomUUID()}/object.bin`;
const newKey = (): string => randomBytes(32).toString('base64');

export function describeObjectStorageContract(driver: string, subject: () => ContractSubject): void {
  describe(`the ${driver} driver`, () => {
    it('stores a stream and gives the same bytes back; head tells the size', async () => {
      const { storage } = subject();
      const data = randomBytes(1024 * 1024 + 3);
      const where = key();
      expect(await storage.put(where, streamOf(data), { size: data.length })).toEqual({ size: data.length });
      expect(await storage.head(where)).toEqual({ size: data.length });
      expect(sha256(await read(await storage.get(where)))).toBe(sha256(data));
    });

    it('stores a stream of unknown length (over 5 MiB: several multipart parts on S3)', async () => {
      const { storage } = subject();
      const data = randomBytes(6 * 1024 * 1024 + 11);
      const where = key();
      expect(await storage.put(where, streamOf(data))).toEqual({ size: data.length });
      expect(sha256(await read(await storage.get(where)))).toBe(sha256(data));
    });

    it('stores an empty object', async () => {
      const { storage } = subject();
      const where = key();
      await storage.put(where, streamOf(Buffer.alloc(0)), { size: 0 });
      expect(await storage.head(where)).toEqual({ size: 0 });
      expect((await read(await storage.get(where))).length).toBe(0);
    });

    it('an unknown key: get is ObjectNotFoundError, head is null, delete is no error', async () => {
      const { storage } = subject();
      const where = key();
      await expect(storage.get(where)).rejects.toBeInstanceOf(ObjectNotFoundError);
      expect(await storage.head(where)).toBeNull();
      await expect(storage.delete(where)).resolves.toBeUndefined();
    });

    it('delete removes the object', async () => {
      const { storage, storedKeys } = subject();
      const where = key();
      await storage.put(where, streamOf(randomBytes(10)), { size: 10 });
      await storage.delete(where);
      expect(await storage.head(where)).toBeNull();
      expect(await storedKeys()).not.toContain(where);
    });

    it('a second put under a key replaces the object whole', async () => {
      const { storage } = subject();
      const where = key();
      await storage.put(where, streamOf(randomBytes(5000)), { size: 5000 });
      const second = randomBytes(40);
      await storage.put(where, streamOf(second), { size: 40 });
      expect((await read(await storage.get(where))).equals(second)).toBe(true);
    });

    it.each([
      ['more bytes than announced', 2000, 1000],
      ['fewer bytes than announced', 1000, 2000],
    ])('a stream with %s is refused and stores nothing', async (_case, actual, announced) => {
      const { storage, storedKeys } = subject();
      const where = key();
      await expect(storage.put(where, streamOf(randomBytes(actual), 256), { size: announced })).rejects.toBeInstanceOf(
        ObjectSizeMismatchError,
      );
      expect(await storage.head(where)).toBeNull();
      expect(await storedKeys()).not.toContain(where);
    });

    it.each([[true], [false]])('a stream that fails midway stores nothing (length announced: %s)', async (announced) => {
      const { storage, storedKeys } = subject();
      const where = key();
      const data = randomBytes(300 * 1024);
      const failure = new Error('connection reset by the uploader');
      await expect(storage.put(where, streamOf(data, 64 * 1024, 2, failure), announced ? { size: data.length } : {})).rejects.toBe(failure);
      expect(await storage.head(where)).toBeNull();
      expect(await storedKeys()).not.toContain(where);
    });

    it('a stream that fails after several megabytes (several multipart parts on S3) stores nothing', async () => {
      const { storage, storedKeys } = subject();
      const where = key();
      const failure = new Error('connection reset by the uploader');
      await expect(storage.put(where, streamOf(randomBytes(12 * 1024 * 1024), 1024 * 1024, 11, failure))).rejects.toBe(failure);
      expect(await storage.head(where)).toBeNull();
      expect(await storedKeys()).not.toContain(where);
    });

    it('refuses keys that could escape the store', async () => {
      const { storage } = subject();
      for (const bad of ['../outside', '/absolute', 'a//b', 'a/./b', '', 'a/b/', 'space here', 'a\\b']) {
        await expect(storage.put(bad, streamOf(Buffer.from('x')))).rejects.toThrow(/Invalid object key/);
      }
    });

    describe('encrypted at rest', () => {
      const k1 = newKey();
      const k2 = newKey();
      const keyring = (current: string, keys: Record<string, string>): Keyring => parseKeyring(JSON.stringify(keys), current);

      it('stores ciphertext; reads give the plaintext back with its SHA-256 recorded at the put', async () => {
        const { storage } = subject();
        const encrypted = new EncryptedObjectStorage(storage, keyring('k1', { k1 }));
        const plaintext = Buffer.from('Call detail record,caller,callee,duration\n'.repeat(5000));
        const where = key();
        const stored = await encrypted.put(where, streamOf(plaintext), { size: plaintext.length });
        expect(stored).toMatchObject({ key: where, keyId: 'k1', size: plaintext.length, sha256: sha256(plaintext) });
        const raw = await read(await storage.get(where));
        expect(raw.length).toBe(stored.storedSize);
        expect(raw.includes(Buffer.from('Call detail record'))).toBe(false);
        expect(sha256(await read(await encrypted.get(where)))).toBe(sha256(plaintext));
        expect(await encrypted.head(where)).toEqual({ size: plaintext.length, keyId: 'k1', storedSize: raw.length });
      });

      it('key rotation: objects written with the old key stay readable, new ones use the new key', async () => {
        const { storage } = subject();
        const [before, after] = [randomBytes(200_000), randomBytes(1000)];
        const [old, fresh] = [key(), key()];
        await new EncryptedObjectStorage(storage, keyring('k1', { k1 })).put(old, streamOf(before));
        const rotated = new EncryptedObjectStorage(storage, keyring('k2', { k1, k2 }));
        expect((await rotated.put(fresh, streamOf(after))).keyId).toBe('k2');
        expect((await read(await rotated.get(old))).equals(before)).toBe(true);
        expect((await read(await rotated.get(fresh))).equals(after)).toBe(true);
        expect((await rotated.head(old))?.keyId).toBe('k1');
      });

      it('an object altered in storage fails to read', async () => {
        const { storage } = subject();
        const encrypted = new EncryptedObjectStorage(storage, keyring('k1', { k1 }));
        const where = key();
        await encrypted.put(where, streamOf(randomBytes(100_000)));
        const raw = await read(await storage.get(where));
        raw[raw.length - 40] ^= 0xff;
        await storage.put(where, streamOf(raw));
        await expect(read(await encrypted.get(where))).rejects.toBeInstanceOf(ObjectIntegrityError);
      });

      it('a refused plaintext stream stores nothing and fails with its own error', async () => {
        const { storage, storedKeys } = subject();
        const encrypted = new EncryptedObjectStorage(storage, keyring('k1', { k1 }));
        const where = key();
        const refusal = new Error('content type does not match the bytes');
        await expect(encrypted.put(where, streamOf(randomBytes(200_000), 64 * 1024, 1, refusal), { size: 200_000 })).rejects.toBe(refusal);
        expect(await storedKeys()).not.toContain(where);
      });
    });
  });
}
