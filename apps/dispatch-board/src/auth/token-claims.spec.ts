import { readTokenClaims, tokenProblem } from './token-claims';

const encode = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
const token = (claims: object) => `${encode({ alg: 'HS256' })}.${encode(claims)}.signature`;

describe('sign-in token check', () => {
  it('reads the subject, role and expiry of a planner token', () => {
    expect(readTokenClaims(token({ sub: 'Zoë Planner', role: 'DISPATCH_PLANNER', exp: 2_000_000_000 }))).toEqual({
      subject: 'Zoë Planner',
      role: 'DISPATCH_PLANNER',
      expiresAt: new Date(2_000_000_000_000),
    });
    expect(tokenProblem(token({ sub: 'p', role: 'DISPATCH_PLANNER', exp: 2_000_000_000 }), new Date('2026-11-24T00:00:00Z'))).toBeNull();
  });

  it('refuses a token of another role, an expired token and text that is not a token', () => {
    expect(tokenProblem(token({ sub: 'c', role: 'CUSTOMER_ADMIN' }))).toContain('DISPATCH_PLANNER token');
    expect(tokenProblem(token({ sub: 'p', role: 'DISPATCH_PLANNER', exp: 1 }))).toContain('expired');
    expect(tokenProblem('hello')).toContain('not a bearer token');
  });
});
