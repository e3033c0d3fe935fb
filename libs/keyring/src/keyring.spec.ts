import { randomBytes } from 'node:crypto';
import { DEVELOPMENT_KEY_ID, developmentKeyring, keyringFromEnv, parseKeyring } from './keyring';

const key = () => randomBytes(32).toString('base64');
const developmentKey = developmentKeyring().keys.get(DEVELOPMENT_KEY_ID)!.toString('base64');

describe('the keyring objects are encrypted with', () => {
  it('holds each configured key by id; new objects use the named current key', () => {
    const [k1, k2] = [key(), key()];
    const keyring = parseKeyring(JSON.stringify({ k1, k2 }), 'k2');
    expect(keyring.currentKeyId).toBe('k2');
    expect(keyring.keys.get('k1')?.toString('base64')).toBe(k1);
    expect(keyring.keys.get('k2')?.length).toBe(32);
  });

  it('a single key is the current one without naming it', () => {
    expect(parseKeyring(JSON.stringify({ only: key() })).currentKeyId).toBe('only');
  });

  it('several keys need the current one named, and it must be in the ring', () => {
    expect(() => parseKeyring(JSON.stringify({ k1: key(), k2: key() }))).toThrow(/OBJECT_STORAGE_CURRENT_KEY_ID/);
    expect(() => parseKeyring(JSON.stringify({ k1: key() }), 'k9')).toThrow(/k9 is not in OBJECT_STORAGE_KEYS/);
  });

  it.each([
    ['not JSON', '{k1:'],
    ['an array', '[]'],
    ['no key', '{}'],
    ['a key of 16 bytes', JSON.stringify({ k1: randomBytes(16).toString('base64') })],
    ['a key of 33 bytes', JSON.stringify({ k1: randomBytes(33).toString('base64') })],
    ['a key that is not base64', JSON.stringify({ k1: 'not base64 at all!' })],
    ['a key that is not a string', JSON.stringify({ k1: 42 })],
    ['a key id with a slash', JSON.stringify({ 'k/1': key() })],
  ])('refuses %s, naming the variable', (_case, json) => {
    expect(() => parseKeyring(json)).toThrow(/OBJECT_STORAGE_KEYS/);
  });

  it('outside production, no configured key means the development key', () => {
    expect(keyringFromEnv({}).currentKeyId).toBe(DEVELOPMENT_KEY_ID);
  });

  it('production requires configured keys', () => {
    expect(() => keyringFromEnv({ NODE_ENV: 'production' })).toThrow('OBJECT_STORAGE_KEYS must be set in production');
  });

  it('production refuses the development key under any id, even beside real keys', () => {
    const env = {
      NODE_ENV: 'production',
      OBJECT_STORAGE_KEYS: JSON.stringify({ real: key(), old: developmentKey }),
      OBJECT_STORAGE_CURRENT_KEY_ID: 'real',
    };
    expect(() => keyringFromEnv(env)).toThrow(/development key/);
    expect(keyringFromEnv({ ...env, OBJECT_STORAGE_KEYS: JSON.stringify({ real: key() }) }).currentKeyId).toBe('real');
  });
});
