import { z } from 'zod';
import { entries, productionSecrets, readServiceConfig } from './index';
import { readConfig } from './read-config';
import { dispatchBoardSchema, gatewaySchema, incidentsSchema, schedulerSchema, SERVICE_SCHEMAS } from './services';

const { duration, integer, json, list, oneOf, secretList, url } = entries;

const group = {
  SIZE: integer({ min: 1, max: 100, unit: 'bytes', default: 10, description: 'A size.' }),
  EVERY: duration({ unit: 'minutes', default: 5, description: 'A period.' }),
  MODE: oneOf({ values: ['a', 'b'], caseInsensitive: true, default: 'a', description: 'A mode.' }),
  TARGET: url({ protocols: ['http', 'https'], trimSlash: true, description: 'An address.' }),
  HOSTS: list({ form: 'comma-separated names', description: 'Names.' }),
  SHAPE: json({ shape: z.object({ n: z.number() }), form: 'JSON {"n": <number>}', description: 'A document.' }),
  KEYS: secretList({ minLength: 8, developmentDefault: 'dev-secret-value', generate: () => 'generated-secret', description: 'Secrets.' }),
};

const errorOf = (read: () => unknown) => {
  try {
    read();
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error('no error');
};

describe('reading configuration through a schema', () => {
  it('applies defaults, counts empty values as unset and gives typed values', () => {
    expect(readConfig(group, { SIZE: '', TARGET: 'https://x.example/', HOSTS: 'a, b,,', SHAPE: '{"n":1}', MODE: 'B' })).toEqual({
      SIZE: 10,
      EVERY: 300_000,
      MODE: 'b',
      TARGET: 'https://x.example',
      HOSTS: ['a', 'b'],
      SHAPE: { n: 1 },
      KEYS: ['dev-secret-value'],
    });
  });

  it.each([
    [{ SIZE: '12x' }, 'SIZE="12x" is not an integer; expected an integer from 1 to 100 (bytes)'],
    [{ SIZE: '101' }, 'SIZE="101" is above 100; expected an integer from 1 to 100 (bytes)'],
    [{ EVERY: '0' }, 'EVERY="0" is below 1; expected a whole number of minutes of at least 1'],
    [{ MODE: 'c' }, 'MODE="c" is not one of the accepted values; expected one of a or b'],
    [{ TARGET: 'ftp://x' }, 'TARGET="ftp://x" uses ftp://; expected a URL starting http:// or https://'],
    [
      { SHAPE: '{"n":"one"}' },
      'SHAPE="{\\"n\\":\\"one\\"}" does not have the expected shape (Invalid input: expected number, received string); expected JSON {"n": <number>}',
    ],
    [
      { KEYS: 'short' },
      'KEYS (5 characters, not shown) holds a secret shorter than 8 characters; expected comma-separated secrets of 8 characters or more, the first current',
    ],
  ])('refuses %j in one line naming the variable, the problem and the expected form', (env, message) => {
    expect(errorOf(() => readConfig(group, env))).toBe(message);
  });

  it('production requires its secrets and refuses the development ones', () => {
    expect(errorOf(() => readConfig(group, { NODE_ENV: 'production' }))).toBe(
      'KEYS must be set in production; expected comma-separated secrets of 8 characters or more, the first current',
    );
    expect(errorOf(() => readConfig(group, { NODE_ENV: 'production', KEYS: 'dev-secret-value' }))).toMatch(
      /^KEYS holds the development secret, which production refuses/,
    );
  });

  it('checks rules across variables after each variable', () => {
    expect(
      errorOf(() =>
        readServiceConfig(incidentsSchema, {
          NODE_ENV: 'production',
          ...productionSecrets(),
          WEBHOOK_ALLOW_PRIVATE_HOSTS: '127.0.0.1',
          TRANSPORT_SECURITY: 'mesh',
        }),
      ),
    ).toBe('WEBHOOK_ALLOW_PRIVATE_HOSTS must not be set in production');
    expect(errorOf(() => readServiceConfig(schedulerSchema, { TLS_CERT_FILE: '/x.pem' }))).toBe(
      'TLS_CERT_FILE and TLS_KEY_FILE go together',
    );
    expect(errorOf(() => readServiceConfig(schedulerSchema, { REDIS_CLUSTER_NODES: '127.0.0.1:7000', QUEUE_PREFIX: 'acme' }))).toBe(
      'QUEUE_PREFIX="acme" has no hash tag, which a Redis Cluster (REDIS_CLUSTER_NODES) needs; expected e.g. "{acme}"',
    );
    expect(readServiceConfig(schedulerSchema, { REDIS_CLUSTER_NODES: '127.0.0.1:7000', QUEUE_PREFIX: 'test-{acme}' })).toMatchObject({
      QUEUE_PREFIX: 'test-{acme}',
    });
    expect(
      errorOf(() => readServiceConfig(gatewaySchema, { AUTH_JWT_KEYS: JSON.stringify({ a: 'x'.repeat(32) }), AUTH_JWT_CURRENT_KID: 'b' })),
    ).toMatch(/^AUTH_JWT_CURRENT_KID="b" is not a key id of AUTH_JWT_KEYS/);
  });

  it('production requires the auth keys of services that verify tokens, not of the scheduler or the page servers', () => {
    expect(errorOf(() => readServiceConfig(gatewaySchema, { NODE_ENV: 'production' }))).toMatch(/^AUTH_JWT_KEYS must be set in production/);
    expect(readServiceConfig(schedulerSchema, { NODE_ENV: 'production' })).not.toHaveProperty('AUTH_JWT_KEYS');
    expect(readServiceConfig(dispatchBoardSchema, { NODE_ENV: 'production' })).toMatchObject({
      AUTH_JWT_KEYS: undefined,
      BOARD_DEMO_SIGN_IN: true,
    });
  });

  it('a production stack started with productionSecrets() passes every required secret', () => {
    const secrets = productionSecrets('run');
    expect(Object.keys(secrets).sort()).toEqual([
      'ATTACHMENT_LINK_SECRETS',
      'AUTH_JWT_CURRENT_KID',
      'AUTH_JWT_KEYS',
      'AUTH_PRINCIPAL_SECRETS',
      'MAIL_LINK_SECRET',
      'OBJECT_STORAGE_CURRENT_KEY_ID',
      'OBJECT_STORAGE_KEYS',
    ]);
    expect(readServiceConfig(incidentsSchema, { NODE_ENV: 'production', TRANSPORT_SECURITY: 'mesh', ...secrets })).toMatchObject({
      AUTH_JWT_CURRENT_KID: 'run',
      OBJECT_STORAGE_CURRENT_KEY_ID: 'run',
    });
    // Every service starts in production on them (and the mail relay production asks of notifications).
    for (const schema of SERVICE_SCHEMAS)
      expect(() =>
        readServiceConfig(schema, { NODE_ENV: 'production', SMTP_URL: 'smtp://relay.example.com:587', ...secrets }),
      ).not.toThrow();
  });
});
