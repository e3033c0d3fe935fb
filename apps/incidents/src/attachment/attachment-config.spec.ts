import { attachmentConfigFromEnv, DEFAULT_MAX_BYTES } from './attachment-config';
import { contentDisposition } from './attachment-http';

describe('attachment settings', () => {
  it('by default: 25 MiB files, links valid 5 minutes, relative to the gateway; empty variables count as unset', () => {
    expect(attachmentConfigFromEnv({})).toMatchObject({ maxBytes: DEFAULT_MAX_BYTES, linkTtlSeconds: 300, publicBaseUrl: '' });
    expect(
      attachmentConfigFromEnv({
        ATTACHMENT_MAX_BYTES: '',
        ATTACHMENT_LINK_TTL_SECONDS: '',
        ATTACHMENT_LINK_SECRETS: '',
        FILES_PUBLIC_URL: '',
      }),
    ).toEqual(attachmentConfigFromEnv({}));
    expect(DEFAULT_MAX_BYTES).toBe(26_214_400);
  });

  it('reads the limit, the link lifetime, the secrets and the public address', () => {
    expect(
      attachmentConfigFromEnv({
        ATTACHMENT_MAX_BYTES: '1000',
        ATTACHMENT_LINK_TTL_SECONDS: '60',
        ATTACHMENT_LINK_SECRETS: `${'n'.repeat(32)}, ${'o'.repeat(32)}`,
        FILES_PUBLIC_URL: 'https://support.example.com/',
      }),
    ).toEqual({
      maxBytes: 1000,
      linkTtlSeconds: 60,
      linkSecrets: ['n'.repeat(32), 'o'.repeat(32)],
      publicBaseUrl: 'https://support.example.com',
    });
  });

  it.each([
    [{ ATTACHMENT_MAX_BYTES: '0' }, /ATTACHMENT_MAX_BYTES/],
    [{ ATTACHMENT_MAX_BYTES: '25MB' }, /ATTACHMENT_MAX_BYTES/],
    [{ ATTACHMENT_LINK_TTL_SECONDS: '86400' }, /ATTACHMENT_LINK_TTL_SECONDS/],
    [{ ATTACHMENT_LINK_SECRETS: 'short' }, /ATTACHMENT_LINK_SECRETS/],
    [{ FILES_PUBLIC_URL: 'support.example.com' }, /FILES_PUBLIC_URL/],
    [{ NODE_ENV: 'production' }, /ATTACHMENT_LINK_SECRETS must be set in production/],
    [
      { NODE_ENV: 'production', ATTACHMENT_LINK_SECRETS: 'polyplus-development-attachment-link-secret-not-for-production' },
      /development secret/,
    ],
  ])('refuses %j, naming the variable', (env, message) => {
    expect(() => attachmentConfigFromEnv(env as NodeJS.ProcessEnv)).toThrow(message);
  });

  it('a downloaded file keeps its name, whatever characters it holds, without breaking the header', () => {
    expect(contentDisposition('core "network" 東京.vsdx')).toBe(
      `attachment; filename="core _network_ __.vsdx"; filename*=UTF-8''core%20%22network%22%20%E6%9D%B1%E4%BA%AC.vsdx`,
    );
  });
});
