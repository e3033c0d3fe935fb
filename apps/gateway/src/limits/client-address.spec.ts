import { clientAddress, rateLimitKeyOf, trustedProxiesFromEnv } from './client-address';

const request = (remoteAddress: string, forwardedFor?: string | string[]) =>
  ({ socket: { remoteAddress }, headers: forwardedFor === undefined ? {} : { 'x-forwarded-for': forwardedFor } }) as never;

describe('the client address anonymous callers are rate-limited by', () => {
  const proxies = trustedProxiesFromEnv({ GATEWAY_TRUSTED_PROXIES: '10.0.0.5, ::1' });

  it('is the socket’s peer, and X-Forwarded-For from anyone but a trusted proxy is ignored', () => {
    expect(clientAddress(request('203.0.113.7', '198.51.100.1'), proxies)).toBe('203.0.113.7');
    expect(clientAddress(request('::ffff:203.0.113.7'), new Set())).toBe('203.0.113.7');
  });

  it('behind a trusted proxy, is the right-most forwarded address that is not a trusted proxy', () => {
    expect(clientAddress(request('10.0.0.5', '198.51.100.1, 203.0.113.7'), proxies)).toBe('203.0.113.7');
    expect(clientAddress(request('::1', ['198.51.100.1', '203.0.113.7, 10.0.0.5']), proxies)).toBe('203.0.113.7');
  });

  it('a malformed forwarded entry stops at the last proxy rather than minting a new address', () => {
    expect(clientAddress(request('10.0.0.5', 'not-an-address'), proxies)).toBe('10.0.0.5');
    expect(clientAddress(request('10.0.0.5'), proxies)).toBe('10.0.0.5');
  });

  it('an IPv6 caller is one /64, however it spells its address', () => {
    expect(rateLimitKeyOf('2001:db8:1:2::1')).toBe('2001:0db8:0001:0002::/64');
    expect(rateLimitKeyOf('2001:DB8:1:2:ffff::9')).toBe('2001:0db8:0001:0002::/64');
    expect(rateLimitKeyOf('203.0.113.7')).toBe('203.0.113.7');
  });

  it('GATEWAY_TRUSTED_PROXIES must list IP addresses', () => {
    expect(() => trustedProxiesFromEnv({ GATEWAY_TRUSTED_PROXIES: 'proxy.internal' })).toThrow(/proxy.internal/);
    expect(trustedProxiesFromEnv({}).size).toBe(0);
  });
});
