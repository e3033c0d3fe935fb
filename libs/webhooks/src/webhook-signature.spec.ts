import { createHmac } from 'node:crypto';
import { generateWebhookSecret, SECRET_PREFIX } from './webhook-secret';
import { signWebhook } from './webhook-signature';

describe('webhook signatures', () => {
  it('the signature is base64 HMAC-SHA256 over "id.timestamp.body" keyed by the decoded secret (Standard Webhooks v1)', () => {
    const secret = `${SECRET_PREFIX}${Buffer.from('k'.repeat(24)).toString('base64')}`;
    const headers = signWebhook({ id: 'msg_1', body: '{"a":1}', secrets: [secret], now: new Date(1_700_000_000_000) });
    const expected = createHmac('sha256', Buffer.from('k'.repeat(24)))
      .update('msg_1.1700000000.{"a":1}')
      .digest('base64');
    expect(headers).toEqual({ 'webhook-id': 'msg_1', 'webhook-timestamp': '1700000000', 'webhook-signature': `v1,${expected}` });
  });

  it('every secret valid during a rotation signs, space-separated', () => {
    const headers = signWebhook({ id: 'm', body: '{}', secrets: [generateWebhookSecret(), generateWebhookSecret()] });
    expect(headers['webhook-signature']).toMatch(/^v1,[A-Za-z0-9+/=]+ v1,[A-Za-z0-9+/=]+$/);
  });

  it('new secrets are unique, prefixed and carry 24 random bytes', () => {
    const [a, b] = [generateWebhookSecret(), generateWebhookSecret()];
    expect(a).not.toBe(b);
    expect(Buffer.from(a.slice(SECRET_PREFIX.length), 'base64')).toHaveLength(24);
  });

  it('signing without a secret is a programming error', () => {
    expect(() => signWebhook({ id: 'm', body: '{}', secrets: [] })).toThrow('at least one secret');
  });
});
