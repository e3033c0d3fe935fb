/** Who is calling, as the gateway verified it from a bearer token. */
export type Role =
  | 'CUSTOMER_ADMIN'
  | 'CUSTOMER_TECHNICIAN'
  | 'SUPPORT_ENGINEER'
  | 'DISPATCH_PLANNER'
  | 'PARTNER'
  | 'SERVICE';

export const ROLES: readonly Role[] = ['CUSTOMER_ADMIN', 'CUSTOMER_TECHNICIAN', 'SUPPORT_ENGINEER', 'DISPATCH_PLANNER', 'PARTNER', 'SERVICE'];

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

const CUSTOMER_SCOPED: readonly Role[] = ['CUSTOMER_ADMIN', 'CUSTOMER_TECHNICIAN', 'PARTNER'];

/** Customer-facing principals see only their customers' data; vendor staff and services see all. */
export function isCustomerScoped(principal: Principal): boolean {
  return CUSTOMER_SCOPED.includes(principal.role);
}

/** Whether the principal may see data that belongs to `customerId`. */
export function canSeeCustomer(principal: Principal, customerId: string): boolean {
  return !isCustomerScoped(principal) || principal.customerIds.includes(customerId);
}

/** The internal caller subgraphs use for service-to-service look-ups. */
export function servicePrincipal(name: string): Principal {
  return { subject: `service:${name}`, role: 'SERVICE', customerIds: [] };
}
