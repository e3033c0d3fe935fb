import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { mysqlSslOptions } from './mysql-tls';
import { mysqlServerFor, parseMysqlUrl } from './mysql-url';

const dir = mkdtempSync(join(tmpdir(), 'mysql-tls-'));
const ca = join(dir, 'ca.pem');
const cert = join(dir, 'client.pem');
const key = join(dir, 'client-key.pem');
writeFileSync(ca, 'CA PEM');
writeFileSync(cert, 'CERT PEM');
writeFileSync(key, 'KEY PEM');

describe('MySQL over TLS', () => {
  it('a plain URL stays a plain connection', () => {
    expect(parseMysqlUrl('mysql://root@db:3306', 'MYSQL_URL', {}).tls).toBeUndefined();
    expect(mysqlSslOptions(undefined)).toBeUndefined();
  });

  it('the URL names the CA, the client certificate and the mode; the certificate is checked against the CA and the host name', () => {
    const server = parseMysqlUrl(
      `mysql://app@db.internal:3306?ssl-mode=VERIFY_IDENTITY&ssl-ca=${ca}&ssl-cert=${cert}&ssl-key=${key}`,
      'MYSQL_URL',
      {},
    );
    expect(server.tls).toEqual({ mode: 'VERIFY_IDENTITY', ca: 'CA PEM', cert: 'CERT PEM', key: 'KEY PEM' });
    expect(mysqlSslOptions(server.tls)).toMatchObject({
      ca: 'CA PEM',
      rejectUnauthorized: true,
      verifyIdentity: true,
      minVersion: 'TLSv1.2',
    });
  });

  it('a CA without a mode verifies the identity; VERIFY_CA skips the host name; REQUIRED only encrypts', () => {
    expect(parseMysqlUrl(`mysql://db?ssl-ca=${ca}`, 'MYSQL_URL', {}).tls?.mode).toBe('VERIFY_IDENTITY');
    expect(mysqlSslOptions(parseMysqlUrl(`mysql://db?ssl-mode=verify_ca&ssl-ca=${ca}`, 'MYSQL_URL', {}).tls)).toMatchObject({
      rejectUnauthorized: true,
      verifyIdentity: false,
    });
    expect(mysqlSslOptions(parseMysqlUrl('mysql://db?ssl-mode=REQUIRED', 'MYSQL_URL', {}).tls)).toMatchObject({
      rejectUnauthorized: false,
    });
  });

  it('MYSQL_SSL_* apply to every server without ssl parameters of its own, per-subgraph URLs included', () => {
    const env = { MYSQL_URL: 'mysql://db', INCIDENTS_MYSQL_URL: 'mysql://incidents-db', MYSQL_SSL_MODE: 'VERIFY_CA', MYSQL_SSL_CA: ca };
    expect(mysqlServerFor('incidents', env).tls).toEqual({ mode: 'VERIFY_CA', ca: 'CA PEM' });
    expect(mysqlServerFor('customers', env).tls?.mode).toBe('VERIFY_CA');
    expect(mysqlServerFor('customers', { ...env, MYSQL_URL: 'mysql://db?ssl-mode=DISABLED' }).tls).toBeUndefined();
  });

  it('a bad setting is refused at start naming it', () => {
    expect(() => parseMysqlUrl('mysql://db?ssl-mode=MAYBE', 'MYSQL_URL', {})).toThrow(/MYSQL_URL ssl-mode: ssl-mode must be one of/);
    expect(() => parseMysqlUrl('mysql://db?ssl-ca=/nonexistent/ca.pem', 'INCIDENTS_MYSQL_URL', {})).toThrow(
      /INCIDENTS_MYSQL_URL ssl-ca: cannot read \/nonexistent\/ca.pem/,
    );
    expect(() => parseMysqlUrl(`mysql://db?ssl-cert=${cert}`, 'MYSQL_URL', {})).toThrow(/go together/);
  });
});
