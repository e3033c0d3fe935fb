import { createLogger } from './create-logger';
import { REDACTED } from './redact';

function logged(write: (log: ReturnType<typeof createLogger>) => void): { line: Record<string, unknown>; text: string } {
  const texts: string[] = [];
  write(createLogger({ service: 'gateway', env: {}, destination: { write: (text: string) => void texts.push(text) } }));
  return { line: JSON.parse(texts[0]), text: texts[0] };
}

const JWT = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJqYW5lIn0.c2lnbmF0dXJlLWJ5dGVz';

describe('no secret or token reaches the log', () => {
  it('redacts the authorization, cookie and set-cookie headers and the gateway-signed principal and its signature', () => {
    const headers = {
      authorization: `Bearer ${JWT}`,
      cookie: 'session=abc123',
      'set-cookie': ['session=abc123; HttpOnly'],
      'x-polyplus-principal': '{"role":"SUPPORT_ENGINEER","subject":"jane"}',
      'x-polyplus-signature': 't=1700000000,v1=deadbeef',
      'x-request-id': 'req-1',
    };
    const { line, text } = logged((log) => log.info({ request: { headers } }, 'incoming'));
    expect(line.request).toEqual({
      headers: {
        authorization: REDACTED,
        cookie: REDACTED,
        'set-cookie': REDACTED,
        'x-polyplus-principal': REDACTED,
        'x-polyplus-signature': REDACTED,
        'x-request-id': 'req-1',
      },
    });
    for (const secret of [JWT, 'abc123', 'SUPPORT_ENGINEER', 'deadbeef']) expect(text).not.toContain(secret);
  });

  it('redacts password, *secret*, *token* and *key* fields at any depth, arrays included', () => {
    const { line, text } = logged((log) =>
      log.info(
        {
          user: { name: 'root', password: 'p4ss' },
          endpoints: [{ url: 'https://partner.example/hook', signingSecret: 'whsec_1' }],
          AUTH_PRINCIPAL_SECRETS: 'topsecret',
          refreshToken: 'tok-1',
          config: { apiKey: 'k-1', OBJECT_STORAGE_KEYS: { k1: 'base64key' } },
        },
        'configured',
      ),
    );
    expect(line).toEqual(
      expect.objectContaining({
        user: { name: 'root', password: REDACTED },
        endpoints: [{ url: 'https://partner.example/hook', signingSecret: REDACTED }],
        AUTH_PRINCIPAL_SECRETS: REDACTED,
        refreshToken: REDACTED,
        config: { apiKey: REDACTED, OBJECT_STORAGE_KEYS: REDACTED },
      }),
    );
    for (const secret of ['p4ss', 'whsec_1', 'topsecret', 'tok-1', 'k-1', 'base64key']) expect(text).not.toContain(secret);
  });

  it('redacts the password of a MySQL or Redis connection URL in a field, the message or an error, keeping user and host', () => {
    const error = new Error('cannot connect to redis://:r3dispass@cache.internal:6379');
    const { line, text } = logged((log) =>
      log.error(
        { err: error, mysql: 'mysql://polyplus:my5qlpass@db.internal:3306/polyplus_incidents' },
        'start failed for mysql://root:rootpass@127.0.0.1:3306',
      ),
    );
    expect(line.mysql).toBe(`mysql://polyplus:${REDACTED}@db.internal:3306/polyplus_incidents`);
    expect(line.msg).toBe(`start failed for mysql://root:${REDACTED}@127.0.0.1:3306`);
    expect((line.err as { message: string }).message).toBe(`cannot connect to redis://:${REDACTED}@cache.internal:6379`);
    for (const secret of ['r3dispass', 'my5qlpass', 'rootpass']) expect(text).not.toContain(secret);
  });

  it('redacts a credential an error carries as a field, and bearer tokens and JWTs quoted in text', () => {
    const error = Object.assign(new Error(`token ${JWT} was refused`), { config: { password: 'inner-pass' } });
    const { text } = logged((log) => log.warn({ err: error }, 'relay sent authorization: Bearer abc.def-ghi'));
    expect(text).toContain(`Bearer ${REDACTED}`);
    for (const secret of [JWT, 'inner-pass', 'abc.def-ghi']) expect(text).not.toContain(secret);
  });

  it('redacts the fields of a fetch Headers object', () => {
    const { line } = logged((log) =>
      log.info({ headers: new Headers({ authorization: 'Basic dXNlcjpwYXNz', accept: 'application/json' }) }, 'outgoing'),
    );
    expect(line.headers).toEqual({ authorization: REDACTED, accept: 'application/json' });
  });

  it('keeps ordinary fields, and logs a self-referencing object without failing', () => {
    const cyclic: Record<string, unknown> = { id: 'i-1' };
    cyclic.self = cyclic;
    const { line } = logged((log) => log.info({ incident: cyclic, url: 'https://example.com/path' }, 'kept'));
    expect(line).toEqual(expect.objectContaining({ incident: { id: 'i-1', self: '[Circular]' }, url: 'https://example.com/path' }));
  });
});
