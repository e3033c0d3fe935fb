import { randomBytes } from 'node:crypto';
import { parseKeyring } from './keyring';
import {
  SealedValueError,
  isSealed,
  needsResealing,
  openStoredValue,
  openValue,
  sealValue,
  sealedKeyId,
  sealedLength,
} from './sealed-value';

const key = () => randomBytes(32).toString('base64');
const [k1, k2] = [key(), key()];
const before = parseKeyring(JSON.stringify({ k1 }));
const rotated = parseKeyring(JSON.stringify({ k1, k2 }), 'k2');
const secret = 'whsec_' + randomBytes(24).toString('base64');

describe('values sealed with the keyring', () => {
  it('a sealed value is not the secret, names its key, and opens to the secret', () => {
    const sealed = sealValue(before, secret, 'webhook_endpoint:e1');
    expect(sealed).not.toContain(secret);
    expect(isSealed(sealed)).toBe(true);
    expect(sealedKeyId(sealed)).toBe('k1');
    expect(openValue(before, sealed, 'webhook_endpoint:e1')).toBe(secret);
  });

  it('sealing the same secret twice gives different values (a random IV each time)', () => {
    expect(sealValue(before, secret, 'c')).not.toBe(sealValue(before, secret, 'c'));
  });

  it('after a rotation old values still open, new ones use the new key, and old ones ask to be re-sealed', () => {
    const old = sealValue(before, secret, 'c');
    expect(openValue(rotated, old, 'c')).toBe(secret);
    expect(needsResealing(rotated, old)).toBe(true);
    const resealed = sealValue(rotated, openValue(rotated, old, 'c'), 'c');
    expect(sealedKeyId(resealed)).toBe('k2');
    expect(needsResealing(rotated, resealed)).toBe(false);
    expect(openValue(parseKeyring(JSON.stringify({ k2 })), resealed, 'c')).toBe(secret);
  });

  it('a value sealed with a key no longer in the ring does not open', () => {
    const sealed = sealValue(rotated, secret, 'c');
    expect(() => openValue(before, sealed, 'c')).toThrow(/k2, which is not in the keyring/);
  });

  it('a value moved to another record, or altered, does not open', () => {
    const sealed = sealValue(before, secret, 'webhook_endpoint:e1');
    expect(() => openValue(before, sealed, 'webhook_endpoint:e2')).toThrow(SealedValueError);
    const bytes = Buffer.from(sealed.split(':')[3], 'base64url');
    bytes[14] ^= 1;
    expect(() => openValue(before, `enc:v1:k1:${bytes.toString('base64url')}`, 'webhook_endpoint:e1')).toThrow(SealedValueError);
  });

  it('a value written before encryption reads as it is and asks to be sealed', () => {
    expect(isSealed(secret)).toBe(false);
    expect(openStoredValue(before, secret, 'c')).toBe(secret);
    expect(needsResealing(before, secret)).toBe(true);
    expect(() => openValue(before, secret, 'c')).toThrow(/not sealed/);
  });

  it('a sealed secret of 38 characters fits the 255 characters its column holds, with the longest key id', () => {
    const long = parseKeyring(JSON.stringify({ ['k'.repeat(64)]: k1 }));
    expect(sealValue(long, secret, 'c').length).toBeLessThanOrEqual(sealedLength(secret.length));
    expect(sealedLength(secret.length)).toBeLessThanOrEqual(255);
  });
});
