import type { MiddlewareFn } from 'type-graphql';
import { canSeeCustomer, isCustomerScoped } from '@polyplus/auth';
import { forbidden } from './errors';
import type { SubgraphContext } from './principal-context';

/**
 * Root queries a customer principal may run: every one except those a subgraph keeps for vendor
 * staff and services, and never one that names another customer (`customerId` argument). Naming a
 * foreign customer is refused outright rather than answered with an empty list, so a client bug
 * shows up as FORBIDDEN instead of a silently empty page.
 */
export function queryPolicyMiddleware(staffQueries: readonly string[]): MiddlewareFn<SubgraphContext> {
  return async ({ context, info, args }, next) => {
    if (info.parentType.name !== 'Query' || !context?.principal || !isCustomerScoped(context.principal)) return next();
    if (staffQueries.includes(info.fieldName)) throw forbidden(`${info.fieldName} is not available to ${context.principal.role}`);
    if (typeof args.customerId === 'string' && !canSeeCustomer(context.principal, args.customerId)) {
      throw forbidden('You may read only your own customer account’s data');
    }
    return next();
  };
}
