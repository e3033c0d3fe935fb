import { metricValue } from './prometheus-text';
import { metricsRegistry } from './registry';
import { countWebhookAttempt } from './webhook-metrics';

describe('webhook delivery metrics', () => {
  it('counts every attempt by outcome, and the failing ones by why', async () => {
    for (const outcome of ['delivered', 'retry', 'retry', 'failed', 'refused', 'skipped', 'error'] as const) countWebhookAttempt(outcome);
    const text = await metricsRegistry().metrics();
    expect(metricValue(text, 'polyplus_webhook_delivery_attempts_total', { outcome: 'retry' })).toBe(2);
    expect(metricValue(text, 'polyplus_webhook_delivery_attempts_total', { outcome: 'delivered' })).toBe(1);
    expect(metricValue(text, 'polyplus_webhook_delivery_failures_total', { reason: 'retry' })).toBe(2);
    expect(metricValue(text, 'polyplus_webhook_delivery_failures_total', { reason: 'gave_up' })).toBe(1);
    expect(metricValue(text, 'polyplus_webhook_delivery_failures_total', { reason: 'refused' })).toBe(1);
    expect(metricValue(text, 'polyplus_webhook_delivery_failures_total', { reason: 'error' })).toBe(1);
    // A delivered or skipped attempt is no failure.
    expect(metricValue(text, 'polyplus_webhook_delivery_failures_total', { reason: 'skipped' })).toBeUndefined();
  });
});
