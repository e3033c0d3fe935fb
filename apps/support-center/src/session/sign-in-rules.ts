// Who may use the portal: customer admins and customer technicians, with a token of the issuer
// the gateway trusts. The gateway verifies every request; this only explains a wrong token early.
import { readTokenClaims, type TokenClaims } from '@polyplus/web-ui';

export type CustomerRole = 'CUSTOMER_ADMIN' | 'CUSTOMER_TECHNICIAN';

export const ROLE_LABEL: Record<CustomerRole, string> = { CUSTOMER_ADMIN: 'customer admin', CUSTOMER_TECHNICIAN: 'customer technician' };

export function isCustomerRole(role: string): role is CustomerRole {
  return role === 'CUSTOMER_ADMIN' || role === 'CUSTOMER_TECHNICIAN';
}

/** Why a token cannot open the portal, or null when it can. */
export function portalTokenProblem(token: string, issuer: string, now: Date = new Date()): string | null {
  const claims = readTokenClaims(token);
  if (!claims) return 'That is not an access token. Paste the whole token your organisation’s sign-in gave you.';
  if (!isCustomerRole(claims.role))
    return `This token is for the role ${claims.role}; the Online Support Center is for customer admins and customer technicians.`;
  if (claims.issuer !== undefined && claims.issuer !== issuer)
    return `This token was issued by ${claims.issuer}; the Online Support Center accepts tokens from ${issuer} only.`;
  if (claims.expiresAt && claims.expiresAt <= now) return 'This token has expired; sign in again to get a new one.';
  if (!claims.customerIds?.length) return 'This token names no customer account.';
  return null;
}

export function customerClaims(token: string): (TokenClaims & { role: CustomerRole; customerIds: string[] }) | null {
  const claims = readTokenClaims(token);
  if (!claims || !isCustomerRole(claims.role) || !claims.customerIds?.length) return null;
  return claims as TokenClaims & { role: CustomerRole; customerIds: string[] };
}
