import type { Redis } from 'ioredis';

/**
 * Deletes every key matching a pattern, walking the key space with SCAN: KEYS would block Redis for
 * every other client while it runs. Resolves with how many keys were deleted.
 */
export async function deleteKeysMatching(redis: Pick<Redis, 'scan' | 'del'>, pattern: string): Promise<number> {
  let deleted = 0;
  let cursor = '0';
  do {
    const [next, keys] = await redis.scan(cursor, 'MATCH', pattern, 'COUNT', 500);
    if (keys.length > 0) deleted += await redis.del(...keys);
    cursor = next;
  } while (cursor !== '0');
  return deleted;
}
