import { createHash, randomBytes } from 'node:crypto';
import { Readable } from 'node:stream';
import { parseKeyring, type Keyring } from '@polyplus/keyring';
import {
  DecryptingStream,
  encryptedLength,
  EncryptingStream,
  ObjectIntegrityError,
  plaintextLength,
  headerLength,
  UnknownKeyError,
} from './segmented-gcm';

const SEGMENT = 1024;
const ring = (current: string, ...ids: string[]): Keyring => {
  const keys = Object.fromEntries(ids.map((id) => [id, fixedKeys[id]]));
  return parseKeyring(JSON.stringify(keys), current);
};
const fixedKeys: Record<string, string> = { k1: randomBytes(32).toString('base64'), k2: randomBytes(32).toString('base64') };

async function collect(stream: NodeJS.ReadableStream): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

async function encrypt(plaintext: Buffer, keyring: Keyring, objectKey = 'a/b', chunk = 700) {
  const encrypting = new EncryptingStream(keyring, objectKey, SEGMENT);
  const parts = Array.from({ length: Math.ceil(plaintext.length / chunk) }, (_v, i) => plaintext.subarray(i * chunk, (i + 1) * chunk));
  const sealed = await collect(Readable.from(parts).pipe(encrypting));
  return { sealed, sha256: encrypting.sha256, bytes: encrypting.plaintextBytes, keyId: encrypting.keyId };
}

const decrypt = (sealed: Buffer, keyring: Keyring, objectKey = 'a/b', chunk = 333) =>
  collect(
    Readable.from(Array.from({ length: Math.ceil(sealed.length / chunk) }, (_v, i) => sealed.subarray(i * chunk, (i + 1) * chunk))).pipe(
      new DecryptingStream(keyring, objectKey),
    ),
  );

describe('AES-256-GCM encryption at rest, segment by segment', () => {
  it.each([0, 1, SEGMENT - 1, SEGMENT, SEGMENT + 1, 5 * SEGMENT, 5 * SEGMENT + 17])(
    '%i bytes come back identical, with the SHA-256 of the plaintext and the predicted stored size',
    async (size) => {
      const plaintext = randomBytes(size);
      const keyring = ring('k1', 'k1');
      const { sealed, sha256, bytes } = await encrypt(plaintext, keyring);
      expect(sha256).toBe(createHash('sha256').update(plaintext).digest('hex'));
      expect(bytes).toBe(size);
      expect(sealed.length).toBe(encryptedLength(size, 'k1', SEGMENT));
      expect(plaintextLength(sealed.length, headerLength('k1'), SEGMENT)).toBe(size);
      expect((await decrypt(sealed, keyring)).equals(plaintext)).toBe(true);
    },
  );

  it('the stored bytes do not contain the plaintext, and the same plaintext encrypts differently each time', async () => {
    const plaintext = Buffer.from('hostname core-switch-01\nsnmp-server community s3cret\n'.repeat(40));
    const keyring = ring('k1', 'k1');
    const [first, second] = [await encrypt(plaintext, keyring), await encrypt(plaintext, keyring)];
    expect(first.sealed.includes(Buffer.from('s3cret'))).toBe(false);
    expect(first.sealed.equals(second.sealed)).toBe(false);
  });

  it('the object names its key: after a rotation, objects written with the old key stay readable', async () => {
    const plaintext = randomBytes(3000);
    const before = await encrypt(plaintext, ring('k1', 'k1'));
    const rotated = ring('k2', 'k1', 'k2');
    const after = await encrypt(plaintext, rotated);
    expect([before.keyId, after.keyId]).toEqual(['k1', 'k2']);
    expect((await decrypt(before.sealed, rotated)).equals(plaintext)).toBe(true);
    expect((await decrypt(after.sealed, rotated)).equals(plaintext)).toBe(true);
  });

  it('an object whose key has left the keyring cannot be read', async () => {
    const { sealed } = await encrypt(randomBytes(100), ring('k1', 'k1'));
    await expect(decrypt(sealed, ring('k2', 'k2'))).rejects.toBeInstanceOf(UnknownKeyError);
  });

  it.each([
    ['a flipped bit in the first segment', (sealed: Buffer) => flip(sealed, headerLength('k1') + 10)],
    ['a flipped bit in the last tag', (sealed: Buffer) => flip(sealed, sealed.length - 1)],
    ['a flipped bit in the header (key id, salt, IV)', (sealed: Buffer) => flip(sealed, headerLength('k1') - 3)],
    ['the last segment cut off', (sealed: Buffer) => sealed.subarray(0, headerLength('k1') + 2 * (SEGMENT + 16))],
    ['a few bytes cut off the end', (sealed: Buffer) => sealed.subarray(0, sealed.length - 5)],
    ['bytes appended', (sealed: Buffer) => Buffer.concat([sealed, Buffer.from('extra')])],
    ['two segments swapped', (sealed: Buffer) => swapSegments(sealed)],
    ['the header only', (sealed: Buffer) => sealed.subarray(0, headerLength('k1'))],
    ['half a header', (sealed: Buffer) => sealed.subarray(0, 12)],
  ])('%s fails authentication', async (_case, tamper) => {
    const keyring = ring('k1', 'k1');
    const { sealed } = await encrypt(randomBytes(3 * SEGMENT + 100), keyring);
    await expect(decrypt(tamper(Buffer.from(sealed)), keyring)).rejects.toBeInstanceOf(ObjectIntegrityError);
  });

  it('an object copied under another key fails authentication (the key is bound in)', async () => {
    const keyring = ring('k1', 'k1');
    const { sealed } = await encrypt(randomBytes(500), keyring, 'attachments/c1/i1/a1');
    await expect(decrypt(sealed, keyring, 'attachments/c2/i2/a2')).rejects.toBeInstanceOf(ObjectIntegrityError);
  });

  it('streams: encrypted segments come out before the plaintext has ended, and decrypted ones before the object has', async () => {
    const keyring = ring('k1', 'k1');
    const encrypting = new EncryptingStream(keyring, 'a/b', SEGMENT);
    const out: Buffer[] = [];
    encrypting.on('data', (chunk: Buffer) => out.push(chunk));
    encrypting.write(randomBytes(4 * SEGMENT));
    await new Promise((resolve) => setImmediate(resolve));
    expect(Buffer.concat(out).length).toBeGreaterThan(3 * SEGMENT);
    encrypting.end();
    await new Promise((resolve) => encrypting.once('end', resolve));
    const sealed = Buffer.concat(out);

    const decrypting = new DecryptingStream(keyring, 'a/b');
    const plain: Buffer[] = [];
    decrypting.on('data', (chunk: Buffer) => plain.push(chunk));
    decrypting.write(sealed.subarray(0, sealed.length - 100));
    await new Promise((resolve) => setImmediate(resolve));
    expect(Buffer.concat(plain).length).toBe(3 * SEGMENT);
  });
});

function flip(data: Buffer, at: number): Buffer {
  data[at] ^= 0x01;
  return data;
}

function swapSegments(sealed: Buffer): Buffer {
  const start = headerLength('k1');
  const size = SEGMENT + 16;
  const first = Buffer.from(sealed.subarray(start, start + size));
  sealed.copy(sealed, start, start + size, start + 2 * size);
  first.copy(sealed, start + size);
  return sealed;
}
