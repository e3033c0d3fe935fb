import type { MiddlewareFn } from 'type-graphql';
import { canSeeCustomer, isCustomerScoped, type Role } from '@polyplus/auth';
import { forbidden } from './errors';
import type { SubgraphContext } from './principal-context';

/** Vendor roles that change support data by default: support engineers, and services acting for them. */
export const DEFAULT_STAFF_ROLES: readonly Role[] = ['SUPPORT_ENGINEER', 'SERVICE'];

/**
 * Mutations are vendor-staff operations unless a subgraph lists them for customer principals; a
 * listed mutation may name only the caller's own customers (`customerId` argument or input field)
 * and, where it names a contact (`contactId`), only the caller itself: a technician reports as themself.
 * Among vendor staff, only `staffRoles` may change this subgraph's data (least privilege: a
 * dispatch planner moves visits, it does not edit cases or contracts).
 */
export function mutationPolicyMiddleware(customerMutations: readonly string[], staffRoles: readonly Role[] = DEFAULT_STAFF_ROLES): MiddlewareFn<SubgraphContext> {
  return async ({ context, info, args }, next) => {
    if (info.parentType.name !== 'Mutation' || !context?.principal) return next();
    if (!isCustomerScoped(context.principal)) {
      if (!staffRoles.includes(context.principal.role)) throw forbidden(`${info.fieldName} is not available to ${context.principal.role}`);
      return next();
    }
    if (!customerMutations.includes(info.fieldName)) throw forbidden(`${info.fieldName} is not available to ${context.principal.role}`);
    const named = [args.customerId, (args.input as { customerId?: unknown } | undefined)?.customerId].filter((id): id is string => typeof id === 'string');
    if (named.some((customerId) => !canSeeCustomer(context.principal, customerId))) throw forbidden('You may act only for your own customer account');
    const contactId = (args.input as { contactId?: unknown } | undefined)?.contactId;
    if (contactId !== undefined && contactId !== context.principal.contactId) throw forbidden('You may act only as your own contact');
    return next();
  };
}
