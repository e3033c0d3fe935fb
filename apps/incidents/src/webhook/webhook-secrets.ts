import type { DataSource } from 'typeorm';
import { needsResealing, openStoredValue, sealValue, type Keyring } from '@polyplus/keyring';
import { WebhookEndpoint } from './webhook-endpoint.entity';

/** Both secrets of an endpoint are sealed for the endpoint's row: a sealed secret copied to another endpoint does not open. */
const contextOf = (endpointId: string) => `webhook_endpoint:${endpointId}`;

/**
 * Webhook signing secrets at rest: sealed with the platform keyring (`@polyplus/keyring`) before
 * they are written, opened only to sign a delivery. Rows written before encryption still open
 * (plaintext) until {@link resealWebhookSecrets} seals them.
 */
export class WebhookSecrets {
  constructor(private readonly keyring: Keyring) {}

  seal(endpointId: string, secret: string): string {
    return sealValue(this.keyring, secret, contextOf(endpointId));
  }

  open(endpointId: string, stored: string): string {
    return openStoredValue(this.keyring, stored, contextOf(endpointId));
  }

  /** Whether a stored secret is plaintext or sealed under a key that is no longer current. */
  stale(stored: string | null): boolean {
    return stored !== null && needsResealing(this.keyring, stored);
  }
}

const BATCH = 200;

/**
 * Seals plaintext secrets and re-seals those under an old key with the current one, a batch at a
 * time: what makes a key rotation complete, so the old key can leave the ring. Each row changes only
 * if its secrets are still the ones read (a rotation meanwhile wins), so replicas and re-runs are
 * harmless. Resolves with the number of endpoints re-sealed.
 */
export async function resealWebhookSecrets(dataSource: DataSource, secrets: WebhookSecrets): Promise<number> {
  let resealed = 0;
  let after = '';
  for (;;) {
    const rows: Pick<WebhookEndpoint, 'id' | 'secret' | 'previousSecret'>[] = await dataSource.query(
      'SELECT `id`, `secret`, `previousSecret` FROM `webhook_endpoint` WHERE `id` > ? ORDER BY `id` LIMIT ?',
      [after, BATCH],
    );
    for (const row of rows) {
      if (!secrets.stale(row.secret) && !secrets.stale(row.previousSecret)) continue;
      const secret = secrets.seal(row.id, secrets.open(row.id, row.secret));
      const previousSecret = row.previousSecret === null ? null : secrets.seal(row.id, secrets.open(row.id, row.previousSecret));
      const result: { affectedRows: number } = await dataSource.query(
        'UPDATE `webhook_endpoint` SET `secret` = ?, `previousSecret` = ? WHERE `id` = ? AND `secret` = ? AND `previousSecret` <=> ?',
        [secret, previousSecret, row.id, row.secret, row.previousSecret],
      );
      resealed += result.affectedRows;
    }
    if (rows.length < BATCH) return resealed;
    after = rows[rows.length - 1].id;
  }
}
