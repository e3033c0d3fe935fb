import { performance } from 'node:perf_hooks';
import type { DataSource, EntityManager } from 'typeorm';
import { assertSafeWebhookUrl, retryDelayMs, signWebhook, UnsafeWebhookUrlError, type SafeWebhookUrl } from '@polyplus/webhooks';
import type { WebhookConfig } from './webhook-config';
import { WebhookDelivery } from './webhook-delivery.entity';
import { WebhookDeliveryAttempt } from './webhook-delivery-attempt.entity';
import { WebhookAttemptOutcome, WebhookDeliveryStatus } from './webhook-delivery-status';
import { WebhookEndpoint } from './webhook-endpoint.entity';
import { WebhookEndpointStatus } from './webhook-endpoint-status';
import type { WebhookDeliveryJob } from './webhook-queue';
import { sendWebhook, type SendWebhook } from './webhook-sender';
import { WebhookSecrets } from './webhook-secrets';

export type AttemptResult =
  { outcome: 'delivered' | 'failed' | 'refused' | 'skipped' | 'settled' } | { outcome: 'retry'; retryInMs: number; error: string };

type AttemptRecord = {
  attempt: number;
  attemptedAt: Date;
  durationMs: number;
  outcome: WebhookAttemptOutcome;
  statusCode: number | null;
  error: string | null;
};

const clip = (text: string | null, length = 500) => (text && text.length > length ? `${text.slice(0, length - 1)}…` : text);

/**
 * One delivery attempt of one event to one endpoint, and its bookkeeping: the attempt log, the
 * delivery's state, the endpoint's run of failures. Sends nothing for a delivery already settled
 * (a re-run job) or an endpoint disabled meanwhile, and re-checks the URL before every attempt.
 */
export class WebhookDeliveryService {
  private readonly secrets: WebhookSecrets;

  constructor(
    private readonly dataSource: DataSource,
    private readonly config: WebhookConfig,
    private readonly send: SendWebhook = sendWebhook,
    private readonly now: () => Date = () => new Date(),
  ) {
    this.secrets = new WebhookSecrets(config.keyring);
  }

  /** `attempt` counts from 1; the last one allowed is `maxAttempts`. */
  async attempt(job: WebhookDeliveryJob, attempt: number, maxAttempts = this.config.retry.maxAttempts): Promise<AttemptResult> {
    const delivery = await this.dataSource.getRepository(WebhookDelivery).findOneBy({ endpointId: job.endpointId, eventId: job.eventId });
    if (!delivery || delivery.status !== WebhookDeliveryStatus.PENDING) return { outcome: 'settled' };
    const endpoint = await this.dataSource.getRepository(WebhookEndpoint).findOneBy({ id: job.endpointId });
    if (!endpoint || endpoint.status !== WebhookEndpointStatus.ACTIVE) {
      await this.settle(this.dataSource.manager, delivery.id, {
        status: WebhookDeliveryStatus.SKIPPED,
        lastError: 'The endpoint is disabled',
        nextAttemptAt: null,
      });
      return { outcome: 'skipped' };
    }

    const attemptedAt = this.now();
    let target: SafeWebhookUrl;
    try {
      target = await assertSafeWebhookUrl(endpoint.url, { allowPrivateHosts: this.config.allowPrivateHosts });
    } catch (error) {
      if (!(error instanceof UnsafeWebhookUrlError)) throw error;
      // The URL became unsafe (e.g. its DNS now points inside): send nothing, and do not retry.
      await this.fail(delivery, endpoint, {
        attempt,
        attemptedAt,
        durationMs: 0,
        outcome: WebhookAttemptOutcome.REFUSED,
        statusCode: null,
        error: error.message,
      });
      return { outcome: 'refused' };
    }

    const headers = signWebhook({
      id: delivery.idempotencyKey,
      body: delivery.body,
      secrets: this.secretsOf(endpoint, attemptedAt),
      now: attemptedAt,
    });
    const started = performance.now();
    let statusCode: number | null = null;
    let error: string | null = null;
    try {
      ({ statusCode } = await this.send(target, { ...headers }, delivery.body, this.config.timeoutMs));
    } catch (sendError) {
      error = (sendError as Error).message || String(sendError);
    }
    const durationMs = Math.round(performance.now() - started);
    const accepted = statusCode !== null && statusCode >= 200 && statusCode < 300;
    const record: AttemptRecord = {
      attempt,
      attemptedAt,
      durationMs,
      outcome: accepted ? WebhookAttemptOutcome.ACCEPTED : WebhookAttemptOutcome.FAILED,
      statusCode,
      error: accepted ? null : (error ?? `HTTP ${statusCode}`),
    };

    if (accepted) {
      await this.dataSource.transaction(async (manager) => {
        await this.log(manager, delivery.id, record);
        await this.settle(manager, delivery.id, {
          status: WebhookDeliveryStatus.DELIVERED,
          attemptCount: attempt,
          lastStatusCode: statusCode,
          lastError: null,
          nextAttemptAt: null,
          deliveredAt: this.now(),
        });
        await manager.update(WebhookEndpoint, { id: endpoint.id }, { consecutiveFailures: 0 });
      });
      return { outcome: 'delivered' };
    }
    if (attempt >= maxAttempts) {
      await this.fail(delivery, endpoint, record);
      return { outcome: 'failed' };
    }
    const retryInMs = retryDelayMs(attempt, this.config.retry);
    await this.dataSource.transaction(async (manager) => {
      await this.log(manager, delivery.id, record);
      await manager.update(
        WebhookDelivery,
        { id: delivery.id, status: WebhookDeliveryStatus.PENDING },
        {
          attemptCount: attempt,
          lastStatusCode: statusCode,
          lastError: clip(record.error),
          nextAttemptAt: new Date(attemptedAt.getTime() + durationMs + retryInMs),
        },
      );
    });
    return { outcome: 'retry', retryInMs, error: record.error ?? 'failed' };
  }

