import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isEncryptedTarget, redisTarget } from './redis';
import { redisTlsOption } from './redis-tls';

const dir = mkdtempSync(join(tmpdir(), 'redis-tls-'));
const ca = join(dir, 'ca.pem');
writeFileSync(ca, 'CA PEM');

describe('Redis over TLS', () => {
  it('rediss:// is TLS, for one server and for a cluster; redis:// is plain', () => {
    expect(isEncryptedTarget(redisTarget({ REDIS_URL: 'rediss://cache:6380' }))).toBe(true);
    expect(isEncryptedTarget(redisTarget({ REDIS_CLUSTER_NODES: 'rediss://10.0.0.1:7000,10.0.0.2:7000' }))).toBe(true);
    expect(isEncryptedTarget(redisTarget({ REDIS_URL: 'redis://cache:6379' }))).toBe(false);
  });

  it('a TLS connection trusts the CA of REDIS_TLS_CA_FILE (else the system roots) and always checks the certificate', () => {
    expect(redisTlsOption(true, { REDIS_TLS_CA_FILE: ca })).toEqual({ ca: 'CA PEM', minVersion: 'TLSv1.2' });
    expect(redisTlsOption(true, {})).toEqual({});
  });

  it('TLS files beside a plain redis:// URL are refused, as are a certificate without its key and an unreadable file', () => {
    expect(() => redisTlsOption(false, { REDIS_TLS_CA_FILE: ca })).toThrow(/use rediss:\/\//);
    expect(() => redisTlsOption(true, { REDIS_TLS_CERT_FILE: ca })).toThrow(/go together/);
    expect(() => redisTlsOption(true, { REDIS_TLS_CA_FILE: '/nonexistent/ca.pem' })).toThrow(/REDIS_TLS_CA_FILE: cannot read/);
  });
});
