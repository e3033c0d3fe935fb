import { randomUUID } from 'node:crypto';
import type { Principal } from '@polyplus/auth';

/**
 * The people of one customer as tests sign them in, subjects tagged `tag`: an admin, a designated
 * technician (`contactId`), a technician who is no longer a designated contact, and a partner.
 */
export function customerPrincipals(tag: string, customerId: string, contactId: string) {
  const customerIds = [customerId];
  return {
    admin: { subject: `admin-${tag}`, role: 'CUSTOMER_ADMIN', customerIds } satisfies Principal,
    technician: { subject: `tech-${tag}`, role: 'CUSTOMER_TECHNICIAN', customerIds, contactId } satisfies Principal,
    undesignated: { subject: `tech-${tag}-old`, role: 'CUSTOMER_TECHNICIAN', customerIds, contactId: randomUUID() } satisfies Principal,
    partner: { subject: `partner-${tag}`, role: 'PARTNER', customerIds } satisfies Principal,
  };
}
