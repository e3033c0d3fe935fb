import { createHash } from 'node:crypto';

/** Who is calling, as the gateway verified it from a bearer token. */
export type Role = 'CUSTOMER_ADMIN' | 'CUSTOMER_TECHNICIAN' | 'SUPPORT_ENGINEER' | 'DISPATCH_PLANNER' | 'PARTNER' | 'SERVICE' | 'PUBLIC';

export const ROLES: readonly Role[] = [
  'CUSTOMER_ADMIN',
  'CUSTOMER_TECHNICIAN',
  'SUPPORT_ENGINEER',
  'DISPATCH_PLANNER',
  'PARTNER',
  'SERVICE',
  'PUBLIC',
];

export type Principal = {
  /** Stable id of the caller (user id, partner id or service name). */
  subject: string;
  role: Role;
  /**
   * The customers whose data the caller may see: its own customer for customer roles, the
   * customers that authorised it for a partner; empty for vendor staff and services (all customers).
   */
  customerIds: string[];
  /** A customer technician's contact id in the customers subgraph (designated-contact checks). */
  contactId?: string;
};

// PUBLIC is scoped too, to no customer at all: an anonymous caller sees no customer's data.
const CUSTOMER_SCOPED: readonly Role[] = ['CUSTOMER_ADMIN', 'CUSTOMER_TECHNICIAN', 'PARTNER', 'PUBLIC'];

/** Customer-facing principals see only their customers' data; vendor staff and services see all. */
export function isCustomerScoped(principal: Principal): boolean {
  return CUSTOMER_SCOPED.includes(principal.role);
}

/** Whether the principal may see data that belongs to `customerId`. */
export function canSeeCustomer(principal: Principal, customerId: string): boolean {
  return !isCustomerScoped(principal) || principal.customerIds.includes(customerId);
}

/** The subject every anonymous caller shares; rate limits tell anonymous callers apart by address instead. */
export const ANONYMOUS_SUBJECT = 'anonymous';

/**
 * The caller of a request that carries no credentials at all (the public support directory, the
 * published replacement terms): role PUBLIC, no customers. Only fields whose access policy names
 * PUBLIC answer it.
 */
export function anonymousPrincipal(): Principal {
  return { subject: ANONYMOUS_SUBJECT, role: 'PUBLIC', customerIds: [] };
}

/** Whether the principal is an anonymous caller (no token). */
export function isAnonymous(principal: Pick<Principal, 'role'>): boolean {
  return principal.role === 'PUBLIC';
}

/** The internal caller subgraphs use for service-to-service look-ups. */
export function servicePrincipal(name: string): Principal {
  return { subject: `service:${name}`, role: 'SERVICE', customerIds: [] };
}

/** The longest actor string: audit columns hold 100 characters. */
export const ACTOR_MAX_LENGTH = 100;

/**
 * How a verified principal is written into every record of who did what: `<ROLE>:<subject>`, e.g.
 * `SUPPORT_ENGINEER:jane`. The same principal always gives the same string; a subject too long for
 * the audit columns keeps its start and a digest of the whole, so two long subjects never collide.
 */
export function actorOf(principal: Pick<Principal, 'role' | 'subject'>): string {
  const actor = `${principal.role}:${principal.subject}`;
  if (actor.length <= ACTOR_MAX_LENGTH) return actor;
  const digest = createHash('sha256').update(principal.subject).digest('hex').slice(0, 16);
  return `${actor.slice(0, ACTOR_MAX_LENGTH - digest.length - 1)}#${digest}`;
}
