import { readFileSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import { createConnection } from 'mysql2/promise';
import { Redis } from 'ioredis';
import { createRedis, waitForRedis } from '@polyplus/events';
import { DEMO_ENGINEER, freePort, tokenFor } from '@polyplus/local-stack';
import { SUBGRAPH_NAMES } from '@polyplus/subgraph-kit';
import type { PrivateServer } from './private-servers';
import {
  httpsCall,
  makeCertificates,
  spawnApp,
  startTlsOnlyMariadb,
  startTlsOnlyRedis,
  waitForLog,
  type AppProcess,
  type RunCertificates,
} from './tls-servers';

// TLS on every hop, against real servers started here with certificates made for this run: a
// MariaDB that requires secure transport, a Redis with a TLS port only, the customers subgraph
// serving HTTPS that demands client certificates, and the gateway reaching it with its own.
let certs: RunCertificates;
let mariadb: PrivateServer | undefined;
let redis: PrivateServer | undefined;
const started: AppProcess[] = [];
let customersUrl: string;
let gatewayUrl: string;
const pem = (path: string) => readFileSync(path, 'utf8');

beforeAll(async () => {
  certs = await makeCertificates();
  mariadb = await startTlsOnlyMariadb(certs);
  redis = await startTlsOnlyRedis(certs);
  const customersPort = await freePort();
  const gatewayPort = await freePort();
  customersUrl = `https://127.0.0.1:${customersPort}/graphql`;
  gatewayUrl = `https://127.0.0.1:${gatewayPort}/graphql`;
  const common: NodeJS.ProcessEnv = {
    NODE_ENV: 'test',
    TRANSPORT_SECURITY: 'require',
    HOST: '127.0.0.1',
    QUEUE_PREFIX: `test-tls-${randomUUID()}`,
    MYSQL_URL: `${mariadb.url}?ssl-mode=VERIFY_IDENTITY&ssl-ca=${certs.ca}&ssl-cert=${certs.clientCert}&ssl-key=${certs.clientKey}`,
    REDIS_URL: redis.url,
    REDIS_TLS_CA_FILE: certs.ca,
    // Only customers runs here; the others are named https so the configuration is complete.
    ...Object.fromEntries(SUBGRAPH_NAMES.map((name) => [`${name.toUpperCase()}_URL`, `https://127.0.0.1:9/graphql`])),
    CUSTOMERS_URL: customersUrl,
    SUBGRAPH_CA_FILE: certs.ca,
    SUBGRAPH_CLIENT_CERT_FILE: certs.clientCert,
    SUBGRAPH_CLIENT_KEY_FILE: certs.clientKey,
    TLS_CERT_FILE: certs.serverCert,
    TLS_KEY_FILE: certs.serverKey,
  };
  const customers = spawnApp('customers', { ...common, CUSTOMERS_PORT: String(customersPort), TLS_CLIENT_CA_FILE: certs.ca });
  started.push(customers);
  await waitForLog(customers, 'customers subgraph ready at https://', 120_000);
  const gateway = spawnApp('gateway', { ...common, GATEWAY_PORT: String(gatewayPort) });
  started.push(gateway);
  await waitForLog(gateway, 'gateway ready at https://', 120_000);
}, 300_000);

afterAll(async () => {
  await Promise.all(started.map((app) => app.stop()));
  await mariadb?.dispose();
  await redis?.dispose();
  await certs?.dispose();
}, 60_000);

describe('MySQL over TLS', () => {
  it('a MariaDB with require_secure_transport refuses a plain connection, and lets the same user in over TLS', async () => {
    // MariaDB 10.11 answers a plain attempt with "Access denied" (MySQL 8: "insecure transport are prohibited").
    const attempt = createConnection({ host: '127.0.0.1', port: mariadb!.port, user: 'root', connectTimeout: 5_000 });
    await expect(attempt.then((connection) => connection.query('SELECT 1'))).rejects.toThrow(/insecure transport|Access denied/i);
    const overTls = await createConnection({ host: '127.0.0.1', port: mariadb!.port, user: 'root', ssl: { ca: pem(certs.ca) } });
    await overTls.end();
  });

  it('the subgraph connected with the CA, its client certificate and verify-identity, and its data is read and written over TLS', async () => {
    const connection = await createConnection({
      host: '127.0.0.1',
      port: mariadb!.port,
      user: 'root',
      ssl: { ca: pem(certs.ca), cert: pem(certs.clientCert), key: pem(certs.clientKey) },
    });
    try {
      const [rows] = await connection.query("SHOW SESSION STATUS LIKE 'Ssl_version'");
      expect((rows as { Value: string }[])[0].Value).toMatch(/^TLSv1\.[23]$/);
      const [databases] = await connection.query("SHOW DATABASES LIKE '%customers'");
      expect((databases as unknown[]).length).toBe(1);
    } finally {
      await connection.end();
    }
  });
});

describe('Redis over TLS', () => {
  it('a Redis with only a TLS port refuses a plain connection', async () => {
    const plain = new Redis(`redis://127.0.0.1:${redis!.port}`, {
      lazyConnect: true,
      maxRetriesPerRequest: 0,
      retryStrategy: () => null,
      connectTimeout: 3_000,
    });
    plain.on('error', () => undefined);
    await expect(plain.connect().then(() => plain.ping())).rejects.toThrow();
    plain.disconnect();
  });

  it('rediss:// with REDIS_TLS_CA_FILE connects and checks the server certificate', async () => {
    const connection = createRedis('producer', { REDIS_URL: redis!.url, REDIS_TLS_CA_FILE: certs.ca });
    try {
      await waitForRedis(connection);
      expect(await connection.ping()).toBe('PONG');
    } finally {
      connection.disconnect();
    }
    // Another CA's idea of the server is refused.
    const wrong = createRedis('producer', { REDIS_URL: redis!.url, REDIS_TLS_CA_FILE: certs.strangerCert });
    wrong.on('error', () => undefined);
    await expect(wrong.ping()).rejects.toThrow();
    wrong.disconnect();
  });
});

describe('gateway → subgraph over HTTPS with mutual TLS', () => {
  const health = customersUrlTo('/health');
  function customersUrlTo(path: string) {
    return () => customersUrl.replace(/\/graphql$/, path);
  }

  it('the subgraph answers a client presenting a certificate signed by the configured CA', async () => {
    const answer = await httpsCall(health(), { ca: pem(certs.ca), client: { cert: pem(certs.clientCert), key: pem(certs.clientKey) } });
    expect(answer.status).toBe(200);
    expect(JSON.parse(answer.body)).toMatchObject({ service: 'customers', checks: { mysql: 'up' } });
  });

  it('the subgraph refuses a client without a certificate, and one whose certificate another CA signed, during the handshake', async () => {
    await expect(httpsCall(health(), { ca: pem(certs.ca) })).rejects.toThrow();
    await expect(
      httpsCall(health(), { ca: pem(certs.ca), client: { cert: pem(certs.strangerCert), key: pem(certs.strangerKey) } }),
    ).rejects.toThrow();
  });

  it('a query through the gateway (served over HTTPS) reaches the subgraph over mutual TLS and its MariaDB over TLS', async () => {
    const token = await tokenFor(DEMO_ENGINEER, { NODE_ENV: 'test' });
    const ask = async (query: string, variables: Record<string, unknown> = {}) => {
      const answer = await httpsCall(gatewayUrl, {
        ca: pem(certs.ca),
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({ query, variables }),
      });
      return JSON.parse(answer.body) as { data?: Record<string, { id: string; name: string } | null>; errors?: unknown[] };
    };
    const created = await ask('mutation { createCustomer(input: { name: "Tailspin Toys" }) { id name } }');
    expect(created.errors).toBeUndefined();
    const id = created.data!.createCustomer!.id;
    const read = await ask('query ($id: ID!) { customer(id: $id) { id name } }', { id });
    expect(read).toEqual({ data: { customer: { id, name: 'Tailspin Toys' } } });
  });
});

describe('TRANSPORT_SECURITY=require', () => {
  it('a subgraph refuses to start with a plain MYSQL_URL, naming it, before connecting to anything', async () => {
    const app = spawnApp('customers', {
      NODE_ENV: 'test',
      TRANSPORT_SECURITY: 'require',
      HOST: '127.0.0.1',
      CUSTOMERS_PORT: String(await freePort()),
      MYSQL_URL: 'mysql://app@db.internal.example:3306',
      REDIS_URL: redis!.url,
      REDIS_TLS_CA_FILE: certs.ca,
    });
    started.push(app);
    expect(await app.exited).toBe(1);
    const output = app.logs.join('\n');
    expect(output).toContain('TRANSPORT_SECURITY=require: the customers subgraph will not start with plain connections configured');
    expect(output).toMatch(/- MYSQL_URL: MySQL at db\.internal\.example:3306 is not encrypted/);
    expect(output).not.toContain('ready at');
  }, 120_000);

  it('the gateway refuses to start with a plain http:// subgraph off the host', async () => {
    const app = spawnApp('gateway', {
      NODE_ENV: 'test',
      TRANSPORT_SECURITY: 'require',
      HOST: '127.0.0.1',
      GATEWAY_PORT: String(await freePort()),
      DEVICES_URL: 'http://devices.internal.example:4002/graphql',
    });
    started.push(app);
    expect(await app.exited).toBe(1);
    expect(app.logs.join('\n')).toMatch(/- DEVICES_URL: http:\/\/devices\.internal\.example:4002\/graphql is not encrypted/);
  }, 120_000);
});
