import { readEntry, webhookGroup } from '@polyplus/config';
import { lookup as dnsLookup } from 'node:dns/promises';
import { BlockList, isIP } from 'node:net';

/** Ranges a webhook must never reach: this host, the private network, cloud metadata, multicast... */
const BLOCKED = new BlockList();
for (const [network, prefix] of [
  ['0.0.0.0', 8], // "this" network
  ['10.0.0.0', 8], // private
  ['100.64.0.0', 10], // carrier-grade NAT
  ['127.0.0.0', 8], // loopback
  ['169.254.0.0', 16], // link-local, cloud metadata (169.254.169.254)
  ['172.16.0.0', 12], // private
  ['192.0.0.0', 24], // IETF protocol assignments
  ['192.0.2.0', 24], // documentation
  ['192.168.0.0', 16], // private
  ['198.18.0.0', 15], // benchmarking
  ['198.51.100.0', 24], // documentation
  ['203.0.113.0', 24], // documentation
  ['224.0.0.0', 4], // multicast
  ['240.0.0.0', 4], // reserved, broadcast
] as const) {
  BLOCKED.addSubnet(network, prefix, 'ipv4');
}
for (const [network, prefix] of [
  ['::', 96], // unspecified and IPv4-compatible (::1 loopback included below)
  ['::1', 128], // loopback
  ['64:ff9b::', 96], // NAT64 (would reach any IPv4 address, private ones included)
  ['64:ff9b:1::', 48], // local NAT64
  ['100::', 64], // discard
  ['2001:db8::', 32], // documentation
  ['fc00::', 7], // unique local
  ['fe80::', 10], // link-local
  ['fec0::', 10], // site-local (deprecated)
  ['ff00::', 8], // multicast
] as const) {
  BLOCKED.addSubnet(network, prefix, 'ipv6');
}

export type LookupAddress = { address: string; family: number };
export type Lookup = (hostname: string) => Promise<LookupAddress[]>;

export type UrlSafetyOptions = {
  /**
   * Hosts (names or addresses, as written in URLs) allowed even though they are private or
   * loopback, and over plain http: for tests and the local demo only.
   */
  allowPrivateHosts?: readonly string[];
  /** DNS resolution; default: the system resolver, every address. */
  lookup?: Lookup;
};

export type SafeWebhookUrl = { url: URL; addresses: LookupAddress[] };

/** A URL that may not receive webhooks; the message is safe to show the partner. */
export class UnsafeWebhookUrlError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UnsafeWebhookUrlError';
  }
}

const systemLookup: Lookup = (hostname) => dnsLookup(hostname, { all: true, verbatim: true });

/** Whether an IP address lies in a loopback, private, link-local or otherwise non-public range. */
export function isPrivateAddress(address: string): boolean {
  const family = isIP(address);
  if (family === 0) throw new UnsafeWebhookUrlError(`${address} is not an IP address`);
  // IPv4-mapped IPv6 (::ffff:a.b.c.d) is checked against the IPv4 ranges by BlockList itself.
  return BLOCKED.check(address, family === 4 ? 'ipv4' : 'ipv6');
}

/** `WEBHOOK_ALLOW_PRIVATE_HOSTS`: comma-separated hosts, e.g. `127.0.0.1,localhost`. */
export function allowedPrivateHostsFromEnv(env: NodeJS.ProcessEnv = process.env): string[] {
  return (readEntry('WEBHOOK_ALLOW_PRIVATE_HOSTS', webhookGroup.WEBHOOK_ALLOW_PRIVATE_HOSTS, env) ?? []).map((host) => host.toLowerCase());
}

/**
 * Checks a webhook URL before registering it and again before every delivery: https only, no
 * credentials, and a host whose every resolved address is public (a name with one private address
 * among public ones is refused: the connection could pick it). Returns the checked addresses so the
 * sender can connect to exactly those, not to what a second DNS answer says.
 */
export async function assertSafeWebhookUrl(raw: string, options: UrlSafetyOptions = {}): Promise<SafeWebhookUrl> {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new UnsafeWebhookUrlError('The webhook URL is not a valid absolute URL');
  }
  const host = url.hostname.toLowerCase();
  const bareHost = host.replace(/^\[(.*)\]$/, '$1');
  const allowed = (options.allowPrivateHosts ?? []).some((entry) => entry.toLowerCase().replace(/^\[(.*)\]$/, '$1') === bareHost);
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && allowed))
    throw new UnsafeWebhookUrlError('The webhook URL must use https');
  if (url.username || url.password) throw new UnsafeWebhookUrlError('The webhook URL must not carry credentials');
  if (!bareHost) throw new UnsafeWebhookUrlError('The webhook URL has no host');

  const addresses: LookupAddress[] = isIP(bareHost)
    ? [{ address: bareHost, family: isIP(bareHost) }]
    : await resolve(bareHost, options.lookup ?? systemLookup);
  if (addresses.length === 0) throw new UnsafeWebhookUrlError(`${host} does not resolve`);
  if (!allowed) {
    const blocked = addresses.find(({ address }) => isPrivateAddress(address));
    if (blocked) throw new UnsafeWebhookUrlError(`${host} resolves to a loopback, private or link-local address (${blocked.address})`);
  }
  return { url, addresses };
}

async function resolve(host: string, lookup: Lookup): Promise<LookupAddress[]> {
  try {
    return await lookup(host);
  } catch {
    throw new UnsafeWebhookUrlError(`${host} does not resolve`);
  }
}