  /** The current secret, and the previous one while its overlap after a rotation lasts, opened from their sealed form. */
  private secretsOf(endpoint: WebhookEndpoint, at: Date): string[] {
    const previousValid =
      endpoint.previousSecret && endpoint.previousSecretExpiresAt && endpoint.previousSecretExpiresAt.getTime() > at.getTime();
    const stored = previousValid ? [endpoint.secret, endpoint.previousSecret as string] : [endpoint.secret];
    return stored.map((secret) => this.secrets.open(endpoint.id, secret));
  }

  /** The delivery gave up: logged, FAILED, and one more failure in the endpoint's run; a long run disables it. */
  private async fail(delivery: WebhookDelivery, endpoint: WebhookEndpoint, record: AttemptRecord): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      await this.log(manager, delivery.id, record);
      const settled = await this.settle(manager, delivery.id, {
        status: WebhookDeliveryStatus.FAILED,
        attemptCount: record.attempt,
        lastStatusCode: record.statusCode,
        lastError: clip(record.error),
        nextAttemptAt: null,
      });
      if (!settled) return;
      // Counted in SQL: deliveries to one endpoint run concurrently.
      await manager.query('UPDATE `webhook_endpoint` SET `consecutiveFailures` = `consecutiveFailures` + 1 WHERE `id` = ?', [endpoint.id]);
      const threshold = this.config.disableAfterFailures;
      await manager.query(
        'UPDATE `webhook_endpoint` SET `status` = ?, `disabledAt` = ?, `disabledReason` = ? WHERE `id` = ? AND `status` = ? AND `consecutiveFailures` >= ?',
        [
          WebhookEndpointStatus.DISABLED,
          this.now(),
          clip(`Disabled after ${threshold} consecutive failed deliveries; last error: ${record.error ?? 'unknown'}`, 300),
          endpoint.id,
          WebhookEndpointStatus.ACTIVE,
          threshold,
        ],
      );
    });
  }

  private log(manager: EntityManager, deliveryId: string, record: AttemptRecord): Promise<unknown> {
    return manager.insert(WebhookDeliveryAttempt, { deliveryId, ...record, error: clip(record.error) });
  }

  /** Changes a delivery only while it is PENDING: whichever run settles it first wins. */
  private async settle(manager: EntityManager, deliveryId: string, changes: Partial<WebhookDelivery>): Promise<boolean> {
    const result = await manager.update(WebhookDelivery, { id: deliveryId, status: WebhookDeliveryStatus.PENDING }, changes);
    return result.affected === 1;
  }
}
