import { Counter } from 'prom-client';
import { metricsRegistry } from './registry';

const attempts = new Counter({
  name: 'polyplus_webhook_delivery_attempts_total',
  help: 'Partner webhook delivery attempts by outcome: delivered, retry (failed, will be retried), failed (gave up), refused (unsafe URL), skipped (endpoint disabled), settled (already done), error (the attempt itself failed).',
  labelNames: ['outcome'],
  registers: [metricsRegistry()],
});

const failures = new Counter({
  name: 'polyplus_webhook_delivery_failures_total',
  help: 'Partner webhook delivery failures: attempts that will be retried (retry), deliveries given up (gave_up), refused unsafe URLs (refused), attempts that could not run (error).',
  labelNames: ['reason'],
  registers: [metricsRegistry()],
});

export type WebhookAttemptOutcome = 'delivered' | 'retry' | 'failed' | 'refused' | 'skipped' | 'settled' | 'error';

const FAILURE_REASON: Partial<Record<WebhookAttemptOutcome, string>> = {
  retry: 'retry',
  failed: 'gave_up',
  refused: 'refused',
  error: 'error',
};

/** Counts one delivery attempt, and a failure when it was one. */
export function countWebhookAttempt(outcome: WebhookAttemptOutcome): void {
  attempts.inc({ outcome });
  const reason = FAILURE_REASON[outcome];
  if (reason) failures.inc({ reason });
}
