import { isCustomerScoped, type Principal } from '@polyplus/auth';
import { forbidden } from '@polyplus/subgraph-kit';

/** Webhooks belong to partner systems; vendor staff and services may look after them; customers may not. */
export function assertWebhookCaller(principal: Principal | undefined): Principal {
  if (!principal) throw forbidden('Webhooks need a partner or staff principal');
  if (isCustomerScoped(principal) && principal.role !== 'PARTNER') throw forbidden(`Webhooks are not available to ${principal.role}`);
  return principal;
}

/** Registering an endpoint or receiving its secret is for the partner itself. */
export function assertPartner(principal: Principal | undefined): Principal {
  const caller = assertWebhookCaller(principal);
  if (caller.role !== 'PARTNER') throw forbidden('Only a partner system registers webhook endpoints and holds their secrets');
  return caller;
}

/** A partner manages only its own endpoints; staff manage all. */
export function mayManageEndpoint(principal: Principal, partnerId: string): boolean {
  return principal.role !== 'PARTNER' || principal.subject === partnerId;
}
