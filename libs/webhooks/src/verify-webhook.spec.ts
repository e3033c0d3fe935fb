import { generateWebhookSecret } from './webhook-secret';
import { signWebhook, WEBHOOK_SIGNATURE_HEADER, WEBHOOK_TIMESTAMP_HEADER } from './webhook-signature';
import { verifyWebhook, type VerifyWebhookInput } from './verify-webhook';
import { memorySeenWebhookIds } from './seen-webhook-ids';

const secret = generateWebhookSecret();
const body = JSON.stringify({ id: 'evt-1', type: 'incident.opened', occurredAt: '2026-11-24T12:00:00.000Z', data: { incidentId: 'i-1' } });
const sentAt = new Date('2026-11-24T12:00:00Z');
const signed = signWebhook({ id: 'ep-1:evt-1', body, secrets: [secret], now: sentAt });
const verify = (overrides: Partial<VerifyWebhookInput> = {}) =>
  verifyWebhook({ headers: { ...signed }, body, secrets: [secret], now: sentAt, ...overrides });

describe('the receiver-side webhook verifier', () => {
  it('a delivery signed with the endpoint secret verifies and yields the payload', async () => {
    await expect(verify()).resolves.toEqual({ id: 'ep-1:evt-1', timestamp: sentAt, payload: JSON.parse(body) });
  });

  it('a mutated body is rejected', async () => {
    await expect(verify({ body: body.replace('i-1', 'i-2') })).rejects.toMatchObject({ reason: 'INVALID_SIGNATURE' });
  });

  it('a signature made with another secret is rejected', async () => {
    await expect(verify({ secrets: [generateWebhookSecret()] })).rejects.toMatchObject({ reason: 'INVALID_SIGNATURE' });
  });

  it('a timestamp more than five minutes old is rejected as stale, even with a valid signature', async () => {
    await expect(verify({ now: new Date(sentAt.getTime() + 5 * 60_000 + 1_000) })).rejects.toMatchObject({ reason: 'STALE_TIMESTAMP' });
    await expect(verify({ now: new Date(sentAt.getTime() + 4 * 60_000) })).resolves.toMatchObject({ id: 'ep-1:evt-1' });
  });

  it('a timestamp more than five minutes in the future is rejected too', async () => {
    await expect(verify({ now: new Date(sentAt.getTime() - 6 * 60_000) })).rejects.toMatchObject({ reason: 'STALE_TIMESTAMP' });
  });

  it('a changed timestamp breaks the signature (the timestamp is signed)', async () => {
    const headers = { ...signed, [WEBHOOK_TIMESTAMP_HEADER]: String(Number(signed[WEBHOOK_TIMESTAMP_HEADER]) + 1) };
    await expect(verify({ headers })).rejects.toMatchObject({ reason: 'INVALID_SIGNATURE' });
  });

  it('a replayed id is rejected by the seen-id store while a first delivery passes', async () => {
    const seenIds = memorySeenWebhookIds(() => sentAt.getTime());
    await expect(verify({ seenIds })).resolves.toMatchObject({ id: 'ep-1:evt-1' });
    await expect(verify({ seenIds })).rejects.toMatchObject({ reason: 'REPLAYED' });
  });

  it('a forged delivery does not consume its id in the seen-id store', async () => {
    const seenIds = memorySeenWebhookIds(() => sentAt.getTime());
    await expect(verify({ seenIds, body: '{"forged":true}' })).rejects.toMatchObject({ reason: 'INVALID_SIGNATURE' });
    await expect(verify({ seenIds })).resolves.toMatchObject({ id: 'ep-1:evt-1' });
  });

  it('missing headers or a malformed timestamp are rejected', async () => {
    await expect(verify({ headers: {} })).rejects.toMatchObject({ reason: 'MISSING_HEADERS' });
    await expect(verify({ headers: { ...signed, [WEBHOOK_TIMESTAMP_HEADER]: '12:00' } })).rejects.toMatchObject({
      reason: 'INVALID_TIMESTAMP',
    });
    await expect(verify({ headers: { ...signed, [WEBHOOK_SIGNATURE_HEADER]: 'v1,' } })).rejects.toMatchObject({
      reason: 'INVALID_SIGNATURE',
    });
  });

  it('during a secret rotation a receiver holding only the previous secret still verifies, and so does one holding only the new', async () => {
    const next = generateWebhookSecret();
    const headers = { ...signWebhook({ id: 'ep-1:evt-2', body, secrets: [next, secret], now: sentAt }) };
    expect(headers[WEBHOOK_SIGNATURE_HEADER].split(' ')).toHaveLength(2);
    await expect(verify({ headers, secrets: [secret] })).resolves.toMatchObject({ id: 'ep-1:evt-2' });
    await expect(verify({ headers, secrets: [next] })).resolves.toMatchObject({ id: 'ep-1:evt-2' });
  });

  it('a Fetch Headers object works as well as Node’s header record', async () => {
    await expect(verify({ headers: new Headers(signed) })).resolves.toMatchObject({ id: 'ep-1:evt-1' });
  });
});
