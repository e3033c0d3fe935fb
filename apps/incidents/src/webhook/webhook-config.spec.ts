import { developmentKeyring } from '@polyplus/keyring';
import { DEFAULT_RETRY_SCHEDULE } from '@polyplus/webhooks';
import { webhookConfigFromEnv } from './webhook-config';

describe('webhook configuration', () => {
  it('without settings, deliveries use the default retry schedule and allow no private host', () => {
    expect(webhookConfigFromEnv({})).toEqual({
      retry: DEFAULT_RETRY_SCHEDULE,
      timeoutMs: 10_000,
      disableAfterFailures: 5,
      secretOverlapMs: 24 * 3600_000,
      allowPrivateHosts: [],
      keyring: developmentKeyring(),
      resealEveryMs: 3600_000,
    });
  });

  it('retries, timeout and the failure threshold come from the environment', () => {
    const config = webhookConfigFromEnv({
      WEBHOOK_MAX_ATTEMPTS: '3',
      WEBHOOK_RETRY_BASE_MS: '100',
      WEBHOOK_RETRY_MAX_MS: '400',
      WEBHOOK_TIMEOUT_MS: '500',
      WEBHOOK_DISABLE_AFTER_FAILURES: '2',
    });
    expect(config).toMatchObject({ retry: { maxAttempts: 3, baseMs: 100, maxMs: 400 }, timeoutMs: 500, disableAfterFailures: 2 });
  });

  it('production refuses an allow-list of private hosts', () => {
    expect(() => webhookConfigFromEnv({ NODE_ENV: 'production', WEBHOOK_ALLOW_PRIVATE_HOSTS: '127.0.0.1' })).toThrow(
      /must not be set in production/,
    );
  });

  it('a setting that is not a positive number is refused at start-up', () => {
    expect(() => webhookConfigFromEnv({ WEBHOOK_MAX_ATTEMPTS: 'ten' })).toThrow('WEBHOOK_MAX_ATTEMPTS must be a positive number');
  });
});
