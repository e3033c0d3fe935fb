import { SignJWT } from 'jose';
import { authConfig } from './auth-config';
import { issueToken, verifyBearerToken } from './bearer-token';
import { canSeeCustomer, type Principal } from './principal';

const config = authConfig({
  AUTH_JWT_KEYS: JSON.stringify({ k2: 'k2-secret-with-at-least-thirty-two-chars', k1: 'k1-secret-with-at-least-thirty-two-chars' }),
  AUTH_JWT_CURRENT_KID: 'k2',
});
const technician: Principal = { subject: 'u7', role: 'CUSTOMER_TECHNICIAN', customerIds: ['c1'], contactId: 'contact-7' };
const bearer = (token: string) => `Bearer ${token}`;

describe('bearer tokens', () => {
  it('a token issued for a principal verifies back to that principal', async () => {
    expect(await verifyBearerToken(bearer(await issueToken(technician, config)), config)).toEqual(technician);
  });

  it('a token signed with a previous key id still verifies while that key is configured (rotation by key id)', async () => {
    const token = await issueToken(technician, { ...config, currentKeyId: 'k1' });
    expect(await verifyBearerToken(bearer(token), config)).toEqual(technician);
  });

  it('an expired token is refused', async () => {
    const token = await issueToken(technician, config, '-1m');
    await expect(verifyBearerToken(bearer(token), config)).rejects.toMatchObject({
      code: 'UNAUTHENTICATED',
      message: 'The token has expired',
    });
  });

  it('a wrongly signed token is refused', async () => {
    const token = await issueToken(technician, { ...config, jwtKeys: { k2: 'an-attackers-key-with-thirty-two-characters' } });
    await expect(verifyBearerToken(bearer(token), config)).rejects.toMatchObject({
      code: 'UNAUTHENTICATED',
      message: 'The token is not valid',
    });
  });

  it('a token for another audience is refused', async () => {
    const token = await issueToken(technician, { ...config, audience: 'another-api' });
    await expect(verifyBearerToken(bearer(token), config)).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
  });

  it('a missing or malformed Authorization header is refused', async () => {
    await expect(verifyBearerToken(undefined, config)).rejects.toMatchObject({ message: 'A bearer token is required' });
    await expect(verifyBearerToken('Basic dXNlcjpwYXNz', config)).rejects.toMatchObject({ message: 'A bearer token is required' });
  });

  it('a validly signed token claiming the anonymous PUBLIC role is refused: anonymous callers send no token', async () => {
    const token = await issueToken({ subject: 'anonymous', role: 'PUBLIC', customerIds: [] }, config);
    await expect(verifyBearerToken(bearer(token), config)).rejects.toMatchObject({
      code: 'UNAUTHENTICATED',
      message: 'The token does not describe a principal',
    });
  });

  it('a validly signed token without a known role is refused', async () => {
    const token = await new SignJWT({ role: 'ROOT' })
      .setProtectedHeader({ alg: 'HS256', kid: 'k2' })
      .setSubject('x')
      .setIssuer(config.issuer)
      .setAudience(config.audience)
      .setExpirationTime('5m')
      .sign(new TextEncoder().encode(config.jwtKeys.k2));
    await expect(verifyBearerToken(bearer(token), config)).rejects.toMatchObject({ message: 'The token does not describe a principal' });
  });
});

describe('tenant scope', () => {
  it('a customer principal sees only its own customers; vendor staff see every customer', () => {
    expect(canSeeCustomer(technician, 'c1')).toBe(true);
    expect(canSeeCustomer(technician, 'c2')).toBe(false);
    expect(canSeeCustomer({ subject: 'e1', role: 'SUPPORT_ENGINEER', customerIds: [] }, 'c2')).toBe(true);
  });

  it('production refuses to start with development secrets', () => {
    expect(() => authConfig({ NODE_ENV: 'production' })).toThrow(/must be set in production/);
  });
});
