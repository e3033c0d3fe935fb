import { isProduction, keyringGroup, keyringRules, readGroup } from '@polyplus/config';
/**
 * The platform's encryption keys, by id: one keyring, configured once (`OBJECT_STORAGE_KEYS`,
 * `OBJECT_STORAGE_CURRENT_KEY_ID`), for attachment bytes in object storage and for secrets stored
 * in databases. New data uses the current key; everything encrypted names its key id, so after a
 * rotation the old keys stay in the ring until nothing uses them.
 */
export type Keyring = { currentKeyId: string; keys: ReadonlyMap<string, Buffer> };

export const KEY_BYTES = 32;
const KEY_ID = /^[A-Za-z0-9._-]{1,64}$/;

/**
 * The development key: public, so what is encrypted with it is not secret. Refused in production
 * (see {@link keyringFromEnv}) under any id.
 */
export const DEVELOPMENT_KEY_ID = 'dev';
// The schema's development default (outside production, when no keys are configured).
const DEVELOPMENT_KEY = Buffer.from(
  (JSON.parse(keyringGroup.OBJECT_STORAGE_KEYS.developmentDefault) as Record<string, string>)[DEVELOPMENT_KEY_ID],
  'base64',
);

export function developmentKeyring(): Keyring {
  return { currentKeyId: DEVELOPMENT_KEY_ID, keys: new Map([[DEVELOPMENT_KEY_ID, DEVELOPMENT_KEY]]) };
}

export function isValidKeyId(id: string): boolean {
  return KEY_ID.test(id);
}

/** `{"<key id>": "<base64 of 32 random bytes>", ...}` and the id new data uses (default: the only key). */
export function parseKeyring(json: string, currentKeyId?: string): Keyring {
  let parsed: unknown;
  try {
    parsed = JSON.parse(json);
  } catch {
    throw new Error('OBJECT_STORAGE_KEYS must be JSON: {"<key id>": "<base64 of 32 bytes>", ...}');
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed))
    throw new Error('OBJECT_STORAGE_KEYS must be a JSON object of key id → base64 key');
  const keys = new Map<string, Buffer>();
  for (const [id, encoded] of Object.entries(parsed as Record<string, unknown>)) {
    if (!isValidKeyId(id))
      throw new Error(`OBJECT_STORAGE_KEYS: key id ${JSON.stringify(id.slice(0, 70))} must be 1-64 letters, digits, '.', '_' or '-'`);
    const key = typeof encoded === 'string' && /^[A-Za-z0-9+/]+={0,2}$/.test(encoded) ? Buffer.from(encoded, 'base64') : undefined;
    if (!key || key.length !== KEY_BYTES)
      throw new Error(`OBJECT_STORAGE_KEYS: key ${id} must be the base64 of exactly ${KEY_BYTES} bytes`);
    keys.set(id, key);
  }
  if (keys.size === 0) throw new Error('OBJECT_STORAGE_KEYS needs at least one key');
  const current = currentKeyId ?? (keys.size === 1 ? [...keys.keys()][0] : undefined);
  if (!current) throw new Error('OBJECT_STORAGE_CURRENT_KEY_ID must name the key new data uses when OBJECT_STORAGE_KEYS holds several');
  if (!keys.has(current)) throw new Error(`OBJECT_STORAGE_CURRENT_KEY_ID ${current} is not in OBJECT_STORAGE_KEYS`);
  return { currentKeyId: current, keys };
}

/**
 * The keyring of the schema's `OBJECT_STORAGE_KEYS` and `OBJECT_STORAGE_CURRENT_KEY_ID`. Outside
 * production, missing keys fall back to the development key; in production they are required, and
 * the development key is refused wherever it appears.
 * @throws Error naming the variable.
 */
export function keyringFromEnv(env: NodeJS.ProcessEnv = process.env): Keyring {
  const config = readGroup(keyringGroup, keyringRules, env);
  const keyring = parseKeyring(JSON.stringify(config.OBJECT_STORAGE_KEYS), config.OBJECT_STORAGE_CURRENT_KEY_ID);
  if (isProduction(env) && [...keyring.keys.values()].some((key) => key.equals(DEVELOPMENT_KEY))) {
    throw new Error('OBJECT_STORAGE_KEYS holds the public development key, which production refuses');
  }
  return keyring;
}
