import { isIP } from 'node:net';
import { integer, list, onOff } from '../entries';

const perMinute = (what: string, fallback: number) =>
  integer({
    min: 0,
    default: fallback,
    unit: 'requests per minute; 0 turns the limit off',
    description: `Sustained request rate of ${what}.`,
  });
const burst = (what: string, fallback: number) =>
  integer({ min: 1, default: fallback, unit: 'requests', description: `Requests ${what} may make at once above the rate.` });

/** The gateway's edge: rate limits per principal class, the proxies it believes. */
export const gatewayEdgeGroup = {
  RATE_LIMIT_PER_MINUTE: perMinute('each customer and partner', 600),
  RATE_LIMIT_BURST: burst('each customer and partner', 100),
  RATE_LIMIT_STAFF_PER_MINUTE: perMinute('each staff member', 6_000),
  RATE_LIMIT_STAFF_BURST: burst('each staff member', 1_000),
  RATE_LIMIT_ANONYMOUS_PER_MINUTE: perMinute('each client address without a token (IPv6 per /64)', 120),
  RATE_LIMIT_ANONYMOUS_BURST: burst('each client address without a token (IPv6 per /64)', 60),
  GATEWAY_TRUSTED_PROXIES: list({
    form: 'comma-separated IP addresses',
    item: { test: (entry) => isIP(entry) !== 0, is: 'an IP address' },
    defaultNote: 'none',
    description: 'Proxies whose X-Forwarded-For is believed; their own entry must be the last.',
  }),
} as const;

/** How the gateway calls the subgraphs. */
export const gatewaySubgraphGroup = {
  GATEWAY_SHARED_READS: onOff({
    default: 'on',
    description:
      'Subgraph reads in flight at once for the same principal share requests: identical ones (same subgraph, document and variables) one request, entity look-ups of one turn of the event loop one batched request; never mutations, never across principals.',
  }),
} as const;
