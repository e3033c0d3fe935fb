import type { Principal } from '@polyplus/auth';

/**
 * What the subgraphs decide a reader's visibility by: the role, the customers, the contact (a
 * technician's designated-contact checks) and, for a partner or a service, who it is (a partner's
 * own endpoints and requests). Two principals with the same scope are answered alike by every
 * read, so one delivery read can serve both; staff of one role share one scope.
 */
export function rightsScope(principal: Principal): string {
  const bySubject = principal.role === 'PARTNER' || principal.role === 'SERVICE';
  return JSON.stringify([
    principal.role,
    [...principal.customerIds].sort(),
    principal.contactId ?? null,
    bySubject ? principal.subject : null,
  ]);
}
