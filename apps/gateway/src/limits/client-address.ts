import type { IncomingMessage } from 'node:http';
import { isIP } from 'node:net';
import { gatewayEdgeGroup, readConfig } from '@polyplus/config';

/** Addresses of the proxies in front of the gateway whose `X-Forwarded-For` is believed. */
export type TrustedProxies = ReadonlySet<string>;

/**
 * `GATEWAY_TRUSTED_PROXIES`: comma-separated IP addresses of the load balancers or relays in front
 * of the gateway (e.g. the portal's server). Empty by default: the client is the socket's peer.
 */
export function trustedProxiesFromEnv(env: NodeJS.ProcessEnv): TrustedProxies {
  const { GATEWAY_TRUSTED_PROXIES: listed = [] } = readConfig({ GATEWAY_TRUSTED_PROXIES: gatewayEdgeGroup.GATEWAY_TRUSTED_PROXIES }, env);
  return new Set(listed.map(canonicalAddress));
}

function expandIPv6(address: string): string[] {
  const [head, tail = ''] = address.split('::');
  const left = head ? head.split(':') : [];
  const right = address.includes('::') ? (tail ? tail.split(':') : []) : [];
  // An embedded IPv4 tail (::1.2.3.4) counts as two groups.
  const groups = [...left, ...Array(Math.max(0, 8 - left.length - right.length)).fill('0'), ...right];
  return groups.map((group) => group.toLowerCase().padStart(4, '0'));
}

/** One spelling per address: IPv4-mapped IPv6 as IPv4, IPv6 fully expanded and lower-case. */
function canonicalAddress(address: string): string {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped) return mapped[1];
  return isIP(address) === 6 && !address.includes('.') ? expandIPv6(address).join(':') : address;
}

/**
 * The key an anonymous caller is rate-limited under: its IPv4 address, or its IPv6 /64 (one
 * subscriber's network, so rotating addresses within it buys nothing).
 */
export function rateLimitKeyOf(address: string): string {
  const canonical = canonicalAddress(address);
  return isIP(canonical) === 6 && !canonical.includes('.') ? `${canonical.split(':').slice(0, 4).join(':')}::/64` : canonical;
}

/**
 * The address of the client behind a request. The socket's peer, unless the peer is a trusted
 * proxy: then the right-most `X-Forwarded-For` entry that is not itself a trusted proxy (entries
 * further left are whatever the client wrote). A malformed entry stops the walk at the last proxy,
 * so a forged header never mints fresh addresses.
 */
export function clientAddress(request: Pick<IncomingMessage, 'headers' | 'socket'>, trusted: TrustedProxies): string {
  const peer = canonicalAddress(request.socket?.remoteAddress ?? 'unknown');
  if (!trusted.has(peer)) return peer;
  const header = request.headers['x-forwarded-for'];
  const hops = (Array.isArray(header) ? header.join(',') : (header ?? ''))
    .split(',')
    .map((hop) => hop.trim())
    .filter(Boolean);
  let client = peer;
  for (const hop of hops.reverse()) {
    if (isIP(hop) === 0) return client;
    client = canonicalAddress(hop);
    if (!trusted.has(client)) return client;
  }
  return client;
}
