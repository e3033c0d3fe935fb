import { signPrincipal, verifyPrincipal, PRINCIPAL_HEADER, SIGNATURE_HEADER } from './principal-header';
import type { Principal } from './principal';

const SECRET = 'a-gateway-secret-of-at-least-32-characters';
const OLD_SECRET = 'the-previous-gateway-secret-32-characters!';
const admin: Principal = { subject: 'u1', role: 'CUSTOMER_ADMIN', customerIds: ['c1'] };
const now = new Date('2026-11-24T12:00:00Z');

describe('gateway principal signature', () => {
  it('a principal signed by the gateway is accepted by a subgraph as it was sent', () => {
    expect(verifyPrincipal(signPrincipal(admin, SECRET, now), [SECRET], now)).toEqual(admin);
  });

  it('a request without the signature is refused as UNAUTHENTICATED', () => {
    expect(() => verifyPrincipal({}, [SECRET], now)).toThrow(
      expect.objectContaining({ code: 'UNAUTHENTICATED', message: 'Missing gateway signature' }),
    );
  });

  it('a principal signed with another secret is refused', () => {
    expect(() => verifyPrincipal(signPrincipal(admin, 'someone-elses-secret-with-32-characters!!', now), [SECRET], now)).toThrow(
      'Invalid gateway signature',
    );
  });

  it('a forged principal (another customer swapped into a signed header) is refused', () => {
    const headers = signPrincipal(admin, SECRET, now);
    const forged = Buffer.from(JSON.stringify({ ...admin, customerIds: ['c2'] })).toString('base64url');
    expect(() => verifyPrincipal({ ...headers, [PRINCIPAL_HEADER]: forged }, [SECRET], now)).toThrow('Invalid gateway signature');
  });

  it('a signature older than the tolerance is refused as stale, so a captured request cannot be replayed later', () => {
    const headers = signPrincipal(admin, SECRET, now);
    expect(() => verifyPrincipal(headers, [SECRET], new Date(now.getTime() + 61_000))).toThrow('Stale gateway signature');
    expect(verifyPrincipal(headers, [SECRET], new Date(now.getTime() + 59_000))).toEqual(admin);
  });

  it('during a secret rotation both the new and the previous secret verify', () => {
    expect(verifyPrincipal(signPrincipal(admin, OLD_SECRET, now), [SECRET, OLD_SECRET], now)).toEqual(admin);
  });

  it('a malformed signature header is refused', () => {
    const headers = { ...signPrincipal(admin, SECRET, now), [SIGNATURE_HEADER]: 't=abc,v1=zz' };
    expect(() => verifyPrincipal(headers, [SECRET], now)).toThrow('Malformed gateway signature');
  });
});
