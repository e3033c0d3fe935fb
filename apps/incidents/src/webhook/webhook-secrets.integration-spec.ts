import { randomBytes, randomUUID } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import type { Principal } from '@polyplus/auth';
import { parseKeyring, SealedValueError, type Keyring } from '@polyplus/keyring';
import { createTestDatabase, type TestDatabase } from '@polyplus/persistence';
import { verifyWebhook } from '@polyplus/webhooks';
import { incidentsSubgraph } from '../incidents-subgraph';
import { webhookConfigFromEnv, type WebhookConfig } from './webhook-config';
import { WebhookDelivery } from './webhook-delivery.entity';
import { WebhookDeliveryService } from './webhook-delivery.service';
import { WebhookDeliveryStatus } from './webhook-delivery-status';
import { WebhookEndpoint } from './webhook-endpoint.entity';
import { WebhookEndpointService } from './webhook-endpoint.service';
import { resealWebhookSecrets, WebhookSecrets } from './webhook-secrets';
import type { SendWebhook } from './webhook-sender';

const key = () => randomBytes(32).toString('base64');
const [k1, k2] = [key(), key()];
// The keyring of each stage of a rotation: k1 alone; k2 added and current; k1 removed.
const beforeRotation = parseKeyring(JSON.stringify({ k1 }));
const duringRotation = parseKeyring(JSON.stringify({ k1, k2 }), 'k2');
const afterRotation = parseKeyring(JSON.stringify({ k2 }));

const partner: Principal = { subject: 'partner-zoom', role: 'PARTNER', customerIds: [randomUUID()] };

