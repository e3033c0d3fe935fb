import { portalTokenProblem } from './sign-in-rules';

const encode = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
const token = (claims: object) => `${encode({ alg: 'HS256' })}.${encode(claims)}.signature`;
const customer = { sub: 'sam', role: 'CUSTOMER_TECHNICIAN', iss: 'polyplus', customer_ids: ['c1'], contact_id: 'k1', exp: 2_000_000_000 };

describe('portal sign-in', () => {
  it('accepts a customer admin’s or technician’s token of the configured issuer', () => {
    expect(portalTokenProblem(token(customer), 'polyplus', new Date('2026-11-24T00:00:00Z'))).toBeNull();
    expect(portalTokenProblem(token({ ...customer, role: 'CUSTOMER_ADMIN' }), 'polyplus', new Date('2026-11-24T00:00:00Z'))).toBeNull();
  });

  it('refuses a token of another issuer, of vendor staff, expired, without a customer, or not a token', () => {
    expect(portalTokenProblem(token({ ...customer, iss: 'someone-else' }), 'polyplus')).toContain('accepts tokens from polyplus only');
    expect(portalTokenProblem(token({ ...customer, role: 'SUPPORT_ENGINEER' }), 'polyplus')).toContain(
      'for customer admins and customer technicians',
    );
    expect(portalTokenProblem(token({ ...customer, exp: 1 }), 'polyplus')).toContain('expired');
    expect(portalTokenProblem(token({ ...customer, customer_ids: [] }), 'polyplus')).toContain('names no customer');
    expect(portalTokenProblem('paste', 'polyplus')).toContain('not an access token');
  });
});
