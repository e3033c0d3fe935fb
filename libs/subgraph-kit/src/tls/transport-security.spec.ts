import { parseMysqlUrl } from '@polyplus/persistence';
import { redisTarget } from '@polyplus/events';
import {
  assertTransportSecurity,
  listenerHop,
  mysqlHop,
  plainHops,
  redisHop,
  subgraphHop,
  transportSecurityFromEnv,
} from './transport-security';

const cert = { cert: 'CERT', key: 'KEY' };

describe('the transport-security setting', () => {
  it('production defaults to require; outside production the default is off (npm start); off is refused in production', () => {
    expect(transportSecurityFromEnv({ NODE_ENV: 'production' })).toBe('require');
    expect(transportSecurityFromEnv({})).toBe('off');
    expect(transportSecurityFromEnv({ NODE_ENV: 'production', TRANSPORT_SECURITY: 'mesh' })).toBe('mesh');
    expect(() => transportSecurityFromEnv({ NODE_ENV: 'production', TRANSPORT_SECURITY: 'off' })).toThrow(/refused in production/);
    expect(() => transportSecurityFromEnv({ TRANSPORT_SECURITY: 'sometimes' })).toThrow(/require, mesh or off/);
  });

  it('require refuses a plain MYSQL_URL, redis://, http:// subgraphs and a plain listener on every interface, naming each setting', () => {
    const hops = [
      mysqlHop('MYSQL_URL', parseMysqlUrl('mysql://app@db.internal:3306', 'MYSQL_URL', {})),
      redisHop(redisTarget({ REDIS_URL: 'redis://cache.internal:6379' })),
      subgraphHop('DEVICES_URL', 'http://devices.internal:4002/graphql'),
      listenerHop('0.0.0.0', undefined),
    ];
    expect(() => assertTransportSecurity('require', hops, 'the incidents subgraph')).toThrow(
      /TRANSPORT_SECURITY=require: the incidents subgraph will not start[\s\S]*- MYSQL_URL: MySQL at db.internal:3306[\s\S]*- REDIS_URL[\s\S]*- DEVICES_URL[\s\S]*- HOST/,
    );
    expect(() => assertTransportSecurity('mesh', hops, 'x')).not.toThrow();
    expect(() => assertTransportSecurity('off', hops, 'x')).not.toThrow();
  });

  it('require accepts verified TLS on every hop', () => {
    const hops = [
      mysqlHop('MYSQL_URL', parseMysqlUrl('mysql://app@db.internal:3306?ssl-mode=VERIFY_CA', 'MYSQL_URL', {})),
      redisHop(redisTarget({ REDIS_URL: 'rediss://cache.internal:6380' })),
      subgraphHop('DEVICES_URL', 'https://devices.internal:4002/graphql'),
      listenerHop('0.0.0.0', cert),
    ];
    expect(plainHops('require', hops)).toEqual([]);
  });

  it('MySQL TLS that does not check the certificate (ssl-mode=REQUIRED) is not enough for require', () => {
    expect(
      plainHops('require', [mysqlHop('MYSQL_URL', parseMysqlUrl('mysql://db.internal?ssl-mode=REQUIRED', 'MYSQL_URL', {}))]),
    ).toHaveLength(1);
  });

  it('a plain hop on the loopback interface never leaves the host and is accepted (a local TLS proxy, one machine)', () => {
    const hops = [
      mysqlHop('MYSQL_URL', parseMysqlUrl('mysql://root@127.0.0.1:3306', 'MYSQL_URL', {})),
      redisHop(redisTarget({ REDIS_URL: 'redis://localhost:6379' })),
      subgraphHop('DEVICES_URL', 'http://[::1]:4002/graphql'),
      listenerHop('127.0.0.1', undefined),
    ];
    expect(plainHops('require', hops)).toEqual([]);
  });
});
