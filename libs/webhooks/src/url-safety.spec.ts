import { assertSafeWebhookUrl, isPrivateAddress, allowedPrivateHostsFromEnv, type Lookup } from './url-safety';

const resolvesTo =
  (...addresses: string[]): Lookup =>
  async () =>
    addresses.map((address) => ({ address, family: address.includes(':') ? 6 : 4 }));

describe('webhook URL safety', () => {
  it.each([
    'https://127.0.0.1/hook',
    'https://10.1.2.3/hook',
    'https://172.20.0.1/hook',
    'https://192.168.1.10/hook',
    'https://169.254.169.254/latest/meta-data',
    'https://100.64.0.1/hook',
    'https://0.0.0.0/hook',
    'https://[::1]/hook',
    'https://[fd00::1]/hook',
    'https://[fe80::1]/hook',
    'https://[::ffff:127.0.0.1]/hook',
    'https://2130706433/hook',
    'https://0x7f.1/hook',
  ])('a loopback, private or link-local address is refused: %s', async (url) => {
    await expect(assertSafeWebhookUrl(url)).rejects.toThrow(/loopback, private or link-local/);
  });

  it('a host name is resolved and refused when it points at a private address', async () => {
    await expect(assertSafeWebhookUrl('https://hooks.partner.example/x', { lookup: resolvesTo('10.0.0.5') })).rejects.toThrow('(10.0.0.5)');
  });

  it('every resolved address is checked: one private address among public ones is refused', async () => {
    await expect(
      assertSafeWebhookUrl('https://hooks.partner.example/x', { lookup: resolvesTo('93.184.216.34', '127.0.0.1') }),
    ).rejects.toThrow('(127.0.0.1)');
  });

  it('a public host over https is accepted with the addresses it was checked against', async () => {
    const safe = await assertSafeWebhookUrl('https://hooks.partner.example/x', {
      lookup: resolvesTo('93.184.216.34', '2606:2800:220:1::1'),
    });
    expect(safe.addresses.map((a) => a.address)).toEqual(['93.184.216.34', '2606:2800:220:1::1']);
  });

  it('plain http, credentials in the URL, unresolvable hosts and non-URLs are refused', async () => {
    await expect(assertSafeWebhookUrl('http://93.184.216.34/x')).rejects.toThrow('must use https');
    await expect(assertSafeWebhookUrl('https://user:pw@93.184.216.34/x')).rejects.toThrow('credentials');
    await expect(
      assertSafeWebhookUrl('https://nowhere.invalid/x', { lookup: async () => Promise.reject(new Error('ENOTFOUND')) }),
    ).rejects.toThrow('does not resolve');
    await expect(assertSafeWebhookUrl('not a url')).rejects.toThrow('not a valid absolute URL');
    await expect(assertSafeWebhookUrl('ftp://93.184.216.34/x')).rejects.toThrow('must use https');
  });

  it('an explicitly allowed host may be private and use plain http (tests and the local demo)', async () => {
    const allowPrivateHosts = allowedPrivateHostsFromEnv({ WEBHOOK_ALLOW_PRIVATE_HOSTS: ' 127.0.0.1, LocalHost ' });
    expect(allowPrivateHosts).toEqual(['127.0.0.1', 'localhost']);
    await expect(assertSafeWebhookUrl('http://127.0.0.1:9999/hook', { allowPrivateHosts })).resolves.toMatchObject({
      addresses: [{ address: '127.0.0.1' }],
    });
    await expect(assertSafeWebhookUrl('http://10.0.0.1/hook', { allowPrivateHosts })).rejects.toThrow('must use https');
  });

  it('public addresses are not private', () => {
    expect(['8.8.8.8', '93.184.216.34', '2606:2800:220:1::1', '::ffff:8.8.8.8'].map(isPrivateAddress)).toEqual([
      false,
      false,
      false,
      false,
    ]);
  });
});