describe('webhook signing secrets at rest', () => {
  let db: TestDatabase;
  const received: { headers: IncomingHttpHeaders; body: string }[] = [];
  // The partner's receiver, in-process: what was sent, with which headers.
  const send: SendWebhook = async (_target, headers, body) => {
    received.push({ headers, body });
    return { statusCode: 204 };
  };
  const config = (keyring: Keyring): WebhookConfig => ({ ...webhookConfigFromEnv({}), allowPrivateHosts: ['127.0.0.1'], keyring });

  beforeAll(async () => {
    db = await createTestDatabase('incidents_webhook_secrets', incidentsSubgraph.database);
  }, 120_000);

  afterAll(async () => {
    await db?.drop();
  }, 60_000);

  const rawSecrets = async (id: string) =>
    (
      (await db.dataSource.query('SELECT `secret`, `previousSecret` FROM `webhook_endpoint` WHERE `id` = ?', [id])) as {
        secret: string;
        previousSecret: string | null;
      }[]
    )[0];

  /** One delivery of a fresh event to the endpoint, signed by a replica holding `keyring`; the headers the partner got. */
  async function deliverWith(keyring: Keyring, endpointId: string) {
    const eventId = randomUUID();
    const body = JSON.stringify({ type: 'incident.opened', data: { id: eventId } });
    await db.dataSource.getRepository(WebhookDelivery).insert({
      id: randomUUID(),
      endpointId,
      eventId,
      eventType: 'incident.opened',
      idempotencyKey: `${endpointId}:${eventId}`,
      body,
      status: WebhookDeliveryStatus.PENDING,
      createdAt: new Date(),
    });
    const result = await new WebhookDeliveryService(db.dataSource, config(keyring), send).attempt({ endpointId, eventId }, 1);
    expect(result.outcome).toBe('delivered');
    return received[received.length - 1];
  }

  it('a registered secret is stored sealed: the raw column is not the secret, and deliveries verify with the secret', async () => {
    const { endpoint, secret } = await new WebhookEndpointService(db.dataSource, config(beforeRotation)).register(partner, {
      url: 'http://127.0.0.1:9/hook',
      eventTypes: ['incident.opened'],
    });
    const raw = await rawSecrets(endpoint.id);
    expect(raw.secret).not.toBe(secret);
    expect(raw.secret).not.toContain(secret.slice('whsec_'.length));
    expect(raw.secret).toMatch(/^enc:v1:k1:/);
    const delivered = await deliverWith(beforeRotation, endpoint.id);
    await expect(verifyWebhook({ headers: delivered.headers, body: delivered.body, secrets: [secret] })).resolves.toBeDefined();
  });

  it('through a key rotation verification keeps working: old rows open with the old key, the sweep re-seals them, and the old key can leave', async () => {
    const { endpoint, secret } = await new WebhookEndpointService(db.dataSource, config(beforeRotation)).register(partner, {
      url: 'http://127.0.0.1:9/hook',
      eventTypes: ['incident.opened'],
    });
    // New key added and made current: the row is still sealed with k1, and still signs.
    const during = await deliverWith(duringRotation, endpoint.id);
    await expect(verifyWebhook({ headers: during.headers, body: during.body, secrets: [secret] })).resolves.toBeDefined();

    // Two replicas sweep at once: each row is re-sealed once, under k2.
    const counts = await Promise.all([
      resealWebhookSecrets(db.dataSource, new WebhookSecrets(duringRotation)),
      resealWebhookSecrets(db.dataSource, new WebhookSecrets(duringRotation)),
    ]);
    expect(counts.reduce((a, b) => a + b, 0)).toBeGreaterThanOrEqual(1);
    expect((await rawSecrets(endpoint.id)).secret).toMatch(/^enc:v1:k2:/);
    expect(await resealWebhookSecrets(db.dataSource, new WebhookSecrets(duringRotation))).toBe(0);

    // k1 removed from the ring: deliveries still verify with the partner's unchanged secret.
    const after = await deliverWith(afterRotation, endpoint.id);
    await expect(verifyWebhook({ headers: after.headers, body: after.body, secrets: [secret] })).resolves.toBeDefined();
  });

  it('a secret rotated by the partner keeps both secrets sealed, and both verify during the overlap', async () => {
    const service = new WebhookEndpointService(db.dataSource, config(afterRotation));
    const { endpoint, secret: first } = await service.register(partner, {
      url: 'http://127.0.0.1:9/hook',
      eventTypes: ['incident.opened'],
    });
    const { secret: second } = await service.rotateSecret(partner, endpoint.id);
    const raw = await rawSecrets(endpoint.id);
    expect([raw.secret, raw.previousSecret]).toEqual([expect.stringMatching(/^enc:v1:k2:/), expect.stringMatching(/^enc:v1:k2:/)]);
    const delivered = await deliverWith(afterRotation, endpoint.id);
    await expect(verifyWebhook({ headers: delivered.headers, body: delivered.body, secrets: [first] })).resolves.toBeDefined();
    await expect(verifyWebhook({ headers: delivered.headers, body: delivered.body, secrets: [second] })).resolves.toBeDefined();
  });

  it('a secret stored in plaintext before encryption still signs, and the sweep seals it', async () => {
    const { endpoint } = await new WebhookEndpointService(db.dataSource, config(afterRotation)).register(partner, {
      url: 'http://127.0.0.1:9/hook',
      eventTypes: ['incident.opened'],
    });
    const legacy = 'whsec_' + randomBytes(24).toString('base64');
    await db.dataSource.getRepository(WebhookEndpoint).update({ id: endpoint.id }, { secret: legacy });
    const before = await deliverWith(afterRotation, endpoint.id);
    await expect(verifyWebhook({ headers: before.headers, body: before.body, secrets: [legacy] })).resolves.toBeDefined();
    await resealWebhookSecrets(db.dataSource, new WebhookSecrets(afterRotation));
    expect((await rawSecrets(endpoint.id)).secret).toMatch(/^enc:v1:k2:/);
    const after = await deliverWith(afterRotation, endpoint.id);
    await expect(verifyWebhook({ headers: after.headers, body: after.body, secrets: [legacy] })).resolves.toBeDefined();
  });

  it('a sealed secret copied onto another endpoint does not sign for it', async () => {
    const service = new WebhookEndpointService(db.dataSource, config(afterRotation));
    const a = await service.register(partner, { url: 'http://127.0.0.1:9/a', eventTypes: ['incident.opened'] });
    const b = await service.register(partner, { url: 'http://127.0.0.1:9/b', eventTypes: ['incident.opened'] });
    await db.dataSource.getRepository(WebhookEndpoint).update({ id: b.endpoint.id }, { secret: (await rawSecrets(a.endpoint.id)).secret });
    const copied = (await rawSecrets(b.endpoint.id)).secret;
    expect(() => new WebhookSecrets(afterRotation).open(b.endpoint.id, copied)).toThrow(SealedValueError);
  });
});
