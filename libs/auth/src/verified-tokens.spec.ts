import { authConfig } from './auth-config';
import { issueToken } from './bearer-token';
import type { Principal } from './principal';
import { verifiedTokens } from './verified-tokens';

const technician: Principal = { subject: 'u7', role: 'CUSTOMER_TECHNICIAN', customerIds: ['c1'], contactId: 'contact-7' };
const admin: Principal = { subject: 'u8', role: 'CUSTOMER_ADMIN', customerIds: ['c1'] };

/** A config whose signing key the test can take away: a token verified again after that is refused. */
function rotatingConfig() {
  return authConfig({ AUTH_JWT_KEYS: JSON.stringify({ k1: 'k1-secret-with-at-least-thirty-two-chars' }), AUTH_JWT_CURRENT_KID: 'k1' });
}

describe('verified bearer tokens are kept until they expire', () => {
  const start = Date.now();

  it('a verified token is not verified again while kept, and is once its keeping time is over', async () => {
    const config = rotatingConfig();
    let now = start;
    const verify = verifiedTokens(config, { maxAgeMs: 60_000, now: () => now });
    const authorization = `Bearer ${await issueToken(technician, config)}`;
    expect(await verify(authorization)).toEqual(technician);
    delete config.jwtKeys.k1; // verifying again would now fail
    now = start + 59_000;
    expect(await verify(authorization)).toEqual(technician);
    now = start + 61_000;
    await expect(verify(authorization)).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
  });

  it('a token is kept no longer than it is valid', async () => {
    const config = rotatingConfig();
    let now = start;
    const verify = verifiedTokens(config, { maxAgeMs: 2 * 3600_000, now: () => now });
    const authorization = `Bearer ${await issueToken(technician, config, '1h')}`;
    await verify(authorization);
    delete config.jwtKeys.k1;
    now = start + 3600_000 + 1_000;
    await expect(verify(authorization)).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
  });

  it('a refused token is never kept: it is checked, and refused, every time', async () => {
    const config = rotatingConfig();
    const verify = verifiedTokens(config);
    const forged = `Bearer ${await issueToken(technician, { ...config, jwtKeys: { k1: 'an-attackers-key-with-thirty-two-characters' } })}`;
    await expect(verify(forged)).rejects.toMatchObject({ message: 'The token is not valid' });
    await expect(verify(forged)).rejects.toMatchObject({ message: 'The token is not valid' });
    await expect(verify(undefined)).rejects.toMatchObject({ message: 'A bearer token is required' });
  });

  it('at most `capacity` tokens are kept, the oldest dropped first', async () => {
    const config = rotatingConfig();
    const verify = verifiedTokens(config, { capacity: 2 });
    const first = `Bearer ${await issueToken(technician, config)}`;
    const second = `Bearer ${await issueToken(admin, config)}`;
    const third = `Bearer ${await issueToken({ ...admin, subject: 'u9' }, config)}`;
    for (const authorization of [first, second, third]) await verify(authorization);
    delete config.jwtKeys.k1;
    expect(await verify(third)).toMatchObject({ subject: 'u9' });
    expect(await verify(second)).toEqual(admin);
    await expect(verify(first)).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
  });
});
