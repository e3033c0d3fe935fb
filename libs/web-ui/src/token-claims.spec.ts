import { readTokenClaims } from './token-claims';

const encode = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
const token = (claims: object) => `${encode({ alg: 'HS256' })}.${encode(claims)}.signature`;

describe('token claims', () => {
  it('reads who a customer token is for: subject, role, issuer, customers, contact and expiry', () => {
    expect(
      readTokenClaims(
        token({
          sub: 'olivia@northwind.example',
          role: 'CUSTOMER_ADMIN',
          iss: 'polyplus',
          customer_ids: ['c1'],
          contact_id: 'k1',
          exp: 2_000_000_000,
        }),
      ),
    ).toEqual({
      subject: 'olivia@northwind.example',
      role: 'CUSTOMER_ADMIN',
      issuer: 'polyplus',
      customerIds: ['c1'],
      contactId: 'k1',
      expiresAt: new Date(2_000_000_000_000),
    });
  });

  it('reads names outside ASCII and leaves out what the token does not say', () => {
    expect(readTokenClaims(token({ sub: 'Zoë', role: 'DISPATCH_PLANNER' }))).toEqual({
      subject: 'Zoë',
      role: 'DISPATCH_PLANNER',
      expiresAt: null,
    });
  });

  it('is null for text that is not a token or a token without subject and role', () => {
    expect(readTokenClaims('hello')).toBeNull();
    expect(readTokenClaims('a.b.c')).toBeNull();
    expect(readTokenClaims(token({ role: 'CUSTOMER_ADMIN' }))).toBeNull();
  });
});
