import { keyringFromEnv, type Keyring } from '@polyplus/keyring';
import { allowedPrivateHostsFromEnv, DEFAULT_RETRY_SCHEDULE, type RetrySchedule } from '@polyplus/webhooks';

export type WebhookConfig = {
  retry: RetrySchedule;
  /** Per attempt: connect, send and receive the status line. */
  timeoutMs: number;
  /** Consecutive deliveries that fail after all retries before the endpoint is disabled. */
  disableAfterFailures: number;
  /** How long the previous secret keeps signing after a rotation. */
  secretOverlapMs: number;
  /** Private or loopback hosts allowed anyway (tests, local demo). */
  allowPrivateHosts: string[];
  /** Seals the signing secrets at rest: the platform keyring (`OBJECT_STORAGE_KEYS`, `OBJECT_STORAGE_CURRENT_KEY_ID`). */
  keyring: Keyring;
  /** How often the stored secrets are checked for plaintext or an old key and re-sealed. */
  resealEveryMs: number;
};

const positive = (raw: string | undefined, fallback: number, name: string): number => {
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value <= 0) throw new Error(`${name} must be a positive number, not "${raw}"`);
  return value;
};

/**
 * From the environment: `WEBHOOK_MAX_ATTEMPTS`, `WEBHOOK_RETRY_BASE_MS`, `WEBHOOK_RETRY_MAX_MS`,
 * `WEBHOOK_TIMEOUT_MS`, `WEBHOOK_DISABLE_AFTER_FAILURES`, `WEBHOOK_SECRET_OVERLAP_HOURS`,
 * `WEBHOOK_ALLOW_PRIVATE_HOSTS` (comma-separated; refused in production), `WEBHOOK_RESEAL_MINUTES`
 * (60), and the platform keyring that seals the signing secrets.
 */
export function webhookConfigFromEnv(env: NodeJS.ProcessEnv = process.env): WebhookConfig {
  const allowPrivateHosts = allowedPrivateHostsFromEnv(env);
  if (env.NODE_ENV === 'production' && allowPrivateHosts.length > 0)
    throw new Error('WEBHOOK_ALLOW_PRIVATE_HOSTS must not be set in production');
  return {
    retry: {
      ...DEFAULT_RETRY_SCHEDULE,
      maxAttempts: positive(env.WEBHOOK_MAX_ATTEMPTS, DEFAULT_RETRY_SCHEDULE.maxAttempts, 'WEBHOOK_MAX_ATTEMPTS'),
      baseMs: positive(env.WEBHOOK_RETRY_BASE_MS, DEFAULT_RETRY_SCHEDULE.baseMs, 'WEBHOOK_RETRY_BASE_MS'),
      maxMs: positive(env.WEBHOOK_RETRY_MAX_MS, DEFAULT_RETRY_SCHEDULE.maxMs, 'WEBHOOK_RETRY_MAX_MS'),
    },
    timeoutMs: positive(env.WEBHOOK_TIMEOUT_MS, 10_000, 'WEBHOOK_TIMEOUT_MS'),
    disableAfterFailures: positive(env.WEBHOOK_DISABLE_AFTER_FAILURES, 5, 'WEBHOOK_DISABLE_AFTER_FAILURES'),
    secretOverlapMs: positive(env.WEBHOOK_SECRET_OVERLAP_HOURS, 24, 'WEBHOOK_SECRET_OVERLAP_HOURS') * 3600_000,
    allowPrivateHosts,
    keyring: keyringFromEnv(env),
    resealEveryMs: positive(env.WEBHOOK_RESEAL_MINUTES, 60, 'WEBHOOK_RESEAL_MINUTES') * 60_000,
  };
}
