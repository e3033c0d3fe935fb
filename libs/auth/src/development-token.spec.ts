import { authConfig } from './auth-config';
import { verifyBearerToken } from './bearer-token';
import { DEMO_PLANNER, issueDevelopmentToken } from './development-token';

describe('development tokens', () => {
  it('outside production, a demo identity gets a token the same keys verify', async () => {
    const token = await issueDevelopmentToken(DEMO_PLANNER, {});
    await expect(verifyBearerToken(`Bearer ${token}`, authConfig({}))).resolves.toMatchObject({
      subject: 'demo-planner',
      role: 'DISPATCH_PLANNER',
    });
  });

  it('with NODE_ENV=production none is issued, even with real keys configured', async () => {
    const env = { NODE_ENV: 'production', AUTH_JWT_KEYS: JSON.stringify({ k1: 'x'.repeat(40) }), AUTH_PRINCIPAL_SECRETS: 'y'.repeat(40) };
    await expect(issueDevelopmentToken(DEMO_PLANNER, env)).rejects.toThrow(/not issued in production/);
  });
});
