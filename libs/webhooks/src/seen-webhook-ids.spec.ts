import { memorySeenWebhookIds, redisSeenWebhookIds } from './seen-webhook-ids';

describe('seen webhook ids', () => {
  it('an id is accepted once and again only after it expired', async () => {
    let now = 0;
    const seen = memorySeenWebhookIds(() => now);
    expect(await seen.remember('a', 10)).toBe(true);
    expect(await seen.remember('a', 10)).toBe(false);
    now = 10_001;
    expect(await seen.remember('a', 10)).toBe(true);
  });

  it('the Redis store records an id with SET NX EX and reports a replay when the key exists', async () => {
    const keys = new Map<string, string>();
    const calls: unknown[][] = [];
    const redis = {
      async set(key: string, value: string, ...rest: unknown[]) {
        calls.push([key, value, ...rest]);
        if (keys.has(key)) return null;
        keys.set(key, value);
        return 'OK';
      },
    };
    const seen = redisSeenWebhookIds(redis, 'p');
    expect([await seen.remember('x', 600), await seen.remember('x', 600)]).toEqual([true, false]);
    expect(calls[0]).toEqual(['p:x', '1', 'EX', 600, 'NX']);
  });
});
