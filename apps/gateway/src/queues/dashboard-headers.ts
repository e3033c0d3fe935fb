import { SECURITY_HEADERS } from '@polyplus/web-kit';

/**
 * Headers on every answer of the queue dashboard: the web pages' strict policy (everything from this
 * origin, nothing inline runs), except that Bull Board's page styles its elements inline.
 */
export const DASHBOARD_HEADERS = {
  ...SECURITY_HEADERS,
  'content-security-policy':
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'",
  'cache-control': 'no-store',
} as const;
